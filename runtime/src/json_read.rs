//! The JSON reader of the decode path: one concrete reader over the response's bytes,
//! and [`FromJson`], which each type a response holds implements over it.
//!
//! Why not serde's `Deserialize` over serde_json: every type read that way instantiates
//! serde_json's generic parser (its `deserialize_struct`, `deserialize_seq`, the
//! visitors, the error positioning) once per type, and most types of a response are the
//! operation's own. Measured (issue 20), that chain was over a quarter of the compile
//! memory each declared operation costs. Here the parser is compiled once, in this
//! file, and a type's reader is a short function calling it. Shapes keep serde's
//! `Deserialize` (users read them with serde; the serde path and this one share each
//! structure's member table and `read`, `json_struct::Source`).
//!
//! The language read is serde_json's: the same grammar, escapes and surrogate pairs,
//! UTF-8 checked, integers exact and out-of-range values an error, the same wording of
//! type errors, `null` an `Option`'s `None`. Nesting deeper than serde_json's 128
//! levels is an error rather than a deeper recursion; skipping a value does not recurse.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::{BuildHasher, Hash};

use serde::de::{self, Unexpected};

/// What reading fails with: serde_json's error, so that the decode path's signatures
/// stay those of serde_json's.
pub type Error = serde_json::Error;

/// serde_json's recursion limit: objects and arrays nested deeper are an error.
const MAX_DEPTH: u32 = 128;

/// A cursor over a JSON text.
pub struct Reader<'a> {
    input: &'a [u8],
    /// The input as text when all of it is UTF-8, as a service's answer is: a string's
    /// bytes are then taken without checking them again (a string starts and ends at a
    /// quote, so its bounds are character boundaries). Checking the whole text once is
    /// cheaper than checking each string: `from_utf8` has a fixed cost a call, and a
    /// response is mostly short strings. `None` for other input, whose strings are
    /// checked one by one, as serde_json checks them (it fails only on a string's bytes).
    text: Option<&'a str>,
    pos: usize,
    depth: u32,
}

/// A value that reads itself from JSON: the types a response holds, and each shape the
/// macro declares.
pub trait FromJson: Sized {
    /// Reads one value.
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Error>;

    /// The value of a member left out of its object, when its type has one without a
    /// default: an `Option`'s `None` (serde's `missing field` rule).
    fn missing() -> Option<Self> {
        None
    }
}

/// A map key that reads itself from the key's text: `String`, and string enums.
pub trait FromJsonKey: Sized {
    /// The key.
    fn from_key(key: Cow<'_, str>) -> Self;
}

/// Reads a whole text as one `T`: nothing but whitespace may follow it.
pub fn from_slice<T: FromJson>(input: &[u8]) -> Result<T, Error> {
    let mut r = Reader::new(input);
    let value = T::from_json(&mut r)?;
    r.end()?;
    Ok(value)
}

impl<'a> Reader<'a> {
    /// A reader at the start of `input`.
    pub fn new(input: &'a [u8]) -> Self {
        Reader {
            input,
            text: std::str::from_utf8(input).ok(),
            pos: 0,
            depth: 0,
        }
    }

    /// A reader of a response body: an empty one (or only whitespace) reads as `{}`,
    /// the answer of an operation whose output has no members.
    pub fn body(body: &'a [u8]) -> Self {
        if body.iter().all(u8::is_ascii_whitespace) {
            Reader::new(b"{}")
        } else {
            Reader::new(body)
        }
    }

