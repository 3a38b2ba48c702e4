//! The signatures of an input event stream: each message the client sends is wrapped
//! in a message of its own whose `:chunk-signature` chains to the previous one, the
//! first to the signature of the HTTP request that opened the stream
//! (`AWS4-HMAC-SHA256-PAYLOAD`, as Transcribe's streaming guide and the SDKs define it).

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use ring::{digest, hmac};

use super::error::FrameError;
use super::frame::Message;
use super::header::{self, Header, HeaderValue};
use crate::Credentials;
use crate::sigv4;

/// Signs the messages of one input event stream, in order.
///
/// Each call wraps a message in a signed one: its payload is the message's wire form,
/// its headers `:date` (the signing time, whole seconds) and `:chunk-signature` (the
/// 32 bytes of the signature), and its signature covers the previous one, so the
/// service can tell that no message was dropped, reordered or inserted. After the last
/// event, [`sign_end`](EventSigner::sign_end) makes the empty message that ends the
/// stream.
///
/// `Debug` shows the scope and the last signature, never the secret key.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use awsjson::Credentials;
/// use awsjson::event_stream::{EventSigner, Message};
///
/// let credentials = Credentials::new("AKIDEXAMPLE", "secret", None);
/// // The signature of the request's `Authorization` header.
/// let seed = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
/// let mut signer = EventSigner::new(&credentials, "us-east-1", "transcribe", seed);
/// let time = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
/// let event = Message::new("audio bytes").with_header(":event-type", "AudioEvent");
/// let signed = signer.sign(&event, time).unwrap();
/// assert_eq!(Message::decode(signed.payload()).unwrap(), event);
/// let end = signer.sign_end(time);
/// assert!(end.payload().is_empty());
/// ```
pub struct EventSigner {
    credentials: Credentials,
    region: String,
    service: String,
    /// The signature of the previous message (of the request, at first), in hex.
    prior: String,
    /// The signing key and the `YYYYMMDD` it is valid for.
    key: Option<(String, hmac::Key)>,
}

impl EventSigner {
    /// A signer for the stream opened by a request signed with `credentials` for
    /// `region` and `service`, whose signature (the hex `Signature=` of its
    /// `Authorization` header) was `seed_signature`.
    pub fn new(
        credentials: &Credentials,
        region: impl Into<String>,
        service: impl Into<String>,
        seed_signature: impl Into<String>,
    ) -> Self {
        EventSigner {
            credentials: credentials.clone(),
            region: region.into(),
            service: service.into(),
            prior: seed_signature.into(),
            key: None,
        }
    }

    /// The signature of the last message signed (the seed before the first), in hex.
    pub fn prior_signature(&self) -> &str {
        &self.prior
    }

    /// Wraps `message` in its signed message, signed at `time` (truncated to whole
    /// seconds, as `:date` carries them). Fails, signing nothing, when `message` cannot
    /// be encoded ([`Message::encode`]).
    pub fn sign(&mut self, message: &Message, time: SystemTime) -> Result<Message, FrameError> {
        let payload = message.encode()?;
        Ok(self.sign_encoded(Bytes::from(payload), time))
    }

    /// The empty signed message that ends the stream: a service waits for it before
    /// it ends its answer.
    pub fn sign_end(&mut self, time: SystemTime) -> Message {
        self.sign_encoded(Bytes::new(), time)
    }

    /// Wraps `payload`, a message already encoded (or nothing, for the end), in its signed
    /// message.
    pub(crate) fn sign_encoded(&mut self, payload: Bytes, time: SystemTime) -> Message {
        let secs = time
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        let time = UNIX_EPOCH + std::time::Duration::from_secs(secs.max(0) as u64);
        let amz_date = sigv4::format_amz_date(time);
        let date_header = HeaderValue::Timestamp(secs * 1000);
        let string_to_sign = string_to_sign(
            &amz_date,
            &self.region,
            &self.service,
            &self.prior,
            &date_header,
            &payload,
        );
        let key = self.key_for(&amz_date[..8]);
        let tag = hmac::sign(key, string_to_sign.as_bytes());
        self.prior = hex(tag.as_ref());
        Message::new(payload)
            .with_header(":date", date_header)
            .with_header(
                ":chunk-signature",
                HeaderValue::ByteArray(Bytes::copy_from_slice(tag.as_ref())),
            )
    }

    /// The signing key of `date` (`YYYYMMDD`): derived again when a stream outlives
    /// a UTC day.
    fn key_for(&mut self, date: &str) -> &hmac::Key {
        let fresh = !matches!(&self.key, Some((day, _)) if day == date);
        if fresh {
            let raw = sigv4::signing_key(
                self.credentials.secret_access_key(),
                date,
                &self.region,
                &self.service,
            );
            self.key = Some((date.to_owned(), hmac::Key::new(hmac::HMAC_SHA256, &raw)));
        }
        match &self.key {
            Some((_, key)) => key,
            None => unreachable!("the key was just set"),
        }
    }
}

impl fmt::Debug for EventSigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EventSigner")
            .field("access_key_id", &self.credentials.access_key_id())
            .field("region", &self.region)
            .field("service", &self.service)
            .field("prior_signature", &self.prior)
            .finish_non_exhaustive()
    }
}

/// `AWS4-HMAC-SHA256-PAYLOAD`, the time, the scope, the prior signature, the SHA-256 of
/// the encoded `:date` header and the SHA-256 of the payload, one per line.
pub(crate) fn string_to_sign(
    amz_date: &str,
    region: &str,
    service: &str,
    prior: &str,
    date: &HeaderValue,
    payload: &[u8],
) -> String {
    let mut date_header = Vec::with_capacity(16);
    header::encode(&[Header::new(":date", date.clone())], &mut date_header);
    format!(
        "AWS4-HMAC-SHA256-PAYLOAD\n{amz_date}\n{}/{region}/{service}/aws4_request\n{prior}\n{}\n{}",
        &amz_date[..8],
        hex(digest::digest(&digest::SHA256, &date_header).as_ref()),
        hex(digest::digest(&digest::SHA256, payload).as_ref()),
    )
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chain_moves_and_the_day_changes_the_key() {
        let credentials = Credentials::new("AKID", "secret", None);
        let mut signer = EventSigner::new(&credentials, "us-east-1", "svc", "seed");
        let day = UNIX_EPOCH + std::time::Duration::from_secs(86_400 * 20_000 - 1);
        let first = signer.sign(&Message::new("a"), day).unwrap();
        let after_first = signer.prior_signature().to_owned();
        assert_ne!(after_first, "seed");
        let next_day = day + std::time::Duration::from_secs(1);
        signer.sign(&Message::new("a"), next_day).unwrap();
        assert_eq!(signer.key.as_ref().unwrap().0, "20241004");
        // Same message, same time, another prior signature: another signature.
        let mut other = EventSigner::new(&credentials, "us-east-1", "svc", "other seed");
        let again = other.sign(&Message::new("a"), day).unwrap();
        assert_ne!(
            first.header(":chunk-signature"),
            again.header(":chunk-signature")
        );
        assert!(!format!("{signer:?}").contains("secret"));
    }
}
