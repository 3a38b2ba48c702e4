//! JSON bodies of success responses, shared by the JSON protocols.

use crate::operation::OutputShape;

impl OutputShape for () {
    fn decode(body: &[u8]) -> Result<Self, serde_json::Error> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        // Insist on an object, so that an answer in another protocol (XML, HTML) is not
        // taken for success.
        serde_json::from_slice::<serde::de::IgnoredAny>(body)?;
        match body.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => Ok(()),
            _ => Err(serde::de::Error::custom("expected a JSON object")),
        }
    }
}

/// Decodes a structure shape from a body, reading an empty body as `{}`.
///
/// `serde_json::from_slice` written out: its two generic layers (`from_slice`,
/// `from_trait`) would be instantiated once more per structure decoded (issue 20).
pub fn decode_struct<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, serde_json::Error> {
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        body
    };
    let mut de = serde_json::Deserializer::from_slice(body);
    let value = T::deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}