    /// The error `message`, placed at the reader's position as serde_json places its
    /// own (line and column, both from 1).
    pub fn error(&self, message: impl fmt::Display) -> Error {
        let before = &self.input[..self.pos.min(self.input.len())];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let column = match before.iter().rposition(|&b| b == b'\n') {
            Some(newline) => before.len() - newline - 1,
            None => before.len(),
        };
        de::Error::custom(format_args!("{message} at line {line} column {column}"))
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.input.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The next byte that is not whitespace, not consumed.
    pub fn peek(&mut self) -> Option<u8> {
        self.skip_whitespace();
        self.input.get(self.pos).copied()
    }

    /// Nothing but whitespace is left.
    pub fn end(&mut self) -> Result<(), Error> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.error("trailing characters")),
        }
    }

    /// Reads `null` when it comes next.
    pub fn null(&mut self) -> Result<bool, Error> {
        if self.peek() == Some(b'n') {
            self.word(b"null")?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn word(&mut self, word: &[u8]) -> Result<(), Error> {
        if self.input[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else if self.input.len() - self.pos < word.len()
            && word.starts_with(&self.input[self.pos..])
        {
            self.pos = self.input.len();
            Err(self.error("EOF while parsing a value"))
        } else {
            self.pos += 1;
            Err(self.error("expected ident"))
        }
    }

    /// The error for a value that is not what `expected` describes: serde_json's
    /// `invalid type: …, expected …`, naming what is there.
    pub fn invalid_type(&mut self, expected: &str) -> Error {
        let found = match self.peek() {
            None => return self.error("EOF while parsing a value"),
            Some(b'n') => self.word(b"null").map(|()| Found::Null),
            Some(b't') => self.word(b"true").map(|()| Found::Bool(true)),
            Some(b'f') => self.word(b"false").map(|()| Found::Bool(false)),
            Some(b'"') => self.string().map(Found::Str),
            Some(b'-' | b'0'..=b'9') => self.number().map(Found::Number),
            Some(b'[') => {
                self.pos += 1;
                Ok(Found::Seq)
            }
            Some(b'{') => {
                self.pos += 1;
                Ok(Found::Map)
            }
            Some(_) => {
                self.pos += 1;
                return self.error("expected value");
            }
        };
        let unexpected = match &found {
            Ok(Found::Null) => Unexpected::Unit,
            Ok(Found::Bool(b)) => Unexpected::Bool(*b),
            Ok(Found::Str(s)) => Unexpected::Str(s),
            Ok(Found::Number(n)) => n.unexpected(),
            Ok(Found::Seq) => Unexpected::Seq,
            Ok(Found::Map) => Unexpected::Map,
            Err(_) => Unexpected::Other("an invalid value"),
        };
        let message = <Error as de::Error>::invalid_type(unexpected, &expected);
        match found {
            Ok(_) => self.error(message),
            Err(e) => e,
        }
    }

    /// `invalid value: …, expected …` for a value read whole (`unexpected`).
    pub fn invalid_value(&self, unexpected: Unexpected<'_>, expected: &str) -> Error {
        self.error(<Error as de::Error>::invalid_value(unexpected, &expected))
    }

    /// A string, borrowed from the input when it has no escapes.
    pub fn str(&mut self, expected: &str) -> Result<Cow<'a, str>, Error> {
        if self.peek() == Some(b'"') {
            self.string()
        } else {
            Err(self.invalid_type(expected))
        }
    }

    /// The string token at the reader's position (its opening quote next).
    fn string(&mut self) -> Result<Cow<'a, str>, Error> {
        self.pos += 1;
        let start = self.pos;
        // The common case, no escape: the text as it lies in the input.
        self.pos += plain_run(&self.input[start..]);
        match self.input.get(self.pos) {
            None => return Err(self.error("EOF while parsing a string")),
            Some(b'"') => {
                let text = self.text_of(start, self.pos)?;
                self.pos += 1;
                return Ok(Cow::Borrowed(text));
            }
            Some(b'\\') => {}
            Some(_) => return Err(self.control()),
        }
        let mut out = self.input[start..self.pos].to_vec();
        loop {
            match self.input.get(self.pos) {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    self.pos += 1;
                    // Each run was checked, and an escape writes a whole character.
                    return match String::from_utf8(out) {
                        Ok(text) => Ok(Cow::Owned(text)),
                        Err(_) => Err(self.error("invalid unicode code point")),
                    };
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(0..0x20) => return Err(self.control()),
                Some(_) => {
                    let run = plain_run(&self.input[self.pos..]);
                    // A run ends at an ASCII byte or the end of the input, never inside
                    // a character, so it is text on its own.
                    out.extend_from_slice(self.text_of(self.pos, self.pos + run)?.as_bytes());
                    self.pos += run;
                }
            }
        }
    }

    /// The input from `start` to `end` (both just after or at ASCII bytes) as text; the
    /// error of serde_json, at the first byte that is not UTF-8, when it is not.
    #[inline(always)]
    fn text_of(&mut self, start: usize, end: usize) -> Result<&'a str, Error> {
        match self.text.and_then(|text| text.get(start..end)) {
            Some(text) => Ok(text),
            None => self.check_text(start, end),
        }
    }

    fn check_text(&mut self, start: usize, end: usize) -> Result<&'a str, Error> {
        std::str::from_utf8(&self.input[start..end]).map_err(|e| {
            self.pos = start + e.valid_up_to() + 1;
            self.error("invalid unicode code point")
        })
    }

    fn control(&mut self) -> Error {
        self.pos += 1;
        self.error("control character (\\u0000-\\u001F) found while parsing a string")
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> Result<(), Error> {
        let Some(&c) = self.input.get(self.pos) else {
            return Err(self.error("EOF while parsing a string"));
        };
        self.pos += 1;
        let byte = match c {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => {
                let c = self.unicode_escape()?;
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                return Ok(());
            }
            _ => return Err(self.error("invalid escape")),
        };
        out.push(byte);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut n = 0;
        for _ in 0..4 {
            let Some(&digit) = self.input.get(self.pos) else {
                return Err(self.error("EOF while parsing a string"));
            };
            self.pos += 1;
            match char::from(digit).to_digit(16) {
                Some(v) => n = n * 16 + v,
                None => return Err(self.error("invalid escape")),
            }
        }
        Ok(n)
    }

    fn unicode_escape(&mut self) -> Result<char, Error> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.input.get(self.pos..self.pos + 2) != Some(b"\\u") {
                    return Err(self.error("unexpected end of hex escape"));
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("lone leading surrogate in hex escape")),
            n => n,
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))
    }

    /// The number token at the reader's position, checked against JSON's grammar.
    fn number(&mut self) -> Result<Number, Error> {
        let (text, integer) = self.number_text()?;
        if let Some(number) = exact_number(text, integer) {
            return Ok(number);
        }
        // ASCII digits and signs only: always UTF-8.
        let text = std::str::from_utf8(text).unwrap_or("0");
        if integer {
            // Beyond 128 bits serde_json reads an integer as a float too, and `-0` as
            // the float -0.0.
            match text.parse::<i128>() {
                Ok(0) if text.starts_with('-') => return Ok(Number::NegZero),
                Ok(v) => return Ok(Number::Integer(v)),
                Err(_) => {}
            }
        }
        match text.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(Number::Float(v)),
            _ => Err(self.error("number out of range")),
        }
    }

    /// The text of the number token at the reader's position, checked against JSON's
    /// grammar only (a skipped number's value is not asked for, as serde_json does not
    /// when it ignores one: `1e400` is skipped), and whether it is an integer.
    fn number_text(&mut self) -> Result<(&'a [u8], bool), Error> {
        let input = self.input;
        let start = self.pos;
        let mut i = start;
        let digits = |i: &mut usize| {
            let from = *i;
            while let Some(b'0'..=b'9') = input.get(*i) {
                *i += 1;
            }
            *i > from
        };
        if input.get(i) == Some(&b'-') {
            i += 1;
        }
        match input.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                digits(&mut i);
            }
            _ => return Err(self.number_error(i)),
        }
        let mut integer = true;
        if input.get(i) == Some(&b'.') {
            integer = false;
            i += 1;
            if !digits(&mut i) {
                return Err(self.number_error(i));
            }
        }
        if let Some(b'e' | b'E') = input.get(i) {
            integer = false;
            i += 1;
            if let Some(b'+' | b'-') = input.get(i) {
                i += 1;
            }
            if !digits(&mut i) {
                return Err(self.number_error(i));
            }
        }
        self.pos = i;
        Ok((&input[start..i], integer))
    }

    fn number_error(&mut self, at: usize) -> Error {
        self.pos = (at + 1).min(self.input.len());
        if at >= self.input.len() {
            self.error("EOF while parsing a value")
        } else {
            self.error("invalid number")
        }
    }

    /// A JSON number as an integer type: a float or a value out of `T`'s range is an
    /// error.
    pub fn integer<T: TryFrom<i128>>(&mut self, expected: &str) -> Result<T, Error> {
        self.integer_of(expected, false)
    }

    /// [`Reader::integer`] for `i128` and `u128`, which serde_json reads `-0` as 0.
    fn wide_integer<T: TryFrom<i128>>(&mut self, expected: &str) -> Result<T, Error> {
        self.integer_of(expected, true)
    }

    fn integer_of<T: TryFrom<i128>>(&mut self, expected: &str, wide: bool) -> Result<T, Error> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => {}
            _ => return Err(self.invalid_type(expected)),
        }
        let v = match self.number()? {
            Number::Integer(v) => v,
            Number::NegZero if wide => 0,
            other => {
                return Err(self.error(<Error as de::Error>::invalid_type(
                    other.unexpected(),
                    &expected,
                )));
            }
        };
        T::try_from(v).map_err(|_| {
            let unexpected = match u64::try_from(v) {
                Ok(v) => Unexpected::Unsigned(v),
                Err(_) => i64::try_from(v).map_or(Unexpected::Other("integer"), Unexpected::Signed),
            };
            self.invalid_value(unexpected, expected)
        })
    }

    /// A JSON number as a float (an integer converted), or one of the strings the JSON
    /// protocols write non-finite values as: `"NaN"`, `"Infinity"`, `"-Infinity"`.
    pub fn float(&mut self) -> Result<f64, Error> {
        const EXPECTED: &str = "a number, \"NaN\", \"Infinity\" or \"-Infinity\"";
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => match self.number()? {
                Number::Integer(v) => Ok(v as f64),
                Number::Float(v) => Ok(v),
                Number::NegZero => Ok(-0.0),
            },
            Some(b'"') => {
                let text = self.string()?;
                match &*text {
                    "NaN" => Ok(f64::NAN),
                    "Infinity" => Ok(f64::INFINITY),
                    "-Infinity" => Ok(f64::NEG_INFINITY),
                    other => Err(self.invalid_value(Unexpected::Str(other), EXPECTED)),
                }
            }
            _ => Err(self.invalid_type(EXPECTED)),
        }
    }

    /// A JSON number, as serde_json hands it to `deserialize_any`: a non-negative integer
    /// as `u64`, a negative one as `i64`, anything else as `f64`.
    pub fn any_number(&mut self, expected: &str) -> Result<AnyNumber, Error> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => {}
            _ => return Err(self.invalid_type(expected)),
        }
        Ok(match self.number()? {
            Number::Integer(v) => match (u64::try_from(v), i64::try_from(v)) {
                (Ok(v), _) => AnyNumber::PosInt(v),
                (_, Ok(v)) => AnyNumber::NegInt(v),
                _ => AnyNumber::Float(v as f64),
            },
            Number::Float(v) => AnyNumber::Float(v),
            Number::NegZero => AnyNumber::Float(-0.0),
        })
    }

    /// `true` or `false`.
    pub fn bool(&mut self) -> Result<bool, Error> {
        match self.peek() {
            Some(b't') => self.word(b"true").map(|()| true),
            Some(b'f') => self.word(b"false").map(|()| false),
            _ => Err(self.invalid_type("a boolean")),
        }
    }

    fn enter(&mut self) -> Result<(), Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        self.pos += 1;
        Ok(())
    }

    /// Opens an object: its members through [`Object::next_key`].
    pub fn object(&mut self, expected: &str) -> Result<Object<'_, 'a>, Error> {
        if self.peek() != Some(b'{') {
            return Err(self.invalid_type(expected));
        }
        self.enter()?;
        Ok(Object {
            reader: self,
            first: true,
        })
    }

    /// Opens an array: its elements through [`Array::next_element`].
    pub fn array(&mut self, expected: &str) -> Result<Array<'_, 'a>, Error> {
        if self.peek() != Some(b'[') {
            return Err(self.invalid_type(expected));
        }
        self.enter()?;
        Ok(Array {
            reader: self,
            first: true,
        })
    }

    /// The next key of the object open innermost, or `None` at its closing brace;
    /// `first` right after the opening one. [`Object::next_key`] for a reader that
    /// keeps no cursor (a document's, building containers in a loop).
    pub(crate) fn object_key(&mut self, first: bool) -> Result<Option<Cow<'a, str>>, Error> {
        match self.peek() {
            Some(b'}') => {
                self.pos += 1;
                self.depth -= 1;
                return Ok(None);
            }
            Some(b',') if !first => {
                self.pos += 1;
                if self.peek() == Some(b'}') {
                    return Err(self.error_at_next("trailing comma"));
                }
            }
            None => return Err(self.error("EOF while parsing an object")),
            Some(_) if !first => return Err(self.error_at_next("expected `,` or `}`")),
            Some(_) => {}
        }
        self.key().map(Some)
    }

    /// Whether another element of the array open innermost follows; `first` right
    /// after its opening bracket. [`Array::next_element`] without a cursor.
    pub(crate) fn array_next(&mut self, first: bool) -> Result<bool, Error> {
        match self.peek() {
            Some(b']') => {
                self.pos += 1;
                self.depth -= 1;
                return Ok(false);
            }
            Some(b',') if !first => {
                self.pos += 1;
                if self.peek() == Some(b']') {
                    return Err(self.error_at_next("trailing comma"));
                }
            }
            None => return Err(self.error("EOF while parsing a list")),
            Some(_) if !first => return Err(self.error_at_next("expected `,` or `]`")),
            Some(_) => {}
        }
        Ok(true)
    }

    /// Opens the object that comes next (the caller peeked its brace).
    pub(crate) fn open_object(&mut self) -> Result<(), Error> {
        self.enter()
    }

    /// Opens the array that comes next (the caller peeked its bracket).
    pub(crate) fn open_array(&mut self) -> Result<(), Error> {
        self.enter()
    }

    /// Skips one value of any kind, checking its syntax; without recursion.
    pub fn skip(&mut self) -> Result<(), Error> {
        let mut open = Open::default();
        loop {
            // A value.
            match self.peek() {
                Some(b'{') => {
                    self.pos += 1;
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                    } else {
                        open.push(true);
                        self.key()?;
                        continue;
                    }
                }
                Some(b'[') => {
                    self.pos += 1;
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                    } else {
                        open.push(false);
                        continue;
                    }
                }
                Some(b'"') => {
                    self.string()?;
                }
                Some(b'-' | b'0'..=b'9') => {
                    self.number_text()?;
                }
                Some(b't') => self.word(b"true")?,
                Some(b'f') => self.word(b"false")?,
                Some(b'n') => self.word(b"null")?,
                None => return Err(self.error("EOF while parsing a value")),
                Some(_) => {
                    self.pos += 1;
                    return Err(self.error("expected value"));
                }
            }
            // What follows a value: the next member or element, or closing brackets.
            loop {
                let Some(object) = open.last() else {
                    return Ok(());
                };
                match (self.peek(), object) {
                    (Some(b','), _) => {
                        self.pos += 1;
                        if object {
                            self.key()?;
                        }
                        break;
                    }
                    (Some(b'}'), true) | (Some(b']'), false) => {
                        self.pos += 1;
                        open.pop();
                    }
                    (None, _) => return Err(self.error("EOF while parsing a value")),
                    (Some(_), true) => return Err(self.error_at_next("expected `,` or `}`")),
                    (Some(_), false) => return Err(self.error_at_next("expected `,` or `]`")),
                }
            }
        }
    }

    fn error_at_next(&mut self, message: &str) -> Error {
        self.pos += 1;
        self.error(message)
    }

    /// A member's key and the colon after it.
    fn key(&mut self) -> Result<Cow<'a, str>, Error> {
        let key = match self.peek() {
            Some(b'"') => self.string()?,
            None => return Err(self.error("EOF while parsing an object")),
            Some(_) => return Err(self.error_at_next("key must be a string")),
        };
        match self.peek() {
            Some(b':') => {
                self.pos += 1;
                Ok(key)
            }
            None => Err(self.error("EOF while parsing an object")),
            Some(_) => Err(self.error_at_next("expected `:`")),
        }
    }

    /// The text of the next value, skipped.
    pub fn raw(&mut self) -> Result<&'a [u8], Error> {
        self.skip_whitespace();
        let start = self.pos;
        self.skip()?;
        Ok(&self.input[start..self.pos])
    }
}

