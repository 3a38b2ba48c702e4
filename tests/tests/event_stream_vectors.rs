//! Runs the event-stream framing vectors of the official SDKs
//! (`tests/vectors/event-stream/`, README there) through `awsjson::event_stream`:
//! the CRT's shared encoded/decoded cases (positive: headers, payload, prelude and
//! CRCs as the JSON says, and re-encoding gives the same bytes; negative: the named
//! checksum error) and smithy-rs's test data (valid messages decoded as its tests
//! expect, invalid ones rejected with the matching error). Every vector is decoded
//! whole and again one byte at a time.
//!
//! Runs without the libtest harness so that each vector prints `PASS`/`FAIL` as it
//! goes, its id last; any failure fails the run.

use std::path::{Path, PathBuf};

use awsjson::event_stream::{Decoder, FrameError, FrameErrorKind, HeaderValue, Message};
use awsjson_tests::base64;
use serde_json::Value;

/// Vectors in the directory: a lost or added file fails the run.
const CRT_CASES: usize = 9;
const SMITHY_CASES: usize = 11;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors/event-stream");
    let mut results = Vec::new();
    let crt = root.join("aws-c-event-stream");
    let mut crt_count = 0;
    for polarity in ["positive", "negative"] {
        for name in files(&crt.join("encoded").join(polarity)) {
            crt_count += 1;
            let id = format!("event-stream/aws-c-event-stream/{polarity}/{name}");
            let encoded = read(&crt.join("encoded").join(polarity).join(&name));
            let decoded = read(&crt.join("decoded").join(polarity).join(&name));
            let result = if polarity == "positive" {
                crt_positive(&encoded, &decoded)
            } else {
                crt_negative(&encoded, &decoded)
            };
            results.push(report(id, result));
        }
    }
    let smithy = root.join("smithy-rs");
    let expected: Value = serde_json::from_slice(&read(&root.join("smithy-rs-expected.json")))
        .expect("smithy-rs-expected.json is JSON");
    let mut smithy_count = 0;
    for name in files(&smithy) {
        smithy_count += 1;
        let id = format!("event-stream/smithy-rs/{name}");
        let bytes = read(&smithy.join(&name));
        let result = if let Some(valid) = expected["valid"].get(&name) {
            smithy_valid(&bytes, valid)
        } else if let Some(invalid) = expected["invalid"].get(&name) {
            smithy_invalid(&bytes, invalid)
        } else {
            Err("no expectation in smithy-rs-expected.json".to_owned())
        };
        results.push(report(id, result));
    }
    let failed = results.iter().filter(|ok| !**ok).count();
    println!(
        "{} vectors: {} passed, {failed} failed",
        results.len(),
        results.len() - failed
    );
    assert_eq!(crt_count, CRT_CASES, "aws-c-event-stream vectors");
    assert_eq!(smithy_count, SMITHY_CASES, "smithy-rs vectors");
    assert_eq!(failed, 0, "{failed} event-stream vectors failed");
}

fn report(id: String, result: Result<(), String>) -> bool {
    match result {
        Ok(()) => {
            println!("PASS {id}");
            true
        }
        Err(why) => {
            println!("FAIL ({why}) {id}");
            false
        }
    }
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry"))
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.ends_with(".json") && !name.ends_with(".md"))
        .collect();
    names.sort();
    names
}

fn read(path: &PathBuf) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Decodes `bytes` whole and one byte at a time; both must agree.
fn decode(bytes: &[u8]) -> Result<Message, FrameError> {
    let whole = Message::decode(bytes);
    let mut decoder = Decoder::new();
    let mut streamed = Vec::new();
    let mut error = None;
    for byte in bytes {
        decoder.extend(std::slice::from_ref(byte));
        match decoder.next_message() {
            Ok(Some(m)) => streamed.push(m),
            Ok(None) => {}
            Err(e) => {
                error = Some(e);
                break;
            }
        }
    }
    let bytewise = match error {
        Some(e) => Err(e),
        None => decoder.finish().map(|()| match streamed.len() {
            1 => streamed.remove(0),
            n => panic!("{n} messages from one vector"),
        }),
    };
    let kinds = (
        whole.as_ref().map_err(FrameError::kind),
        bytewise.as_ref().map_err(FrameError::kind),
    );
    assert_eq!(kinds.0, kinds.1, "whole and byte-at-a-time decoding differ");
    whole
}

fn be32(bytes: &[u8], at: usize) -> u32 {
    u32::from_be_bytes(bytes[at..at + 4].try_into().expect("4 bytes"))
}

