//! Clients for the moto server that `scripts/test.sh` starts.
//!
//! `scripts/test.sh` installs moto, runs it on a free loopback port with SigV4 checking
//! switched on, and exports its URL and an access key of an IAM user allowed
//! everything. Tests call [`client`]; without those variables they fail, saying to run
//! the suite through the script, rather than skipping silently.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use awsjson::{Client, Credentials};

/// The variable holding moto's base URL, such as `http://127.0.0.1:41234`.
pub const URL_VAR: &str = "AWSJSON_MOTO_URL";
/// The variable holding the access key id moto verifies signatures with.
pub const ACCESS_KEY_ID_VAR: &str = "AWSJSON_MOTO_ACCESS_KEY_ID";
/// The variable holding that key's secret.
pub const SECRET_ACCESS_KEY_VAR: &str = "AWSJSON_MOTO_SECRET_ACCESS_KEY";

/// The region the tests use (moto keeps state per region).
pub const REGION: &str = "us-east-1";

/// Where moto runs and the key it accepts.
#[derive(Clone)]
pub struct Moto {
    /// moto's base URL.
    pub url: String,
    /// Credentials of an IAM user moto knows, allowed everything.
    pub credentials: Credentials,
}

/// moto's URL and key from the environment.
///
/// # Panics
///
/// When `scripts/test.sh` did not set the variables: the message says to run it.
pub fn moto() -> Moto {
    let var = |name: &str| match std::env::var(name) {
        Ok(v) if !v.trim().is_empty() => v,
        _ => panic!(
            "{name} is not set: the integration tests need the moto server that \
             scripts/test.sh starts; run `scripts/test.sh` (it accepts cargo test \
             arguments, e.g. `scripts/test.sh -p awsjson-tests --test test_dynamodb`)"
        ),
    };
    Moto {
        url: var(URL_VAR),
        credentials: Credentials::new(var(ACCESS_KEY_ID_VAR), var(SECRET_ACCESS_KEY_VAR), None),
    }
}

/// A client that sends every service's requests to moto, signed with moto's key.
///
/// # Panics
///
/// As [`moto`].
pub fn client() -> Client {
    let moto = moto();
    client_with(&moto.url, moto.credentials)
}

/// A client for moto with other credentials (to see moto reject a signature).
///
/// # Panics
///
/// If the client cannot be built from these values.
pub fn client_with(url: &str, credentials: Credentials) -> Client {
    Client::builder()
        .region(REGION)
        .credentials(credentials)
        .endpoint_url(url)
        .build()
        .expect("a client for moto")
}

/// A resource name no other test of this run uses, so tests can share one moto in
/// parallel: `prefix`, the process id, a counter and the clock, within
/// `[A-Za-z0-9-]` (valid for every service's names), at most 60 characters.
pub fn unique(prefix: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let mut name = format!("{prefix}-{}-{n}-{nanos:x}", std::process::id());
    name.truncate(60);
    name
}