/// The containers open around a value being skipped, innermost last, `true` for an
/// object: the first 64 as bits of a word, deeper ones in a `Vec`. A `Vec` for all of
/// them was an allocation for every object an answer has that its shape does not.
#[derive(Default)]
struct Open {
    depth: usize,
    bits: u64,
    deeper: Vec<bool>,
}

impl Open {
    fn push(&mut self, object: bool) {
        if self.depth < 64 {
            let bit = 1 << self.depth;
            self.bits = if object {
                self.bits | bit
            } else {
                self.bits & !bit
            };
        } else {
            self.deeper.push(object);
        }
        self.depth += 1;
    }

    fn last(&self) -> Option<bool> {
        match self.depth {
            0 => None,
            depth @ 1..=64 => Some(self.bits >> (depth - 1) & 1 == 1),
            _ => self.deeper.last().copied(),
        }
    }

    fn pop(&mut self) {
        if self.depth > 64 {
            self.deeper.pop();
        }
        self.depth = self.depth.saturating_sub(1);
    }
}

/// How many bytes from the start of `bytes` a string holds before a quote, a backslash
/// or a control character (`bytes.len()` when none comes). Eight bytes a step: a
/// response's strings are names, identifiers and ARNs, and a byte at a time was most of
/// the cost of reading one.
fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH_BITS: u64 = ONES << 7;
    // The high bit of each byte of `word` below `n` (n ≤ 128). Bytes above the first
    // such byte may be marked wrongly (the borrow runs on), so only the lowest mark is read.
    const fn below(word: u64, n: u8) -> u64 {
        word.wrapping_sub(ONES * n as u64) & !word & HIGH_BITS
    }
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        let marks = below(word ^ (ONES * b'"' as u64), 1)
            | below(word ^ (ONES * b'\\' as u64), 1)
            | below(word, 0x20);
        if marks != 0 {
            return at + (marks.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at + bytes[at..]
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(bytes.len() - at)
}

/// Powers of ten an `f64` holds exactly.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The value of a number token (`text`, checked against JSON's grammar) computed from
/// its digits where that is exact, without `str::parse`, which costs about twice
/// serde_json's reading of the same number (issue 20): an integer that fits in a
/// `u64`, and a float whose digits fit in 53 bits with a power of ten up to 22, which
/// one IEEE multiplication or division rounds correctly (Clinger's fast path, as
/// serde_json and std's own parser take it). `None`: parse the text.
fn exact_number(text: &[u8], integer: bool) -> Option<Number> {
    let (negative, text) = match text {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, text),
    };
    let mut mantissa: u64 = 0;
    let mut exponent: i32 = 0;
    let mut fraction = false;
    let mut rest = text;
    while let [b, tail @ ..] = rest {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
                exponent = exponent.saturating_sub(i32::from(fraction));
            }
            b'.' => fraction = true,
            _ => break,
        }
        rest = tail;
    }
    if integer {
        return Some(match (negative, mantissa) {
            (true, 0) => Number::NegZero,
            (true, m) => Number::Integer(-i128::from(m)),
            (false, m) => Number::Integer(i128::from(m)),
        });
    }
    if let [b'e' | b'E', tail @ ..] = rest {
        let (sign, digits) = match tail {
            [b'-', digits @ ..] => (-1, digits),
            [b'+', digits @ ..] => (1, digits),
            digits => (1, digits),
        };
        // Longer exponents are left to `parse` (its value may still be small: 1e-0000).
        if digits.len() > 4 {
            return None;
        }
        let value = digits
            .iter()
            .fold(0i32, |v, d| v * 10 + i32::from(d - b'0'));
        exponent = exponent.saturating_add(sign * value);
    }
    let value = if mantissa == 0 {
        0.0
    } else if mantissa > 1 << 53 {
        return None;
    } else {
        let power = *EXACT_POWERS_OF_TEN.get(exponent.unsigned_abs() as usize)?;
        if exponent < 0 {
            mantissa as f64 / power
        } else {
            mantissa as f64 * power
        }
    };
    Some(Number::Float(if negative { -value } else { value }))
}

