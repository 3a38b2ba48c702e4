//! JSON bodies of success responses, shared by the JSON protocols.

use crate::operation::OutputShape;

use crate::json_read::{self, FromJson, Reader};

impl OutputShape for () {
    fn decode(body: &[u8]) -> Result<Self, serde_json::Error> {
        let mut r = Reader::new(body);
        match r.peek() {
            None => return Ok(()),
            // Insist on an object, so that an answer in another protocol (XML, HTML) is
            // not taken for success.
            Some(b'{') => {}
            Some(_) => return Err(serde::de::Error::custom("expected a JSON object")),
        }
        r.skip()?;
        r.end()
    }
}

/// Decodes a shape from a body, reading an empty body as `{}`. An operation's output
/// and errors are decoded by `json_struct::read_struct` directly, without this layer
/// per structure (issue 20); restJson1's bound outputs and event streams call this.
pub fn decode_struct<T: FromJson>(body: &[u8]) -> Result<T, json_read::Error> {
    let mut r = Reader::body(body);
    let value = T::from_json(&mut r)?;
    r.end()?;
    Ok(value)
}
