//! Random (version 4) UUIDs for idempotency tokens and invocation ids.
//!
//! Drawn from ring's system random source, which rustls already compiles in: the
//! `uuid` crate would add itself and a second `getrandom` to every user's build.

use ring::rand::{SecureRandom, SystemRandom};

/// A version 4 UUID, lower-case and hyphenated, held on the stack.
pub(crate) struct Uuid([u8; 36]);

impl Uuid {
    /// A fresh random UUID.
    ///
    /// # Panics
    ///
    /// If the operating system's random source fails, as the `uuid` crate does too:
    /// a token that might repeat must never be sent.
    pub(crate) fn new_v4() -> Self {
        let mut bytes = [0u8; 16];
        SystemRandom::new()
            .fill(&mut bytes)
            .expect("the operating system's random source failed");
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut out = [b'-'; 36];
        let mut i = 0;
        for (n, byte) in bytes.iter().enumerate() {
            if matches!(n, 4 | 6 | 8 | 10) {
                i += 1;
            }
            out[i] = HEX[usize::from(byte >> 4)];
            out[i + 1] = HEX[usize::from(byte & 0x0f)];
            i += 2;
        }
        Uuid(out)
    }

    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII hex digits and hyphens were written.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v4_format_and_uniqueness() {
        let a = Uuid::new_v4();
        let s = a.as_str();
        assert_eq!(s.len(), 36);
        let b = s.as_bytes();
        assert!([8, 13, 18, 23].iter().all(|&i| b[i] == b'-'), "{s}");
        assert_eq!(b[14], b'4', "{s}");
        assert!(matches!(b[19], b'8' | b'9' | b'a' | b'b'), "{s}");
        assert!(
            s.chars()
                .all(|c| c == '-' || c.is_ascii_digit() || ('a'..='f').contains(&c)),
            "{s}"
        );
        let mut seen = std::collections::HashSet::new();
        for _ in 0..1000 {
            assert!(seen.insert(Uuid::new_v4().as_str().to_owned()));
        }
    }
}
