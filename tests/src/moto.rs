//! Clients for the moto server that `scripts/test.sh` starts.
//!
//! `scripts/test.sh` installs moto, runs it on a free loopback port with SigV4 checking
//! switched on, and exports its URL and an access key of an IAM user allowed
//! everything. Tests call [`client`]; without those variables they fail, saying to run
//! the suite through the script, rather than skipping silently.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use awsjson::{Client, ClientBuilder, Credentials};

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
    from_lookup(|name| std::env::var(name).ok()).unwrap_or_else(|message| panic!("{message}"))
}

fn from_lookup(var: impl Fn(&str) -> Option<String>) -> Result<Moto, String> {
    let var = |name: &str| match var(name) {
        Some(v) if !v.trim().is_empty() => Ok(v),
        _ => Err(format!(
            "{name} is not set: the integration tests need the moto server that \
             scripts/test.sh starts; run `scripts/test.sh` (it accepts cargo test \
             arguments, e.g. `scripts/test.sh -p awsjson-tests --test test_dynamodb`)"
        )),
    };
    Ok(Moto {
        url: var(URL_VAR)?,
        credentials: Credentials::new(var(ACCESS_KEY_ID_VAR)?, var(SECRET_ACCESS_KEY_VAR)?, None),
    })
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

/// A client for moto in another region. moto keeps each region's resources apart:
/// a test that lists everything of a kind (and must not see other tests create or
/// delete things meanwhile) takes a region of its own.
///
/// # Panics
///
/// As [`moto`].
pub fn client_in(region: &str) -> Client {
    let moto = moto();
    builder(&moto.url, moto.credentials)
        .region(region)
        .build()
        .expect("a client for moto")
}

/// A client for moto with other credentials (to see moto reject a signature).
///
/// # Panics
///
/// If the client cannot be built from these values.
pub fn client_with(url: &str, credentials: Credentials) -> Client {
    builder(url, credentials)
        .build()
        .expect("a client for moto")
}

fn builder(url: &str, credentials: Credentials) -> ClientBuilder {
    Client::builder()
        .region(REGION)
        .credentials(credentials)
        .endpoint_url(url)
        // moto's HTML 500s are retried like any 5xx; a millisecond base keeps the
        // tests that provoke them fast.
        .initial_backoff(Duration::from_millis(1))
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
    let suffix = format!("-{}-{n}-{nanos:x}", std::process::id());
    // Shorten the prefix, never the part that makes the name unique.
    let keep = prefix
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .take_while(|end| end + suffix.len() <= 60)
        .last()
        .unwrap_or(0);
    format!("{}{suffix}", &prefix[..keep])
}

/// Every page `pages` yields, and how many items each held (`items` reads a page's list
/// member; an absent one counts 0): what the paginator tests compare with the page size
/// they asked for.
pub async fn pages_and_sizes<O: awsjson::Paginate<Error: std::fmt::Debug>, T>(
    pages: awsjson::Pages<O>,
    items: impl Fn(&O::Output) -> &Option<Vec<T>>,
) -> (Vec<O::Output>, Vec<usize>) {
    let pages = pages.try_collect().await.unwrap();
    let sizes = pages
        .iter()
        .map(|p| items(p).as_ref().map_or(0, Vec::len))
        .collect();
    (pages, sizes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_variables_say_to_run_the_script() {
        let message = from_lookup(|_| None).err().unwrap();
        assert!(
            message.starts_with("AWSJSON_MOTO_URL is not set"),
            "{message}"
        );
        assert!(message.contains("run `scripts/test.sh`"), "{message}");
        let message = from_lookup(|name| (name == URL_VAR).then(|| "http://127.0.0.1:1".into()))
            .err()
            .unwrap();
        assert!(message.starts_with("AWSJSON_MOTO_ACCESS_KEY_ID is not set"));
        let moto = from_lookup(|name| Some(format!("{name}-value"))).unwrap();
        assert_eq!(moto.url, "AWSJSON_MOTO_URL-value");
        assert_eq!(
            moto.credentials.access_key_id(),
            "AWSJSON_MOTO_ACCESS_KEY_ID-value"
        );
    }

    #[test]
    fn unique_names_differ_and_stay_short() {
        let a = unique("a-rather-long-prefix-for-a-resource-name-of-some-service");
        let b = unique("a-rather-long-prefix-for-a-resource-name-of-some-service");
        assert_ne!(a, b);
        assert!(a.len() <= 60);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    }
}
