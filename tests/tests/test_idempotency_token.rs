//! The idempotency token `send` fills in: a version 4 UUID in its canonical text form,
//! fresh for every call.

use std::collections::HashSet;

use awsjson_tests::fixture::job;
use awsjson_tests::offline::OfflineClient;

/// The token of one call, off the request `send` would send.
fn token(client: &OfflineClient) -> String {
    client.body(&job())["ClientToken"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// The sixteen bytes of a lower-case hyphenated (8-4-4-4-12) UUID, read independently
/// of the code under test.
fn uuid_bytes(text: &str) -> Option<[u8; 16]> {
    let groups: Vec<&str> = text.split('-').collect();
    if groups.iter().map(|g| g.len()).collect::<Vec<_>>() != [8, 4, 4, 4, 12] {
        return None;
    }
    let hex: String = groups.concat();
    if !hex
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        return None;
    }
    let mut bytes = [0u8; 16];
    for (i, byte) in bytes.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(bytes)
}

#[test]
fn a_token_is_a_version_4_uuid_of_the_rfc_variant() {
    let client = OfflineClient::new();
    for _ in 0..1000 {
        let token = token(&client);
        let bytes = uuid_bytes(&token).unwrap_or_else(|| panic!("not a UUID: {token}"));
        assert_eq!(bytes[6] >> 4, 4, "version: {token}");
        assert_eq!(bytes[8] >> 6, 0b10, "variant: {token}");
    }
}

#[test]
fn a_hundred_thousand_tokens_are_distinct() {
    let client = OfflineClient::new();
    let mut seen = HashSet::new();
    for _ in 0..100_000 {
        let token = token(&client);
        assert!(seen.insert(token.clone()), "repeated token {token}");
    }
}
