//! Binary data, base64 on the wire.

use std::fmt;

use base64::Engine as _;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

/// Bytes of a `blob` member; base64 in the JSON body.
///
/// ```
/// let blob = awsjson::Blob::new(b"hello".to_vec());
/// assert_eq!(blob.to_base64(), "aGVsbG8=");
/// assert_eq!(awsjson::Blob::from_base64("aGVsbG8=").unwrap(), blob);
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Blob(Vec<u8>);

/// The standard alphabet (`+` and `/`), padded on output. Input may leave the padding
/// out, and bits past the last byte in its last symbol are ignored: the decoder this
/// replaced accepted both, so a response that decoded before still decodes.
static ENGINE: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_encode_padding(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// A string that is not standard base64.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base64Error;

impl fmt::Display for Base64Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid base64")
    }
}

impl std::error::Error for Base64Error {}

impl Blob {
    /// Wraps bytes.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Blob(bytes.into())
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Takes the bytes.
    pub fn into_inner(self) -> Vec<u8> {
        self.0
    }

    /// Standard base64 with padding, as AWS sends it.
    pub fn to_base64(&self) -> String {
        ENGINE.encode(&self.0)
    }

    /// Decodes standard base64. Padding is optional, but never more `=` than the canonical
    /// one or two; whitespace is not allowed.
    ///
    /// ```
    /// use awsjson::Blob;
    ///
    /// assert_eq!(Blob::from_base64("+/8=").unwrap().as_bytes(), [0xfb, 0xff]);
    /// assert_eq!(Blob::from_base64("+/8").unwrap().as_bytes(), [0xfb, 0xff]);
    /// assert!(Blob::from_base64("-_8=").is_err()); // the URL-safe alphabet
    /// assert!(Blob::from_base64("Zm9v=").is_err());
    /// ```
    pub fn from_base64(input: &str) -> Result<Self, Base64Error> {
        ENGINE.decode(input).map(Blob).map_err(|_| Base64Error)
    }
}

impl From<Vec<u8>> for Blob {
    fn from(bytes: Vec<u8>) -> Self {
        Blob(bytes)
    }
}

impl From<&[u8]> for Blob {
    fn from(bytes: &[u8]) -> Self {
        Blob(bytes.to_vec())
    }
}

impl From<&str> for Blob {
    fn from(text: &str) -> Self {
        Blob(text.as_bytes().to_vec())
    }
}

impl AsRef<[u8]> for Blob {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for Blob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Blob({} bytes)", self.0.len())
    }
}

impl serde::Serialize for Blob {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_base64())
    }
}

impl<'de> serde::Deserialize<'de> for Blob {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Blob::from_base64(&text).map_err(serde::de::Error::custom)
    }
}

impl crate::json_read::FromJson for Blob {
    fn from_json(r: &mut crate::json_read::Reader<'_>) -> Result<Self, crate::json_read::Error> {
        let text = r.str("a string")?;
        Blob::from_base64(&text).map_err(|e| r.error(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips() {
        for (raw, b64) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(Blob::from(raw).to_base64(), b64);
            assert_eq!(Blob::from_base64(b64).unwrap(), Blob::from(raw));
        }
        let all: Vec<u8> = (0..=255).collect();
        let blob = Blob::new(all);
        assert_eq!(Blob::from_base64(&blob.to_base64()).unwrap(), blob);
    }

    #[test]
    fn bad_base64_is_an_error() {
        for bad in ["Z", "Zg===", "Z$==", "Zm9v\n"] {
            assert!(Blob::from_base64(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn plus_and_slash_are_the_last_two_symbols() {
        for (raw, b64) in [
            (&[0xfb, 0xff][..], "+/8="),
            (&[0, 1, 2, 254, 255, 61, 47][..], "AAEC/v89Lw=="),
        ] {
            assert_eq!(Blob::new(raw.to_vec()).to_base64(), b64);
            assert_eq!(Blob::from_base64(b64).unwrap().as_bytes(), raw);
        }
        // The same bytes in the URL-safe alphabet.
        for url_safe in ["-_8=", "AAEC_v89Lw=="] {
            assert_eq!(Blob::from_base64(url_safe), Err(Base64Error), "{url_safe}");
        }
    }

    #[test]
    fn padding_may_be_left_out_and_spare_bits_are_ignored() {
        for (b64, raw) in [
            ("Zg", "f"),
            ("Zg=", "f"),
            ("Zm8", "fo"),
            ("Zm9vYmE", "fooba"),
            // The unused low bits of the last symbol set: `Zg==` and `Zm8=` canonically.
            ("Zh==", "f"),
            ("Zm9=", "fo"),
        ] {
            assert_eq!(Blob::from_base64(b64).unwrap(), Blob::from(raw), "{b64}");
        }
        for bad in [
            "=", "Zm9v=", "Zm9v==", "Zm8==", "=Zg=", "Zg==Zg==", "Zm=9", " Zg==", "Zg== ",
        ] {
            assert_eq!(Blob::from_base64(bad), Err(Base64Error), "{bad}");
        }
    }
}