/// A JSON number as read.
enum Number {
    Integer(i128),
    Float(f64),
    /// `-0`: serde_json's float -0.0, except to the 128-bit integers.
    NegZero,
}

impl Number {
    fn unexpected(&self) -> Unexpected<'static> {
        match *self {
            Number::Integer(v) => match (u64::try_from(v), i64::try_from(v)) {
                (Ok(v), _) => Unexpected::Unsigned(v),
                (_, Ok(v)) => Unexpected::Signed(v),
                _ => Unexpected::Float(v as f64),
            },
            Number::Float(v) => Unexpected::Float(v),
            Number::NegZero => Unexpected::Float(-0.0),
        }
    }
}

/// A number as serde_json's `deserialize_any` gives it ([`Reader::any_number`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AnyNumber {
    /// A non-negative integer.
    PosInt(u64),
    /// A negative integer.
    NegInt(i64),
    /// Any other number.
    Float(f64),
}

/// What [`Reader::invalid_type`] found in place of the value expected.
enum Found<'a> {
    Null,
    Bool(bool),
    Str(Cow<'a, str>),
    Number(Number),
    Seq,
    Map,
}

/// An open object ([`Reader::object`]).
pub struct Object<'r, 'a> {
    reader: &'r mut Reader<'a>,
    first: bool,
}

