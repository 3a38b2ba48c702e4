//! An RFC 4648 base64 codec (standard alphabet, `=` padding) written for the tests only.
//!
//! The runtime's `Blob` has its own codec; tests compare it with this one (and with
//! known answers) so that a wrong alphabet or bit order cannot cancel out in a round trip
//! through the same code. Kept deliberately plain: a table, no tricks.

/// RFC 4648, table 1.
const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The padded standard encoding of `bytes`.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let sextets = [
            b[0] >> 2,
            ((b[0] & 0b11) << 4) | (b[1] >> 4),
            ((b[1] & 0b1111) << 2) | (b[2] >> 6),
            b[2] & 0b11_1111,
        ];
        // One byte gives two symbols, two give three, three give four.
        for (i, sextet) in sextets.iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(TABLE[usize::from(*sextet)]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes the standard alphabet, ignoring `=` padding at the end and any bits left
/// over in the last symbol; `None` for a symbol outside the alphabet or a length that
/// cannot come from whole bytes.
///
/// Lenient on purpose: it says what bytes a string *means*, not whether a strict
/// decoder should accept it.
pub fn decode_lenient(text: &str) -> Option<Vec<u8>> {
    let symbols = text.trim_end_matches('=');
    if symbols.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::new();
    let mut group = Vec::with_capacity(4);
    for c in symbols.bytes() {
        let value = TABLE.iter().position(|t| *t == c)?;
        group.push(u8::try_from(value).ok()?);
        if group.len() == 4 {
            push_group(&group, &mut out);
            group.clear();
        }
    }
    if !group.is_empty() {
        push_group(&group, &mut out);
    }
    Some(out)
}

/// Appends the bytes that 2, 3 or 4 symbols hold (1, 2 or 3).
fn push_group(group: &[u8], out: &mut Vec<u8>) {
    let s = |i: usize| group.get(i).copied().unwrap_or(0);
    let bytes = [
        (s(0) << 2) | (s(1) >> 4),
        ((s(1) & 0b1111) << 4) | (s(2) >> 2),
        ((s(2) & 0b11) << 6) | s(3),
    ];
    out.extend_from_slice(&bytes[..group.len() - 1]);
}

/// Whether `text` is exactly what [`encode`] gives for some bytes: padded, no bits
/// left over.
pub fn is_canonical(text: &str) -> bool {
    decode_lenient(text).is_some_and(|bytes| encode(&bytes) == text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 4648 section 10, plus the two symbols the RFC's vectors never use.
    #[test]
    fn known_answers() {
        for (raw, text) in [
            (&b""[..], ""),
            (b"f", "Zg=="),
            (b"fo", "Zm8="),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg=="),
            (b"fooba", "Zm9vYmE="),
            (b"foobar", "Zm9vYmFy"),
            (&[0xfb, 0xff], "+/8="),
            (&[0, 1, 2, 254, 255, 61, 47], "AAEC/v89Lw=="),
        ] {
            assert_eq!(encode(raw), text);
            assert_eq!(decode_lenient(text).as_deref(), Some(raw));
            assert!(is_canonical(text));
        }
        assert_eq!(decode_lenient("Zh=="), Some(b"f".to_vec()));
        assert!(!is_canonical("Zh=="));
        assert!(!is_canonical("Zg"));
        assert_eq!(decode_lenient("-_8="), None);
        assert_eq!(decode_lenient("Z"), None);
    }
}
