//! Random (version 4) UUIDs for idempotency tokens and invocation ids.
//!
//! The random bytes come from ring's system random source, which rustls already compiles
//! in; the `uuid` crate, built without its `v4` feature, only sets the version and
//! variant bits and writes the text. Its own `v4` would add a second `getrandom` to
//! every user's build for the same sixteen bytes.

use std::cell::RefCell;

use ::uuid::fmt::Hyphenated;
use ring::rand::{SecureRandom, SystemRandom};

fn fill(bytes: &mut [u8]) {
    SystemRandom::new()
        .fill(bytes)
        .expect("the operating system's random source failed");
}

/// A version 4 UUID, lower-case and hyphenated, held on the stack.
pub(crate) struct Uuid([u8; Hyphenated::LENGTH]);

/// Random bytes for 32 invocation ids: one system call instead of 32. A `getrandom`
/// call per `send` was the largest system-call cost awsjson added to the floor's
/// (`strace -c`, BENCHMARKS.md).
const POOL_BYTES: usize = 512;

struct Pool {
    used: usize,
    bytes: [u8; POOL_BYTES],
}

thread_local! {
    static POOL: RefCell<Pool> = const {
        RefCell::new(Pool { used: POOL_BYTES, bytes: [0; POOL_BYTES] })
    };
}

#[cfg(feature = "test-util")]
thread_local! {
    static ZERO_TOKENS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with every idempotency token that this thread fills in being
/// `00000000-0000-4000-8000-000000000000` (a version 4 UUID of zero random bytes): for
/// the protocol tests whose expected requests name that token, as the official SDKs'
/// tests fix theirs. Invocation ids stay random.
#[cfg(feature = "test-util")]
pub fn with_zero_tokens<R>(f: impl FnOnce() -> R) -> R {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            ZERO_TOKENS.set(self.0);
        }
    }
    let _reset = Reset(ZERO_TOKENS.replace(true));
    f()
}

impl Uuid {
    /// A fresh random UUID, straight from the operating system: for idempotency
    /// tokens, which must never repeat, not even in a forked child process.
    ///
    /// # Panics
    ///
    /// If the operating system's random source fails, as the `uuid` crate's own `v4`
    /// does too: a token that might repeat must never be sent.
    pub(crate) fn new_v4() -> Self {
        #[cfg(feature = "test-util")]
        if ZERO_TOKENS.get() {
            return Self::from_random([0; 16]);
        }
        let mut bytes = [0u8; 16];
        fill(&mut bytes);
        Self::from_random(bytes)
    }

    /// A random UUID from this thread's pool of system randomness: for invocation ids,
    /// which only tie attempts together in logs. A child forked mid-pool may repeat its
    /// parent's next ids, which is why tokens never come from here.
    pub(crate) fn pooled_v4() -> Self {
        let bytes = POOL.with_borrow_mut(|pool| {
            if pool.used == POOL_BYTES {
                fill(&mut pool.bytes);
                pool.used = 0;
            }
            let mut bytes = [0u8; 16];
            let taken = &mut pool.bytes[pool.used..pool.used + 16];
            bytes.copy_from_slice(taken);
            // Handed out once: what a later reader of the pool could see is spent.
            taken.fill(0);
            pool.used += 16;
            bytes
        });
        Self::from_random(bytes)
    }

    fn from_random(bytes: [u8; 16]) -> Self {
        let mut text = [0u8; Hyphenated::LENGTH];
        ::uuid::Builder::from_random_bytes(bytes)
            .into_uuid()
            .hyphenated()
            .encode_lower(&mut text);
        Uuid(text)
    }

    pub(crate) fn as_str(&self) -> &str {
        // `encode_lower` wrote ASCII hex digits and hyphens only.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v4_format_and_uniqueness() {
        check(Uuid::new_v4);
        // Past several refills of the pool.
        check(Uuid::pooled_v4);
    }

    fn check(make: fn() -> Uuid) {
        let a = make();
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
            assert!(seen.insert(make().as_str().to_owned()));
        }
    }
}
