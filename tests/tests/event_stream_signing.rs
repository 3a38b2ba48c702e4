//! The chained signatures of input event streams against the SDKs' known answers
//! (`vectors/event-stream/signing.json`; sources and licences in the README there):
//! smithy-kotlin's whole signature, and smithy-rs's string to sign, checked through
//! the HMAC it must give under the scope's signing key.

use std::time::{Duration, UNIX_EPOCH};

use awsjson::Credentials;
use awsjson::event_stream::{EventSigner, HeaderValue, Message};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn sha256_hex(data: &[u8]) -> String {
    hex(ring::digest::digest(&ring::digest::SHA256, data).as_ref())
}

fn cases() -> Vec<serde_json::Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/vectors/event-stream/signing.json"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["cases"].as_array().unwrap().clone()
}

/// Signs the case's message; the signed message and the signer's signature.
fn sign(case: &serde_json::Value) -> (Message, String) {
    let s = |key: &str| case[key].as_str().unwrap().to_owned();
    let credentials = Credentials::new(s("access_key_id"), s("secret_access_key"), None);
    let prior = sha256_hex(s("prior_signature_of").as_bytes());
    let mut signer = EventSigner::new(&credentials, s("region"), s("service"), prior);
    let mut message = Message::new(case["message"]["payload"].as_str().unwrap().to_owned());
    for header in case["message"]["headers"].as_array().unwrap() {
        message = message.with_header(header[0].as_str().unwrap(), header[1].as_str().unwrap());
    }
    let time = UNIX_EPOCH
        + Duration::new(
            case["time_secs"].as_u64().unwrap(),
            case["time_nanos"].as_u64().unwrap() as u32,
        );
    let signed = signer.sign(&message, time).unwrap();
    // The signed message wraps the message's exact bytes.
    assert_eq!(signed.payload().as_ref(), &message.encode().unwrap()[..]);
    (signed, signer.prior_signature().to_owned())
}

#[test]
fn signatures_match_the_sdks_known_answers() {
    let cases = cases();
    assert_eq!(cases.len(), 2);
    let mut checked = 0;
    for case in &cases {
        let id = case["id"].as_str().unwrap();
        let (signed, signature) = sign(case);
        // `:date` carries the time in whole seconds; `:chunk-signature` the raw bytes.
        assert_eq!(
            signed.header(":date"),
            Some(&HeaderValue::Timestamp(
                case["time_secs"].as_i64().unwrap() * 1000
            )),
            "{id}"
        );
        let Some(HeaderValue::ByteArray(bytes)) = signed.header(":chunk-signature") else {
            panic!("{id}: no :chunk-signature bytes");
        };
        assert_eq!(hex(bytes), signature, "{id}");
        if let Some(expected) = case["expected_signature"].as_str() {
            assert_eq!(signature, expected, "{id}");
            checked += 1;
        }
        if let Some(sts) = case["expected_string_to_sign"].as_str() {
            let s = |key: &str| case[key].as_str().unwrap();
            let date = &sts.split('\n').nth(1).unwrap()[..8];
            let key = awsjson::sigv4::signing_key(
                s("secret_access_key"),
                date,
                s("region"),
                s("service"),
            );
            let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, &key);
            let expected = hex(ring::hmac::sign(&key, sts.as_bytes()).as_ref());
            assert_eq!(
                signature, expected,
                "{id}: not the string to sign of smithy-rs"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 2);
}

#[test]
fn the_end_message_is_empty_and_chains_on() {
    let case = &cases()[0];
    let (_, first) = sign(case);
    let credentials = Credentials::new("fake access key", "fake secret key", None);
    let mut signer = EventSigner::new(&credentials, "us-east-1", "testservice", first.clone());
    let time = UNIX_EPOCH + Duration::from_secs(123_456_790);
    let end = signer.sign_end(time);
    assert!(end.payload().is_empty());
    assert_ne!(signer.prior_signature(), first);
    // The end message's string to sign hashes an empty payload.
    let date_header = {
        let mut bytes = vec![5u8];
        bytes.extend_from_slice(b":date");
        bytes.push(8);
        bytes.extend_from_slice(&(123_456_790_000i64).to_be_bytes());
        bytes
    };
    let sts = format!(
        "AWS4-HMAC-SHA256-PAYLOAD\n19731129T213310Z\n19731129/us-east-1/testservice/aws4_request\n{first}\n{}\n{}",
        sha256_hex(&date_header),
        sha256_hex(b""),
    );
    let key =
        awsjson::sigv4::signing_key("fake secret key", "19731129", "us-east-1", "testservice");
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, &key);
    assert_eq!(
        signer.prior_signature(),
        hex(ring::hmac::sign(&key, sts.as_bytes()).as_ref())
    );
}