fn crt_positive(encoded: &[u8], decoded: &[u8]) -> Result<(), String> {
    let expected: Value =
        serde_json::from_slice(decoded).map_err(|e| format!("decoded JSON: {e}"))?;
    let message = decode(encoded).map_err(|e| e.to_string())?;
    let field = |name: &str| expected[name].as_i64().expect("number field");
    let check = |what: &str, want: i64, got: u32| {
        // The CRT prints the CRCs as signed 32-bit integers.
        if want as u32 != got {
            return Err(format!("{what}: expected {want}, the bytes say {got}"));
        }
        Ok(())
    };
    check("total_length", field("total_length"), encoded.len() as u32)?;
    check("total_length", field("total_length"), be32(encoded, 0))?;
    check("headers_length", field("headers_length"), be32(encoded, 4))?;
    check("prelude_crc", field("prelude_crc"), be32(encoded, 8))?;
    check(
        "message_crc",
        field("message_crc"),
        be32(encoded, encoded.len() - 4),
    )?;
    let headers = expected["headers"].as_array().expect("headers");
    if headers.len() != message.headers().len() {
        return Err(format!(
            "{} headers, expected {}",
            message.headers().len(),
            headers.len()
        ));
    }
    for (want, got) in headers.iter().zip(message.headers()) {
        let name = want["name"].as_str().expect("name");
        let b64 = || {
            base64::decode_lenient(want["value"].as_str().expect("base64 value"))
                .expect("valid base64")
        };
        let int = || want["value"].as_i64().expect("integer value");
        let value = match want["type"].as_u64().expect("type") {
            0 | 1 => HeaderValue::Bool(want["value"].as_bool().expect("bool")),
            2 => HeaderValue::Byte(int() as i8),
            3 => HeaderValue::Short(int() as i16),
            4 => HeaderValue::Int(int() as i32),
            5 => HeaderValue::Long(int()),
            6 => HeaderValue::ByteArray(b64().into()),
            7 => HeaderValue::String(String::from_utf8(b64()).expect("UTF-8")),
            8 => HeaderValue::Timestamp(int()),
            9 => HeaderValue::Uuid(b64().try_into().expect("16 bytes")),
            other => return Err(format!("unknown type {other} in the JSON")),
        };
        if got.name() != name || *got.value() != value {
            return Err(format!("header {got:?}, expected {name:?}: {value:?}"));
        }
    }
    let payload = base64::decode_lenient(expected["payload"].as_str().expect("payload"))
        .expect("payload base64");
    if message.payload().as_ref() != payload.as_slice() {
        return Err("the payload differs".to_owned());
    }
    let again = message.encode().map_err(|e| e.to_string())?;
    if again != encoded {
        return Err("re-encoding does not give the same bytes".to_owned());
    }
    Ok(())
}

fn crt_negative(encoded: &[u8], decoded: &[u8]) -> Result<(), String> {
    let expected = String::from_utf8_lossy(decoded).trim().to_lowercase();
    match decode(encoded) {
        Ok(m) => Err(format!("decoded {m:?}, expected {expected:?}")),
        Err(e) if e.to_string().contains(&expected) => Ok(()),
        Err(e) => Err(format!("{e}, expected {expected:?}")),
    }
}

fn kind(name: &str) -> FrameErrorKind {
    match name {
        "PreludeChecksum" => FrameErrorKind::PreludeChecksum,
        "MessageChecksum" => FrameErrorKind::MessageChecksum,
        "InvalidLength" => FrameErrorKind::InvalidLength,
        "InvalidHeader" => FrameErrorKind::InvalidHeader,
        "TooLarge" => FrameErrorKind::TooLarge,
        "Truncated" => FrameErrorKind::Truncated,
        other => panic!("unknown kind {other} in smithy-rs-expected.json"),
    }
}

fn smithy_valid(bytes: &[u8], expected: &Value) -> Result<(), String> {
    let message = decode(bytes).map_err(|e| e.to_string())?;
    let headers = expected["headers"].as_array().expect("headers");
    let want: Vec<(String, HeaderValue)> = headers
        .iter()
        .map(|h| {
            let name = h[0].as_str().expect("name").to_owned();
            let int = || h[2].as_i64().expect("integer");
            let text = || h[2].as_str().expect("text");
            let value = match h[1].as_str().expect("type") {
                "bool" => HeaderValue::Bool(h[2].as_bool().expect("bool")),
                "byte" => HeaderValue::Byte(int() as i8),
                "short" => HeaderValue::Short(int() as i16),
                "int" => HeaderValue::Int(int() as i32),
                "long" => HeaderValue::Long(int()),
                "bytes" => HeaderValue::ByteArray(text().as_bytes().to_vec().into()),
                "string" => HeaderValue::String(text().to_owned()),
                "timestamp" => HeaderValue::Timestamp(int()),
                "uuid" => {
                    let hex = text();
                    let bytes: Vec<u8> = (0..16)
                        .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).expect("hex"))
                        .collect();
                    HeaderValue::Uuid(bytes.try_into().expect("16 bytes"))
                }
                other => panic!("unknown type {other}"),
            };
            (name, value)
        })
        .collect();
    let got: Vec<(String, HeaderValue)> = message
        .headers()
        .iter()
        .map(|h| (h.name().to_owned(), h.value().clone()))
        .collect();
    if got != want {
        return Err(format!("headers {got:?}, expected {want:?}"));
    }
    if message.payload().as_ref() != expected["payload"].as_str().expect("payload").as_bytes() {
        return Err("the payload differs".to_owned());
    }
    if message.encode().map_err(|e| e.to_string())? != bytes {
        return Err("re-encoding does not give the same bytes".to_owned());
    }
    Ok(())
}

fn smithy_invalid(bytes: &[u8], expected: &Value) -> Result<(), String> {
    let as_is = kind(expected["as_is"].as_str().expect("as_is"));
    match decode(bytes) {
        Ok(m) => return Err(format!("decoded {m:?}")),
        Err(e) if e.kind() != as_is => return Err(format!("{e}, expected {as_is:?}")),
        Err(_) => {}
    }
    let Some(resealed) = expected["resealed"].as_str() else {
        return Ok(());
    };
    let resealed = kind(resealed);
    // The message CRC sits at the end of the message the prelude announces (one file
    // has bytes after it).
    let mut sealed = bytes.to_vec();
    let end = be32(bytes, 0) as usize - 4;
    let crc = message_crc(&sealed[..end]);
    sealed[end..end + 4].copy_from_slice(&crc.to_be_bytes());
    match decode(&sealed) {
        Ok(m) => Err(format!("resealed, decoded {m:?}")),
        Err(e) if e.kind() == resealed => Ok(()),
        Err(e) => Err(format!("resealed: {e}, expected {resealed:?}")),
    }
}

/// CRC-32 (IEEE, reflected, as the framing uses), bit by bit: independent of the
/// decoder's own.
fn message_crc(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