impl<'a> Object<'_, 'a> {
    /// The next member's key (its value to be read next through [`Object::reader`]),
    /// or `None` at the closing brace.
    pub fn next_key(&mut self) -> Result<Option<Cow<'a, str>>, Error> {
        let key = self.reader.object_key(self.first);
        self.first = false;
        key
    }

    /// The reader, at the value of the key last read.
    pub fn reader(&mut self) -> &mut Reader<'a> {
        self.reader
    }
}

/// An open array ([`Reader::array`]).
pub struct Array<'r, 'a> {
    reader: &'r mut Reader<'a>,
    first: bool,
}

impl<'a> Array<'_, 'a> {
    /// Whether another element follows (to be read through [`Array::reader`]); `false`
    /// at the closing bracket.
    pub fn next_element(&mut self) -> Result<bool, Error> {
        let next = self.reader.array_next(self.first);
        self.first = false;
        next
    }

    /// The reader, at the next element.
    pub fn reader(&mut self) -> &mut Reader<'a> {
        self.reader
    }
}

impl FromJson for String {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Error> {
        r.str("a string").map(Cow::into_owned)
    }
}

impl FromJsonKey for String {
    fn from_key(key: Cow<'_, str>) -> Self {
        key.into_owned()
    }
}

impl FromJson for bool {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Error> {
        r.bool()
    }
}

