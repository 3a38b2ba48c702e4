//! Property tests of the event-stream framing (`awsjson::event_stream`): no input makes
//! the decoder panic, whatever its bytes and however they are split into chunks, and
//! every message that encodes decodes back to itself.

use awsjson::event_stream::{Decoder, FrameErrorKind, Header, HeaderValue, Message};
use proptest::prelude::*;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        // At least one case: `PROPTEST_CASES=0` would turn every property into a pass.
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(cases)
            .max(1),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn value() -> impl Strategy<Value = HeaderValue> {
    prop_oneof![
        any::<bool>().prop_map(HeaderValue::Bool),
        any::<i8>().prop_map(HeaderValue::Byte),
        any::<i16>().prop_map(HeaderValue::Short),
        any::<i32>().prop_map(HeaderValue::Int),
        any::<i64>().prop_map(HeaderValue::Long),
        proptest::collection::vec(any::<u8>(), 0..64)
            .prop_map(|b| HeaderValue::ByteArray(b.into())),
        "\\PC{0,32}".prop_map(HeaderValue::String),
        any::<i64>().prop_map(HeaderValue::Timestamp),
        any::<[u8; 16]>().prop_map(HeaderValue::Uuid),
    ]
}

fn message() -> impl Strategy<Value = Message> {
    (
        proptest::collection::vec(("[:a-zA-Z0-9\\-é]{1,24}", value()), 0..10),
        proptest::collection::vec(any::<u8>(), 0..512),
    )
        .prop_map(|(headers, payload)| {
            headers
                .into_iter()
                .fold(Message::new(payload), |m, (name, value)| {
                    m.with_header(name, value)
                })
        })
}

/// Feeds `bytes` in chunks of the given sizes (cycled) and collects what comes out,
/// stopping at the first error.
fn feed(bytes: &[u8], sizes: &[usize]) -> (Vec<Message>, Option<FrameErrorKind>) {
    let mut decoder = Decoder::new();
    let mut out = Vec::new();
    let mut rest = bytes;
    let mut sizes = sizes.iter().cycle();
    while !rest.is_empty() {
        let n = (*sizes.next().unwrap_or(&1)).clamp(1, rest.len());
        decoder.extend(&rest[..n]);
        rest = &rest[n..];
        loop {
            match decoder.next_message() {
                Ok(Some(m)) => out.push(m),
                Ok(None) => break,
                Err(e) => return (out, Some(e.kind())),
            }
        }
    }
    (out, decoder.finish().err().map(|e| e.kind()))
}

/// CRC-32 (IEEE), bit by bit: independent of the decoder's own.
fn crc32(bytes: &[u8]) -> u32 {
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

/// A frame around arbitrary header bytes and payload, both checksums right, so that
/// the header reader sees the bytes.
fn sealed(headers: &[u8], payload: &[u8]) -> Vec<u8> {
    let total = (16 + headers.len() + payload.len()) as u32;
    let mut out = total.to_be_bytes().to_vec();
    out.extend_from_slice(&(headers.len() as u32).to_be_bytes());
    let crc = crc32(&out);
    out.extend_from_slice(&crc.to_be_bytes());
    out.extend_from_slice(headers);
    out.extend_from_slice(payload);
    let crc = crc32(&out);
    out.extend_from_slice(&crc.to_be_bytes());
    out
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..2048),
        sizes in proptest::collection::vec(1usize..64, 1..8),
    ) {
        let _ = Message::decode(&bytes);
        feed(&bytes, &sizes);
    }

    #[test]
    fn arbitrary_bytes_behind_a_valid_prelude_never_panic(
        total in 0u32..4096,
        headers_len in 0u32..4096,
        rest in proptest::collection::vec(any::<u8>(), 0..4096),
        sizes in proptest::collection::vec(1usize..512, 1..4),
    ) {
        let mut bytes = total.to_be_bytes().to_vec();
        bytes.extend_from_slice(&headers_len.to_be_bytes());
        let crc = crc32(&bytes);
        bytes.extend_from_slice(&crc.to_be_bytes());
        bytes.extend_from_slice(&rest);
        let _ = Message::decode(&bytes);
        feed(&bytes, &sizes);
    }

    #[test]
    fn arbitrary_header_bytes_in_a_sealed_frame_never_panic(
        headers in proptest::collection::vec(any::<u8>(), 0..512),
        payload in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        let frame = sealed(&headers, &payload);
        match Message::decode(&frame) {
            // Whatever decodes must encode back to the very bytes.
            Ok(message) => prop_assert_eq!(message.encode().unwrap(), frame),
            Err(e) => prop_assert_eq!(e.kind(), FrameErrorKind::InvalidHeader),
        }
    }

    #[test]
    fn a_mutated_message_never_panics(
        message in message(),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..4),
        reseal in any::<bool>(),
    ) {
        let mut bytes = message.encode().unwrap();
        for (at, mask) in &flips {
            let i = at.index(bytes.len());
            bytes[i] ^= mask;
        }
        if reseal && bytes.len() >= 16 {
            let headers_len = u32::from_be_bytes(bytes[4..8].try_into().unwrap()) as usize;
            if 16 + headers_len <= bytes.len() {
                bytes = sealed(&bytes[12..12 + headers_len], &bytes[12 + headers_len..bytes.len() - 4]);
            }
        }
        if let Ok(decoded) = Message::decode(&bytes) {
            prop_assert_eq!(decoded.encode().unwrap(), bytes);
        }
    }

    #[test]
    fn messages_round_trip(
        messages in proptest::collection::vec(message(), 1..5),
        sizes in proptest::collection::vec(1usize..300, 1..6),
    ) {
        let mut wire = Vec::new();
        for m in &messages {
            m.encode_into(&mut wire).unwrap();
        }
        let (decoded, error) = feed(&wire, &sizes);
        prop_assert_eq!(error, None);
        prop_assert_eq!(&decoded, &messages);
        for m in &messages {
            prop_assert_eq!(&Message::decode(&m.encode().unwrap()).unwrap(), m);
        }
    }
}

#[test]
fn every_header_type_round_trips_at_its_extremes() {
    let headers = vec![
        Header::new("t", true),
        Header::new("f", false),
        Header::new("b", HeaderValue::Byte(i8::MIN)),
        Header::new("s", HeaderValue::Short(i16::MAX)),
        Header::new("i", HeaderValue::Int(i32::MIN)),
        Header::new("l", HeaderValue::Long(i64::MAX)),
        Header::new("a", HeaderValue::ByteArray(vec![0xff; 32767].into())),
        Header::new("x".repeat(255), HeaderValue::String(String::new())),
        Header::new("ts", HeaderValue::Timestamp(i64::MIN)),
        Header::new("u", HeaderValue::Uuid([0xab; 16])),
    ];
    let message = headers.iter().fold(Message::new(vec![1, 2, 3]), |m, h| {
        m.with_header(h.name(), h.value().clone())
    });
    let back = Message::decode(&message.encode().unwrap()).unwrap();
    assert_eq!(back.headers(), headers.as_slice());
}
