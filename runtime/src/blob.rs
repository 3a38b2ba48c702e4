//! Binary data, base64 on the wire.

use std::fmt;

/// Bytes of a `blob` member; base64 in the JSON body.
///
/// ```
/// let blob = awsjson::Blob::new(b"hello".to_vec());
/// assert_eq!(blob.to_base64(), "aGVsbG8=");
/// assert_eq!(awsjson::Blob::from_base64("aGVsbG8=").unwrap(), blob);
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Blob(Vec<u8>);

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

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
        let mut out = String::with_capacity(self.0.len().div_ceil(3) * 4);
        for chunk in self.0.chunks(3) {
            let n = (u32::from(chunk[0]) << 16)
                | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
                | u32::from(*chunk.get(2).unwrap_or(&0));
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    /// Decodes standard base64; padding is optional, whitespace is not allowed.
    pub fn from_base64(input: &str) -> Result<Self, Base64Error> {
        let trimmed = input.trim_end_matches('=');
        if input.len() - trimmed.len() > 2 || trimmed.len() % 4 == 1 {
            return Err(Base64Error);
        }
        let mut out = Vec::with_capacity(trimmed.len() * 3 / 4);
        let mut acc = 0u32;
        let mut bits = 0;
        for c in trimmed.bytes() {
            let v = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'+' => 62,
                b'/' => 63,
                _ => return Err(Base64Error),
            };
            acc = (acc << 6) | u32::from(v);
            bits += 6;
            if bits >= 8 {
                bits -= 8;
                out.push((acc >> bits) as u8);
                acc &= (1 << bits) - 1;
            }
        }
        Ok(Blob(out))
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
}