macro_rules! integers {
    ($($ty:ident)*) => {$(
        impl FromJson for $ty {
            fn from_json(r: &mut Reader<'_>) -> Result<Self, Error> {
                r.integer(stringify!($ty))
            }
        }
    )*};
}

integers!(i8 i16 i32 i64 u8 u16 u32 u64);

impl FromJson for i128 {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Error> {
        r.wide_integer("i128")
    }
}

impl FromJson for u128 {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Error> {
        r.wide_integer("u128")
    }
}

impl FromJson for f64 {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Error> {
        r.float()
    }
}

impl FromJson for f32 {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Error> {
        r.float().map(|v| v as f32)
    }
}

// The impls generic over the values they hold are compiled once per member type of
// each declared shape: their errors are `match`ed rather than `?`, which instantiates
// the `Try` plumbing once more per result type (compile cost, issue 20); hence
// `clippy::question_mark` allowed on them.

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Error> {
        match r.null() {
            Ok(false) => match T::from_json(r) {
                Ok(value) => Ok(Some(value)),
                Err(e) => Err(e),
            },
            Ok(true) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn missing() -> Option<Self> {
        Some(None)
    }
}

impl<T: FromJson> FromJson for Box<T> {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Error> {
        match T::from_json(r) {
            Ok(value) => Ok(Box::new(value)),
            Err(e) => Err(e),
        }
    }

    fn missing() -> Option<Self> {
        T::missing().map(Box::new)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    #[allow(clippy::question_mark)]
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Error> {
        let mut array = match r.array("a sequence") {
            Ok(array) => array,
            Err(e) => return Err(e),
        };
        let mut out = Vec::new();
        loop {
            match array.next_element() {
                Ok(true) => {}
                Ok(false) => return Ok(out),
                Err(e) => return Err(e),
            }
            match T::from_json(array.reader()) {
                Ok(value) => out.push(value),
                Err(e) => return Err(e),
            }
        }
    }
}

impl<K, V, S> FromJson for HashMap<K, V, S>
where
    K: FromJsonKey + Eq + Hash,
    V: FromJson,
    S: BuildHasher + Default,
{
    #[allow(clippy::question_mark)]
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Error> {
        let mut object = match r.object("a map") {
            Ok(object) => object,
            Err(e) => return Err(e),
        };
        let mut out = HashMap::default();
        loop {
            let key = match object.next_key() {
                Ok(Some(key)) => key,
                Ok(None) => return Ok(out),
                Err(e) => return Err(e),
            };
            // A key given twice: the last value, as serde's maps read it.
            match V::from_json(object.reader()) {
                Ok(value) => out.insert(K::from_key(key), value),
                Err(e) => return Err(e),
            };
        }
    }
}

impl<K: FromJsonKey + Ord, V: FromJson> FromJson for BTreeMap<K, V> {
    #[allow(clippy::question_mark)]
    fn from_json(r: &mut Reader<'_>) -> Result<Self, Error> {
        let mut object = match r.object("a map") {
            Ok(object) => object,
            Err(e) => return Err(e),
        };
        let mut out = BTreeMap::new();
        loop {
            let key = match object.next_key() {
                Ok(Some(key)) => key,
                Ok(None) => return Ok(out),
                Err(e) => return Err(e),
            };
            match V::from_json(object.reader()) {
                Ok(value) => out.insert(K::from_key(key), value),
                Err(e) => return Err(e),
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reader's answer and serde_json's for the same text: both `Ok` with the same
    /// value, or both `Err`.
    fn same<T>(text: &str)
    where
        T: FromJson + de::DeserializeOwned + PartialEq + fmt::Debug,
    {
        let ours = from_slice::<T>(text.as_bytes());
        let theirs = serde_json::from_str::<T>(text);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{text}"),
            (Err(_), Err(_)) => {}
            _ => panic!("{text}: ours {ours:?}, serde_json {theirs:?}"),
        }
    }

    #[test]
    fn strings_read_as_serde_json_reads_them() {
        for text in [
            r#""""#,
            r#""plain""#,
            r#""a\"b\\c\/d\be\ff\ng\rh\ti""#,
            r#""\u00e9\u4e2d""#,
            r#""\ud83d\ude00""#,
            r#""\ud83d""#,
            r#""\ude00""#,
            r#""\ud83d\u0041""#,
            r#""\x""#,
            r#""\u12""#,
            "\"tab\there\"",
            "\"unterminated",
            "\"caf\u{e9}\"",
            r#"  "spaced"  "#,
            r#""a" "b""#,
            "5",
            "null",
        ] {
            same::<String>(text);
        }
        // Bytes that are not UTF-8 inside a string.
        assert!(from_slice::<String>(b"\"\xff\"").is_err());
        assert!(from_slice::<String>(b"\"\\n\xff\"").is_err());
    }

    /// Strings of every length around the eight-byte steps of `plain_run`, with a quote,
    /// a backslash, a control character or a non-ASCII character at every place, as
    /// serde_json reads them: as a whole text that is UTF-8 (checked once) and beside
    /// bytes that are not (checked string by string), so both paths are taken.
    #[test]
    fn strings_read_as_serde_json_reads_them_at_every_offset() {
        let pieces: [&[u8]; 9] = [
            b"\"",
            b"\\\"",
            b"\\n",
            b"\\u00e9",
            b"\t",
            b"\x01",
            "\u{e9}".as_bytes(),
            "\u{1f600}".as_bytes(),
            b"\xff",
        ];
        let mut checked = 0;
        for len in 0..20 {
            for at in 0..=len {
                for piece in pieces {
                    let mut inner = vec![b'a'; len];
                    inner.splice(at..at, piece.iter().copied());
                    let mut text = b"[\"".to_vec();
                    text.extend_from_slice(&inner);
                    text.extend_from_slice(b"\", \"x\"]");
                    let theirs = serde_json::from_slice::<Vec<String>>(&text);
                    let ours = from_slice::<Vec<String>>(&text);
                    match (&ours, &theirs) {
                        (Ok(a), Ok(b)) => assert_eq!(a, b, "{:?}", String::from_utf8_lossy(&text)),
                        (Err(a), Err(b)) => assert_eq!(
                            a.to_string(),
                            b.to_string(),
                            "{:?}",
                            String::from_utf8_lossy(&text)
                        ),
                        _ => panic!("{text:?}: ours {ours:?}, serde_json {theirs:?}"),
                    }
                    // The same string in a text that is not all UTF-8 (a byte outside
                    // any string): the reader checks string by string then.
                    let mut bad = b"\xff".to_vec();
                    bad.extend_from_slice(&text);
                    let mut r = Reader::new(&bad);
                    assert!(r.text.is_none());
                    r.pos = 1;
                    let ours = Vec::<String>::from_json(&mut r).and_then(|v| r.end().map(|()| v));
                    match (&ours, &theirs) {
                        (Ok(a), Ok(b)) => assert_eq!(a, b),
                        // The same message, one column further (the byte before).
                        (Err(a), Err(b)) => assert_eq!(
                            a.to_string(),
                            b.to_string().replace(
                                &format!("column {}", b.column()),
                                &format!("column {}", b.column() + 1)
                            )
                        ),
                        _ => panic!("{bad:?}: ours {ours:?}, serde_json {theirs:?}"),
                    }
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 210 * 9);
    }

    /// Numbers of every shape the fast path (`exact_number`) takes or declines, read
    /// bit for bit as `str::parse` (correctly rounded) reads them.
    #[test]
    fn numbers_read_exactly_with_or_without_the_fast_path() {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |below: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % below
        };
        let mut taken = 0;
        for _ in 0..200_000 {
            let mut text = String::new();
            if next(2) == 0 {
                text.push('-');
            }
            let digits = 1 + next(20);
            let first = if digits == 1 { next(10) } else { 1 + next(9) };
            text.push(char::from(b'0' + first as u8));
            for _ in 1..digits {
                text.push(char::from(b'0' + next(10) as u8));
            }
            let integer = next(3) == 0;
            if !integer {
                if next(3) != 0 {
                    text.push('.');
                    for _ in 0..1 + next(20) {
                        text.push(char::from(b'0' + next(10) as u8));
                    }
                }
                if next(2) == 0 {
                    text.push(['e', 'E'][next(2) as usize]);
                    text.push_str(["", "+", "-"][next(3) as usize]);
                    text.push_str(&next(40).to_string());
                }
            }
            let is_integer = !text.contains(['.', 'e', 'E']);
            taken += usize::from(exact_number(text.as_bytes(), is_integer).is_some());
            let float = from_slice::<f64>(text.as_bytes()).unwrap();
            let std = text.parse::<f64>().unwrap();
            assert_eq!(float.to_bits(), std.to_bits(), "{text}");
            if is_integer {
                let wide = from_slice::<i128>(text.as_bytes()).unwrap();
                assert_eq!(wide, text.parse::<i128>().unwrap(), "{text}");
            }
        }
        // Both paths were exercised.
        assert!((50_000..150_000).contains(&taken), "{taken}");
        for text in [
            "0.0",
            "-0.0",
            "-0",
            "0e5",
            "-0E-7",
            "9007199254740993",
            "1e-0000",
        ] {
            let float = from_slice::<f64>(text.as_bytes()).unwrap();
            assert_eq!(
                float.to_bits(),
                text.parse::<f64>().unwrap().to_bits(),
                "{text}"
            );
        }
    }

    #[test]
    fn numbers_read_as_serde_json_reads_them() {
        for text in [
            "0",
            "-0",
            "7",
            "-7",
            "127",
            "128",
            "-129",
            "1.5",
            "1e3",
            "1E+2",
            "-1.5e-3",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "99999999999999999999999",
            "1e400",
            "\"1\"",
            "true",
        ] {
            same::<i8>(text);
            same::<i32>(text);
            same::<i64>(text);
            same::<u64>(text);
            same::<i128>(text);
            if text != "1e400" {
                // serde_json reads 1e400 as an error too, but f64 reads "NaN" strings
                // here and not in serde's impl: compared below.
                same::<f64>(text);
            }
        }
        assert_eq!(
            from_slice::<f64>(b"\"NaN\"").map(f64::is_nan).ok(),
            Some(true)
        );
        assert_eq!(
            from_slice::<f64>(b"\"-Infinity\"").ok(),
            Some(f64::NEG_INFINITY)
        );
        assert!(from_slice::<f64>(b"\"nan\"").is_err());
        assert!(from_slice::<f64>(b"1e400").is_err());
    }

    #[test]
    fn containers_read_as_serde_json_reads_them() {
        for text in [
            "[]",
            "[1,2,3]",
            " [ 1 , 2 ] ",
            "[1,]",
            "[,1]",
            "[1 2]",
            "[1",
            "[null]",
            "{}",
            "null",
            "[[1],[2,3]]",
        ] {
            same::<Vec<u8>>(text);
            same::<Vec<Option<u8>>>(text);
            same::<Option<Vec<u8>>>(text);
        }
        for text in [
            "{}",
            r#"{"a":1,"b":2}"#,
            r#"{"a":1,"a":2}"#,
            r#"{"a":1,}"#,
            r#"{"a" 1}"#,
            r#"{1:1}"#,
            r#"{"a":null}"#,
            r#"{"a\u0062":1}"#,
            "[]",
            r#"{"a":1"#,
        ] {
            same::<HashMap<String, u8>>(text);
            same::<BTreeMap<String, Option<u8>>>(text);
        }
    }

    #[test]
    fn skipping_checks_the_syntax_without_recursion() {
        for (text, ok) in [
            (r#"{"a":[1,{"b":null},"c",true,false,-1.5e3],"d":{}}"#, true),
            ("[[[]]]", true),
            (r#"{"a":1,}"#, false),
            (r#"{"a"}"#, false),
            ("[1,2", false),
            ("[1}", false),
            (r#"{"a":1]"#, false),
            ("nul", false),
            // Skipped as serde_json ignores a value: its syntax only.
            (
                r#"{"a":1e400,"b":-99999999999999999999999999999999999999999}"#,
                true,
            ),
            ("1.e5", false),
            ("tru", false),
            ("@", false),
        ] {
            let mut r = Reader::new(text.as_bytes());
            assert_eq!(r.skip().and_then(|()| r.end()).is_ok(), ok, "{text}");
        }
        // Objects and arrays in turn, past the 64 kept in a word: each closer is checked
        // against its own opener at every depth. (The braces come from balanced
        // literals: tests/test_module_graph.rs counts this file's braces.)
        let (lbrace, rbrace) = "{}".split_at(1);
        let mixed = |depth: usize| {
            let open: String = (0..depth)
                .map(|i| {
                    if i % 2 == 0 {
                        lbrace.to_owned() + "\"k\":"
                    } else {
                        "[".into()
                    }
                })
                .collect();
            let close: String = (0..depth)
                .rev()
                .map(|i| if i % 2 == 0 { rbrace } else { "]" })
                .collect();
            (open, close)
        };
        for depth in [1, 2, 63, 64, 65, 66, 130] {
            let (open, close) = mixed(depth);
            let text = format!("{open}0{close}");
            let mut r = Reader::new(text.as_bytes());
            assert!(r.skip().and_then(|()| r.end()).is_ok(), "depth {depth}");
            // The closer of each depth swapped for the other kind: an error there.
            for at in 0..depth {
                let mut wrong = close.clone().into_bytes();
                let rbrace = rbrace.as_bytes()[0];
                wrong[at] = if wrong[at] == rbrace { b']' } else { rbrace };
                let text = format!("{open}0{}", String::from_utf8(wrong).unwrap());
                let mut r = Reader::new(text.as_bytes());
                assert!(r.skip().is_err(), "depth {depth}, closer {at}");
            }
        }
        // Far deeper than any recursion limit: skipped in a loop.
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let mut r = Reader::new(deep.as_bytes());
        assert!(r.skip().and_then(|()| r.end()).is_ok());
    }

    #[test]
    fn nesting_beyond_the_limit_is_an_error() {
        let nested = |levels: usize| format!("{}{}", "[".repeat(levels), "]".repeat(levels));
        // A document reads any shape, so only the depth can make it fail.
        assert!(from_slice::<crate::Document>(nested(128).as_bytes()).is_ok());
        let err = from_slice::<crate::Document>(nested(129).as_bytes()).unwrap_err();
        assert!(
            err.to_string().starts_with("recursion limit exceeded"),
            "{err}"
        );
    }

    #[test]
    fn errors_say_what_serde_json_says_where_it_is() {
        let err = from_slice::<String>(b"{\n  5").unwrap_err().to_string();
        assert_eq!(
            err,
            "invalid type: map, expected a string at line 1 column 1"
        );
        let err = from_slice::<Vec<String>>(b"[\"a\", 5]")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "invalid type: integer `5`, expected a string at line 1 column 7"
        );
        let err = from_slice::<u8>(b"300").unwrap_err().to_string();
        assert_eq!(
            err,
            "invalid value: integer `300`, expected u8 at line 1 column 3"
        );
        let err = from_slice::<u8>(b"1 2").unwrap_err().to_string();
        assert_eq!(err, "trailing characters at line 1 column 2");
    }
}
