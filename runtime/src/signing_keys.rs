//! The client's cache of derived SigV4 signing keys.

use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::credentials::Credentials;
use crate::sigv4::{self, SignableRequest, Signature, SigningParams};

/// Keys a client has derived, one per (credentials, UTC day, signing region, signing
/// name): endpoints may sign for another region or name than the client's.
///
/// Deriving a key is four HMAC-SHA256s, a quarter of the instructions of a signature
/// (BENCHMARKS.md), and a key stays valid all day: a call derives one only when the
/// date, the credentials or the service change.
#[derive(Default)]
pub(crate) struct SigningKeys {
    entries: Mutex<Vec<Entry>>,
    prefixes: sigv4::CanonicalPrefixes,
}

struct Entry {
    // Held to compare by identity first (`Arc` equality), then by value.
    credentials: Credentials,
    day: i64,
    region: Box<str>,
    service: Box<str>,
    key: ring::hmac::Key,
    #[cfg(debug_assertions)]
    raw: [u8; 32],
}

/// A client signs for a handful of services; the bound keeps rotating credentials from
/// growing the cache.
const MAX_ENTRIES: usize = 16;

impl SigningKeys {
    /// Signs as [`sigv4::sign`] does, with a cached key when there is one; the
    /// `authorization` value is appended to `out`.
    pub(crate) fn sign(
        &self,
        request: &SignableRequest<'_>,
        params: &SigningParams<'_>,
        credentials: &Credentials,
        out: &mut String,
    ) -> Signature {
        let day = utc_day(params.time);
        let (region, service) = (params.region, params.service);
        let cached = self.lock().iter().find_map(|e| {
            (e.day == day
                && *e.service == *service
                && *e.region == *region
                && e.credentials == *credentials)
                .then(|| {
                    #[cfg(debug_assertions)]
                    check(&e.raw, params);
                    e.key.clone()
                })
        });
        let key = match cached {
            Some(key) => key,
            None => {
                let date = sigv4::format_amz_date(params.time);
                let raw = sigv4::signing_key(params.secret_access_key, &date[..8], region, service);
                let key = sigv4::hmac_key(&raw);
                let mut entries = self.lock();
                entries.retain(|e| e.day == day);
                if entries.len() >= MAX_ENTRIES {
                    entries.clear();
                }
                entries.push(Entry {
                    credentials: credentials.clone(),
                    day,
                    region: region.into(),
                    service: service.into(),
                    key: key.clone(),
                    #[cfg(debug_assertions)]
                    raw,
                });
                key
            }
        };
        sigv4::sign_with_hmac_key(request, params, &key, &self.prefixes, out)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Entry>> {
        // The entries are plain data, always consistent: a panic elsewhere cannot
        // have left them half-written.
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Debug builds check a cached key against a fresh derivation, as `sign_with_key` does.
#[cfg(debug_assertions)]
fn check(raw: &[u8; 32], params: &SigningParams<'_>) {
    let date = sigv4::format_amz_date(params.time);
    debug_assert!(
        *raw == sigv4::signing_key(
            params.secret_access_key,
            &date[..8],
            params.region,
            params.service
        ),
        "the cached signing key is not the one of this day, region and service"
    );
}

/// The UTC day of `time`, the date part of `x-amz-date`.
fn utc_day(time: SystemTime) -> i64 {
    let secs = match time.duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        Err(e) => {
            let d = e.duration();
            -i64::try_from(d.as_secs()).unwrap_or(i64::MAX) - i64::from(d.subsec_nanos() > 0)
        }
    };
    secs.div_euclid(86_400)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn sign_at(
        keys: &SigningKeys,
        creds: &Credentials,
        region: &str,
        service: &str,
        secs: u64,
    ) -> String {
        let request = SignableRequest {
            method: "POST",
            uri: "/",
            headers: &[("host", "example.amazonaws.com")],
            body: b"{}",
        };
        let params = SigningParams {
            access_key_id: creds.access_key_id(),
            secret_access_key: creds.secret_access_key(),
            session_token: creds.session_token(),
            region,
            service,
            time: UNIX_EPOCH + Duration::from_secs(secs),
            settings: sigv4::SigningSettings::default(),
        };
        // After other text, as the client appends it to its header values.
        let mut out = String::from("host");
        let signed = keys.sign(&request, &params, creds, &mut out);
        let cached = out[signed.authorization].to_owned();
        assert_eq!(cached, sigv4::sign(&request, &params).authorization);
        cached
    }

    #[test]
    fn cached_keys_sign_as_fresh_ones_across_days_regions_services_and_credentials() {
        let keys = SigningKeys::default();
        let a = Credentials::new("AKIDA", "secret-a", None);
        let b = Credentials::new("AKIDB", "secret-b", None);
        let day = 1_440_938_160;
        for (creds, region, service, secs) in [
            (&a, "us-east-1", "dynamodb", day),
            (&a, "us-east-1", "dynamodb", day + 60),
            (&a, "us-east-1", "kms", day + 60),
            (&a, "eu-west-1", "dynamodb", day + 60),
            (&b, "us-east-1", "dynamodb", day + 60),
            (&a, "us-east-1", "dynamodb", day + 86_400),
            (&a, "us-east-1", "dynamodb", day + 86_400 + 1),
        ] {
            sign_at(&keys, creds, region, service, secs);
        }
        // Yesterday's keys are gone; today's (a, us-east-1, dynamodb) is the only one left.
        assert_eq!(keys.lock().len(), 1);
        for i in 0..40 {
            let creds = Credentials::new("AKID", format!("rotated-{i}"), None);
            sign_at(&keys, &creds, "us-east-1", "dynamodb", day);
        }
        assert!(keys.lock().len() <= MAX_ENTRIES);
    }

    #[test]
    fn days_split_at_utc_midnight() {
        assert_eq!(utc_day(UNIX_EPOCH + Duration::from_secs(86_399)), 0);
        assert_eq!(utc_day(UNIX_EPOCH + Duration::from_secs(86_400)), 1);
        assert_eq!(utc_day(UNIX_EPOCH - Duration::from_millis(500)), -1);
    }
}
