//! AWS Signature Version 4 (`AWS4-HMAC-SHA256`) request signing, header variant.
//!
//! Checked against the official AWS SigV4 test suite (`tests/vectors/sigv4`).
//! Only `Authorization`-header signing is provided: presigned URLs (query signing)
//! are never used by awsJson clients.
//!
//! # Public API
//!
//! This module is public and semver-promised like the rest of the crate, not an
//! internal of the client: it is the one part of awsjson that is useful without a
//! declaration (signing a request to an AWS endpoint awsjson does not model, or
//! checking one, as the `stub` does), it is fully documented, and the official suite
//! tests it on every run. Its structs are `#[non_exhaustive]` (a field may be added,
//! such as a SigV4a region set) and are made with their constructors; their fields
//! stay public to read and to set.
//!
//! ```
//! use awsjson::sigv4::{sign, SignableRequest, SigningParams};
//! use std::time::{Duration, UNIX_EPOCH};
//!
//! let request = SignableRequest::new(
//!     "POST",
//!     "/",
//!     &[
//!         ("host", "dynamodb.us-east-1.amazonaws.com"),
//!         ("content-type", "application/x-amz-json-1.0"),
//!         ("x-amz-target", "DynamoDB_20120810.ListTables"),
//!     ],
//!     b"{}",
//! );
//! let mut params = SigningParams::new(
//!     "AKIDEXAMPLE",
//!     "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
//!     "us-east-1",
//!     "dynamodb",
//!     UNIX_EPOCH + Duration::from_secs(1_440_938_160),
//! );
//! params.session_token = None;
//! params.settings.sign_body = false;
//! let out = sign(&request, &params);
//! assert_eq!(out.x_amz_date, "20150830T123600Z");
//! assert!(out.authorization.starts_with(
//!     "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/dynamodb/aws4_request, \
//!      SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature="
//! ));
//! ```

use std::cmp::Ordering;
use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

// ring, not the RustCrypto sha2/hmac crates: rustls already compiles ring, whose
// assembly SHA-256 costs fewer instructions per block, and it spares eight crates.
use ring::{digest, hmac as ring_hmac};

/// The payload hash of a request whose body is an input event stream
/// ([`SigningSettings::payload_hash`]): the body is signed event by event
/// ([`EventSigner`](crate::event_stream::EventSigner)), not as a whole.
pub const STREAMING_EVENTS_PAYLOAD: &str = "STREAMING-AWS4-HMAC-SHA256-EVENTS";

const ALGORITHM: &str = "AWS4-HMAC-SHA256";
const TERMINATOR: &str = "aws4_request";
const X_AMZ_DATE: &str = "x-amz-date";
const X_AMZ_SECURITY_TOKEN: &str = "x-amz-security-token";
const X_AMZ_CONTENT_SHA256: &str = "x-amz-content-sha256";

/// A request as the signer sees it: exactly the headers to be signed.
#[non_exhaustive]
pub struct SignableRequest<'a> {
    /// The HTTP method, as sent (`POST` for awsJson).
    pub method: &'a str,
    /// Raw request target as sent: path plus optional `?query` (may hold raw spaces /
    /// UTF-8, as in the suite).
    pub uri: &'a str,
    /// Headers to sign, in any order/case; names may repeat (values are then joined
    /// with `,` in order).
    ///
    /// Headers the signer produces itself are skipped here so they are never signed
    /// twice: `authorization` and `x-amz-date` always, `x-amz-security-token` when
    /// [`SigningParams::session_token`] is set, `x-amz-content-sha256` when
    /// [`SigningSettings::sign_body`] is set.
    pub headers: &'a [(&'a str, &'a str)],
    /// The request body; its SHA-256 is the payload hash of the canonical request.
    pub body: &'a [u8],
}

impl<'a> SignableRequest<'a> {
    /// The request to sign: method, raw target (path and `?query`), the headers to
    /// sign and the body.
    pub fn new(
        method: &'a str,
        uri: &'a str,
        headers: &'a [(&'a str, &'a str)],
        body: &'a [u8],
    ) -> Self {
        SignableRequest {
            method,
            uri,
            headers,
            body,
        }
    }
}

impl fmt::Debug for SignableRequest<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignableRequest")
            .field("method", &self.method)
            .field("uri", &self.uri)
            .field("headers", &self.headers)
            .field("body", &format_args!("<{} bytes>", self.body.len()))
            .finish()
    }
}

/// Knobs of the canonical request; the default is what awsJson services expect.
/// Start from [`SigningSettings::default`] and set the fields that differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct SigningSettings {
    /// Remove `.`/`..` segments and duplicate slashes from the path before encoding it
    /// (every service but S3).
    pub normalize_path: bool,
    /// URI-encode the path as given, `%` included (every service but S3). When false,
    /// the path is taken as already encoded once: existing `%XX` escapes are kept and
    /// only bytes that cannot appear in an encoded path are escaped.
    pub double_uri_encode: bool,
    /// Send and sign `x-amz-content-sha256` (the payload hash).
    pub sign_body: bool,
    /// Leave `x-amz-security-token` out of the signature; the caller still sends it
    /// (some services want the token added after signing).
    pub omit_session_token: bool,
    /// The payload hash of the canonical request in place of the SHA-256 of
    /// [`SignableRequest::body`]: [`STREAMING_EVENTS_PAYLOAD`] for a request whose body
    /// is an input event stream.
    pub payload_hash: Option<&'static str>,
}

impl Default for SigningSettings {
    fn default() -> Self {
        Self {
            normalize_path: true,
            double_uri_encode: true,
            sign_body: false,
            omit_session_token: false,
            payload_hash: None,
        }
    }
}

/// Credentials, scope and time of one signature.
///
/// `Debug` never prints the secret access key or the session token.
#[non_exhaustive]
pub struct SigningParams<'a> {
    /// The access key id, e.g. `AKIDEXAMPLE`.
    pub access_key_id: &'a str,
    /// The secret access key; only used to derive the signing key.
    pub secret_access_key: &'a str,
    /// The session token of temporary credentials; sent as `x-amz-security-token`.
    pub session_token: Option<&'a str>,
    /// The signing region, e.g. `us-east-1`.
    pub region: &'a str,
    /// The signing name of the service, e.g. `dynamodb`.
    pub service: &'a str,
    /// The signing time; becomes `x-amz-date` and the date of the credential scope.
    pub time: SystemTime,
    /// How the canonical request is built.
    pub settings: SigningSettings,
}

impl<'a> SigningParams<'a> {
    /// Long-term credentials (no session token; set
    /// [`session_token`](Self::session_token) for temporary ones), the scope and the
    /// time, with the default [`SigningSettings`].
    pub fn new(
        access_key_id: &'a str,
        secret_access_key: &'a str,
        region: &'a str,
        service: &'a str,
        time: SystemTime,
    ) -> Self {
        SigningParams {
            access_key_id,
            secret_access_key,
            session_token: None,
            region,
            service,
            time,
            settings: SigningSettings::default(),
        }
    }
}

impl fmt::Debug for SigningParams<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningParams")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &Redacted)
            .field("session_token", &self.session_token.map(|_| Redacted))
            .field("region", &self.region)
            .field("service", &self.service)
            .field("time", &self.time)
            .field("settings", &self.settings)
            .finish()
    }
}

/// Everything the signing produced. Headers the caller must add: `x-amz-date`,
/// `authorization`, and `x-amz-security-token` / `x-amz-content-sha256` when present.
///
/// `Debug` never prints the session token, not even inside the canonical request.
#[non_exhaustive]
pub struct SigningOutput {
    /// The `x-amz-date` header value, e.g. `20150830T123600Z`.
    pub x_amz_date: String,
    /// The `authorization` header value:
    /// `AWS4-HMAC-SHA256 Credential=.../..., SignedHeaders=..., Signature=...`.
    pub authorization: String,
    /// The `x-amz-security-token` header value, when there is a session token (also
    /// with [`SigningSettings::omit_session_token`], which only leaves it unsigned).
    pub security_token: Option<String>,
    /// The `x-amz-content-sha256` header value, with [`SigningSettings::sign_body`].
    pub content_sha256: Option<String>,
    /// The signed header names, lower case, `;`-separated.
    pub signed_headers: String,
    /// The canonical request that was hashed (to debug signature mismatches).
    pub canonical_request: String,
    /// The string that was signed.
    pub string_to_sign: String,
    /// The hex signature, also the end of [`authorization`](Self::authorization).
    pub signature: String,
}

impl fmt::Debug for SigningOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A signed token is a line of the canonical request, so redact it there too.
        let canonical_request = match &self.security_token {
            Some(token) if !token.is_empty() => self.canonical_request.replace(token, "<redacted>"),
            _ => self.canonical_request.clone(),
        };
        f.debug_struct("SigningOutput")
            .field("x_amz_date", &self.x_amz_date)
            .field("authorization", &self.authorization)
            .field(
                "security_token",
                &self.security_token.as_ref().map(|_| Redacted),
            )
            .field("content_sha256", &self.content_sha256)
            .field("signed_headers", &self.signed_headers)
            .field("canonical_request", &canonical_request)
            .field("string_to_sign", &self.string_to_sign)
            .field("signature", &self.signature)
            .finish()
    }
}

struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Signs `request`, deriving the signing key from `params.secret_access_key`.
///
/// Signs exactly `request.headers` (see there for the headers it skips) plus the
/// `x-amz-date` it creates, `x-amz-security-token` (unless
/// [`SigningSettings::omit_session_token`]) and `x-amz-content-sha256` (with
/// [`SigningSettings::sign_body`]). To skip the four HMACs of the key derivation on
/// every call, cache [`signing_key`] and use [`sign_with_key`].
#[must_use]
pub fn sign(request: &SignableRequest<'_>, params: &SigningParams<'_>) -> SigningOutput {
    let x_amz_date = format_amz_date(params.time);
    let key = signing_key(
        params.secret_access_key,
        &x_amz_date[..8],
        params.region,
        params.service,
    );
    sign_inner(request, params, &hmac_key(&key), x_amz_date)
}

/// Signs `request` with a signing key derived earlier by [`signing_key`];
/// `params.secret_access_key` is not used.
///
/// The key is only valid for the UTC date of `params.time` (the first 8 characters
/// of [`format_amz_date`]), `params.region` and `params.service`; a client caches it
/// per (secret, date, region, service) and derives a new one when the date changes.
/// Debug builds check the key against a fresh derivation.
#[must_use]
pub fn sign_with_key(
    request: &SignableRequest<'_>,
    params: &SigningParams<'_>,
    key: &[u8; 32],
) -> SigningOutput {
    let x_amz_date = format_amz_date(params.time);
    debug_assert!(
        *key == signing_key(
            params.secret_access_key,
            &x_amz_date[..8],
            params.region,
            params.service
        ),
        "sign_with_key: the cached signing key is not the one of this date, region and service"
    );
    sign_inner(request, params, &hmac_key(key), x_amz_date)
}

/// Derives the signing key; callers may cache it per (secret, date, region, service).
///
/// `date` is the `YYYYMMDD` UTC date of the signing time.
#[must_use]
pub fn signing_key(secret_access_key: &str, date: &str, region: &str, service: &str) -> [u8; 32] {
    // "AWS4" + secret on the stack: real secrets are 40 bytes.
    let mut buf = [0u8; 128];
    let secret = secret_access_key.as_bytes();
    let k_date = if secret.len() + 4 <= buf.len() {
        buf[..4].copy_from_slice(b"AWS4");
        buf[4..4 + secret.len()].copy_from_slice(secret);
        hmac(&buf[..4 + secret.len()], date.as_bytes())
    } else {
        hmac(&[b"AWS4", secret].concat(), date.as_bytes())
    };
    let k_region = hmac(&k_date, region.as_bytes());
    let k_service = hmac(&k_region, service.as_bytes());
    hmac(&k_service, TERMINATOR.as_bytes())
}

fn hmac(key: &[u8], data: &[u8]) -> [u8; 32] {
    let tag = ring_hmac::sign(&ring_hmac::Key::new(ring_hmac::HMAC_SHA256, key), data);
    let mut out = [0u8; 32];
    out.copy_from_slice(tag.as_ref());
    out
}

fn sha256(data: &[u8]) -> digest::Digest {
    digest::digest(&digest::SHA256, data)
}

/// One header of the canonical request; `order` keeps repeated names in sending order.
#[derive(Clone, Copy)]
struct Entry<'a> {
    name: &'a str,
    value: &'a str,
    order: usize,
}

const EMPTY_ENTRY: Entry<'static> = Entry {
    name: "",
    value: "",
    order: 0,
};

/// Headers held on the stack before falling back to the heap; an awsJson request
/// signs about six.
const INLINE_HEADERS: usize = 16;

/// The signing key ready for HMAC: ring folds it into the two padded-key blocks once, so
/// a cached `hmac::Key` saves two SHA-256 compressions per signature.
pub(crate) fn hmac_key(key: &[u8; 32]) -> ring_hmac::Key {
    ring_hmac::Key::new(ring_hmac::HMAC_SHA256, key)
}

/// [`sign_with_key`] with the key already prepared by [`hmac_key`], and the hash of the
/// canonical request's first block taken from `prefixes` when it is there: the headers
/// of a client's own request, its canonical request and string to sign written in
/// this thread's scratch buffers, its `authorization` value appended to `out` (the
/// buffer of the request's header values).
pub(crate) fn sign_with_hmac_key(
    request: &SignableRequest<'_>,
    params: &SigningParams<'_>,
    key: &ring_hmac::Key,
    prefixes: &CanonicalPrefixes,
    out: &mut String,
) -> Signature {
    let x_amz_date = AmzDate::new(params.time);
    let mut sign = |scratch: &mut Scratch| {
        sign_core(
            request,
            params,
            key,
            x_amz_date.as_str(),
            Some(prefixes),
            scratch,
            out,
        )
    };
    let core = SCRATCH
        .try_with(|scratch| {
            let mut scratch = scratch.try_borrow_mut().ok()?;
            let scratch = &mut *scratch;
            let core = sign(scratch);
            for buffer in [&mut scratch.canonical_request, &mut scratch.string_to_sign] {
                if buffer.capacity() > SCRATCH_KEPT {
                    *buffer = String::new();
                }
            }
            Some(core)
        })
        .ok()
        .flatten()
        // A thread being torn down: buffers of its own.
        .unwrap_or_else(|| sign(&mut Scratch::default()));
    Signature {
        x_amz_date,
        authorization: core.authorization,
        content_sha256: core.content_sha256,
    }
}

/// SHA-256 states after the first 64-byte block of recent canonical requests. A client's
/// calls to one endpoint share that block (method, path, query, then the first signed
/// headers, `host` among them, before the `x-amz-date` that changes): a state cloned from
/// here saves hashing it, one of the four or five blocks of a canonical request.
#[derive(Default)]
pub(crate) struct CanonicalPrefixes {
    slots: std::sync::Mutex<PrefixSlots>,
}

/// A client calls a handful of endpoints; the oldest slot makes room for a new block.
#[derive(Default)]
struct PrefixSlots {
    states: [Option<([u8; 64], digest::Context)>; 4],
    next: usize,
}

impl CanonicalPrefixes {
    /// The SHA-256 of `data`, the same as [`digest::digest`] gives.
    fn digest(&self, data: &[u8]) -> digest::Digest {
        let Some((first, rest)) = data.split_first_chunk::<64>() else {
            return sha256(data);
        };
        let mut slots = self
            .slots
            .lock()
            // Each slot is written whole, and a block with the state it leads to.
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let cached = slots
            .states
            .iter()
            .flatten()
            .find(|(block, _)| block == first)
            .map(|(_, state)| state.clone());
        let mut state = match cached {
            Some(state) => {
                drop(slots);
                state
            }
            None => {
                let mut state = digest::Context::new(&digest::SHA256);
                state.update(first);
                let at = slots.next;
                slots.states[at] = Some((*first, state.clone()));
                slots.next = (at + 1) % slots.states.len();
                drop(slots);
                state
            }
        };
        state.update(rest);
        state.finish()
    }
}

/// The buffers a signature is built in besides its `authorization`: each thread of a
/// client reuses its own (`sign_with_hmac_key`), where every call allocated them anew.
#[derive(Default)]
struct Scratch {
    canonical_request: String,
    string_to_sign: String,
}

/// A scratch buffer that grew past this is not kept: one long query must not hold its
/// memory for the life of the thread.
const SCRATCH_KEPT: usize = 16 * 1024;

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// Room for the `authorization` value of `request` signed with `params`: a bound on its
/// length (every header name counted, signed or not).
pub(crate) fn authorization_capacity(
    request: &SignableRequest<'_>,
    params: &SigningParams<'_>,
) -> usize {
    let names: usize = request.headers.iter().map(|(name, _)| name.len() + 1).sum();
    let own = X_AMZ_DATE.len() + X_AMZ_SECURITY_TOKEN.len() + X_AMZ_CONTENT_SHA256.len() + 3;
    let scope = 8 + params.region.len() + params.service.len() + TERMINATOR.len() + 3;
    let fixed = ALGORITHM.len()
        + " Credential=/".len()
        + ", SignedHeaders=".len()
        + ", Signature=".len()
        + 64;
    fixed + params.access_key_id.len() + scope + names + own
}

/// What [`sign_core`] produces beyond its scratch: where it wrote the `authorization`
/// value, and the signed header names and the signature in it.
struct Core {
    authorization: std::ops::Range<usize>,
    content_sha256: Option<String>,
    signed_headers: std::ops::Range<usize>,
    signature: std::ops::Range<usize>,
}

/// The signature's headers, for a client's own request.
pub(crate) struct Signature {
    pub(crate) x_amz_date: AmzDate,
    /// Where the `authorization` value is in the buffer it was appended to.
    pub(crate) authorization: std::ops::Range<usize>,
    pub(crate) content_sha256: Option<String>,
}

fn sign_inner(
    request: &SignableRequest<'_>,
    params: &SigningParams<'_>,
    key: &ring_hmac::Key,
    x_amz_date: String,
) -> SigningOutput {
    let mut scratch = Scratch::default();
    let mut authorization = String::new();
    let core = sign_core(
        request,
        params,
        key,
        &x_amz_date,
        None,
        &mut scratch,
        &mut authorization,
    );
    SigningOutput {
        signed_headers: authorization[core.signed_headers].to_owned(),
        signature: authorization[core.signature].to_owned(),
        x_amz_date,
        authorization,
        security_token: params.session_token.map(str::to_owned),
        content_sha256: core.content_sha256,
        canonical_request: scratch.canonical_request,
        string_to_sign: scratch.string_to_sign,
    }
}

/// Writes the canonical request and the string to sign into `scratch`, and the
/// `authorization` value built alongside them at the end of `authorization`.
fn sign_core(
    request: &SignableRequest<'_>,
    params: &SigningParams<'_>,
    key: &ring_hmac::Key,
    x_amz_date: &str,
    prefixes: Option<&CanonicalPrefixes>,
    scratch: &mut Scratch,
    authorization: &mut String,
) -> Core {
    let settings = params.settings;
    let mut computed = [0u8; 64];
    let body_hash_hex = match settings.payload_hash {
        Some(hash) => hash,
        None => {
            hex_into(sha256(request.body).as_ref(), &mut computed);
            std::str::from_utf8(&computed).expect("hex is ASCII")
        }
    };
    let content_sha256 = settings.sign_body.then(|| body_hash_hex.to_owned());
    let token = params.session_token;
    let signed_token = token.filter(|_| !settings.omit_session_token);

    let skip = |name: &str| {
        name.eq_ignore_ascii_case("authorization")
            || name.eq_ignore_ascii_case(X_AMZ_DATE)
            || (token.is_some() && name.eq_ignore_ascii_case(X_AMZ_SECURITY_TOKEN))
            || (settings.sign_body && name.eq_ignore_ascii_case(X_AMZ_CONTENT_SHA256))
    };
    let extra = [
        Some((X_AMZ_DATE, x_amz_date)),
        signed_token.map(|t| (X_AMZ_SECURITY_TOKEN, t)),
        content_sha256.as_deref().map(|h| (X_AMZ_CONTENT_SHA256, h)),
    ];
    let headers = request
        .headers
        .iter()
        .copied()
        .filter(|(name, _)| !skip(name))
        .chain(extra.into_iter().flatten())
        .enumerate()
        .map(|(order, (name, value))| Entry { name, value, order });

    let count = request.headers.len() + 3;
    let mut inline = [EMPTY_ENTRY; INLINE_HEADERS];
    let mut heap = Vec::new();
    let entries: &mut [Entry<'_>] = if count <= INLINE_HEADERS {
        let mut n = 0;
        for (slot, entry) in inline.iter_mut().zip(headers) {
            *slot = entry;
            n += 1;
        }
        &mut inline[..n]
    } else {
        heap.extend(headers);
        &mut heap
    };
    // `order` is unique, so the unstable sort is deterministic and never allocates.
    entries.sort_unstable_by(|a, b| cmp_lowercase(a.name, b.name).then(a.order.cmp(&b.order)));

    let (path, query) = match request.uri.split_once('?') {
        Some((path, query)) => (path, query),
        None => (request.uri, ""),
    };
    let headers_len: usize = entries
        .iter()
        .map(|e| e.name.len() + e.value.len() + 2)
        .sum();
    let date = &x_amz_date[..8];
    let scope_len = date.len() + params.region.len() + params.service.len() + TERMINATOR.len() + 3;

    // The authorization value is written as the parts it holds come: its signed
    // header names as the canonical request lists them, its signature last.
    let start = authorization.len();
    authorization.reserve(authorization_capacity(request, params));
    authorization.push_str(ALGORITHM);
    authorization.push_str(" Credential=");
    authorization.push_str(params.access_key_id);
    authorization.push('/');
    push_scope(authorization, date, params.region, params.service);
    authorization.push_str(", SignedHeaders=");
    let signed_start = authorization.len();

    let creq = &mut scratch.canonical_request;
    creq.clear();
    creq.reserve(request.method.len() + request.uri.len() * 3 + 2 * headers_len + 64 + 8);
    creq.push_str(request.method);
    creq.push('\n');
    write_canonical_path(creq, path, settings);
    creq.push('\n');
    write_canonical_query(creq, query);
    creq.push('\n');
    let mut i = 0;
    while i < entries.len() {
        let name = entries[i].name;
        if authorization.len() > signed_start {
            authorization.push(';');
        }
        push_lowercase(authorization, name);
        push_lowercase(creq, name);
        creq.push(':');
        push_header_value(creq, entries[i].value);
        i += 1;
        while i < entries.len() && entries[i].name.eq_ignore_ascii_case(name) {
            creq.push(',');
            push_header_value(creq, entries[i].value);
            i += 1;
        }
        creq.push('\n');
    }
    let signed_headers = signed_start..authorization.len();
    creq.push('\n');
    creq.push_str(&authorization[signed_headers.clone()]);
    creq.push('\n');
    creq.push_str(body_hash_hex);

    let sts = &mut scratch.string_to_sign;
    sts.clear();
    sts.reserve(ALGORITHM.len() + x_amz_date.len() + scope_len + 64 + 3);
    sts.push_str(ALGORITHM);
    sts.push('\n');
    sts.push_str(x_amz_date);
    sts.push('\n');
    push_scope(sts, date, params.region, params.service);
    sts.push('\n');
    let creq_hash = match prefixes {
        Some(prefixes) => prefixes.digest(creq.as_bytes()),
        None => sha256(creq.as_bytes()),
    };
    push_hex(sts, creq_hash.as_ref());

    authorization.push_str(", Signature=");
    let signature_start = authorization.len();
    push_hex(authorization, ring_hmac::sign(key, sts.as_bytes()).as_ref());
    Core {
        signature: signature_start..authorization.len(),
        authorization: start..authorization.len(),
        content_sha256,
        signed_headers,
    }
}

fn push_scope(out: &mut String, date: &str, region: &str, service: &str) {
    for (i, part) in [date, region, service, TERMINATOR].into_iter().enumerate() {
        if i > 0 {
            out.push('/');
        }
        out.push_str(part);
    }
}

fn cmp_lowercase(a: &str, b: &str) -> Ordering {
    fn lower(s: &str) -> impl Iterator<Item = u8> + '_ {
        s.bytes().map(|b| b.to_ascii_lowercase())
    }
    lower(a).cmp(lower(b))
}

fn push_lowercase(out: &mut String, s: &str) {
    // Header names almost always arrive lower case: one copy, not a push per char.
    let start = out.len();
    out.push_str(s);
    out[start..].make_ascii_lowercase();
}

/// Trims the value and turns every run of whitespace into one space; the run may be
/// an obs-fold line break (`\r\n` or `\n` followed by spaces or tabs).
fn push_header_value(out: &mut String, value: &str) {
    // Most values have no whitespace to trim or fold: copy them whole.
    if is_plain(value.as_bytes()) {
        out.push_str(value);
        return;
    }
    let mut words = value
        .split([' ', '\t', '\r', '\n'])
        .filter(|word| !word.is_empty());
    if let Some(first) = words.next() {
        out.push_str(first);
        for word in words {
            out.push(' ');
            out.push_str(word);
        }
    }
}

/// Whether a header value is its own canonical form: not empty, no tab or line
/// break, no space at either end or next to another. Four passes over the bytes cost
/// about 350 instructions a value (BENCHMARKS.md).
fn is_plain(bytes: &[u8]) -> bool {
    // Most values hold no space or control byte at all: a pass without branches,
    // which the compiler vectorises, settles them.
    if !bytes.is_empty() && bytes.iter().fold(true, |ok, &b| ok & (b > b' ')) {
        return true;
    }
    // A space at the start counts as following one.
    let mut after_space = true;
    for &b in bytes {
        match b {
            b' ' if after_space => return false,
            b' ' => after_space = true,
            b'\t' | b'\r' | b'\n' => return false,
            _ => after_space = false,
        }
    }
    !after_space
}

fn write_canonical_path(out: &mut String, path: &str, settings: SigningSettings) {
    let start = out.len();
    out.push('/');
    let path = path.strip_prefix('/').unwrap_or(path);
    if !settings.normalize_path {
        for (i, segment) in path.split('/').enumerate() {
            if i > 0 {
                out.push('/');
            }
            push_path_segment(out, segment, settings.double_uri_encode);
        }
        return;
    }
    // RFC 3986 dot-segment removal plus collapsing of empty segments, written straight
    // into `out`: every kept segment is followed by '/', so `..` truncates to the
    // previous '/', never below `start`.
    let mut last = "";
    for segment in path.split('/') {
        last = segment;
        match segment {
            "" | "." => {}
            ".." => {
                if out.len() > start + 1 {
                    let end = out.len() - 1;
                    let cut = out[start..end].rfind('/').map_or(0, |i| i + 1);
                    out.truncate(start + cut);
                }
            }
            _ => {
                push_path_segment(out, segment, settings.double_uri_encode);
                out.push('/');
            }
        }
    }
    // A path ending in a name has no trailing slash; one ending in '/', '.' or '..'
    // names a directory and keeps it.
    if !matches!(last, "" | "." | "..") && out.len() > start + 1 {
        out.pop();
    }
}

fn push_path_segment(out: &mut String, segment: &str, double_encode: bool) {
    for &b in segment.as_bytes() {
        if is_unreserved(b) || (!double_encode && b == b'%') {
            out.push(char::from(b));
        } else {
            push_percent(out, b);
        }
    }
}

/// Writes the query with each key and value percent-decoded and re-encoded (so raw
/// and encoded forms sign alike), sorted by key, then value.
fn write_canonical_query(out: &mut String, query: &str) {
    if query.is_empty() {
        return;
    }
    let mut params: Vec<(String, String)> = query
        .split('&')
        .filter(|param| !param.is_empty())
        .map(|param| {
            let (key, value) = param.split_once('=').unwrap_or((param, ""));
            let mut k = String::with_capacity(key.len());
            push_query_component(&mut k, key);
            let mut v = String::with_capacity(value.len());
            push_query_component(&mut v, value);
            (k, v)
        })
        .collect();
    params.sort_unstable();
    for (i, (key, value)) in params.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(key);
        out.push('=');
        out.push_str(value);
    }
}

fn push_query_component(out: &mut String, raw: &str) {
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let mut b = bytes[i];
        let escaped = (b == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| Some(hex_value(hex[0])? << 4 | hex_value(hex[1])?));
        if let Some(decoded) = escaped {
            b = decoded;
            i += 2;
        }
        if is_unreserved(b) {
            out.push(char::from(b));
        } else {
            push_percent(out, b);
        }
        i += 1;
    }
}

/// `value` with every byte but RFC 3986's unreserved characters as `%XX` (upper-case
/// hex), as SigV4 escapes: also the endpoint rules' `uriEncode` and STS's form bodies.
pub(crate) fn percent_encode(value: &str, out: &mut String) {
    for &b in value.as_bytes() {
        if is_unreserved(b) {
            out.push(char::from(b));
        } else {
            push_percent(out, b);
        }
    }
}

/// The characters SigV4 never escapes (RFC 3986 unreserved).
fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";
const HEX_LOWER: &[u8; 16] = b"0123456789abcdef";

fn push_percent(out: &mut String, b: u8) {
    out.push('%');
    out.push(char::from(HEX_UPPER[usize::from(b >> 4)]));
    out.push(char::from(HEX_UPPER[usize::from(b & 0xf)]));
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Lower-case hex, as SigV4 wants for hashes and signatures.
fn push_hex(out: &mut String, bytes: &[u8]) {
    // A digest at a time through a stack buffer: one copy, not a push per digit.
    for chunk in bytes.chunks(32) {
        let mut buf = [0u8; 64];
        let hex = &mut buf[..chunk.len() * 2];
        hex_into(chunk, hex);
        out.push_str(std::str::from_utf8(hex).expect("hex is ASCII"));
    }
}

/// Each byte's two digits, so that a byte costs one load: a signature writes 64 of them.
const HEX_PAIRS: [[u8; 2]; 256] = {
    let mut pairs = [[0; 2]; 256];
    let mut b = 0;
    while b < 256 {
        pairs[b] = [HEX_LOWER[b >> 4], HEX_LOWER[b & 0xf]];
        b += 1;
    }
    pairs
};

fn hex_into(bytes: &[u8], out: &mut [u8]) {
    for (pair, &b) in out.chunks_exact_mut(2).zip(bytes) {
        pair.copy_from_slice(&HEX_PAIRS[usize::from(b)]);
    }
}

/// The parts of an `Authorization: AWS4-HMAC-SHA256 ...` header value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParsedAuthorization<'a> {
    /// The access key id of the credential.
    pub access_key_id: &'a str,
    /// The `YYYYMMDD` date of the credential scope.
    pub date: &'a str,
    /// The region of the credential scope.
    pub region: &'a str,
    /// The service of the credential scope.
    pub service: &'a str,
    /// The signed header names as sent: lower case, `;`-separated.
    pub signed_headers: &'a str,
    /// The hex signature.
    pub signature: &'a str,
}

impl<'a> ParsedAuthorization<'a> {
    /// The signed header names, in the order of the header.
    pub fn signed_header_names(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        self.signed_headers.split(';')
    }
}

/// Parse an Authorization header back into (access key id, date, region, service,
/// signed header names, signature); used by servers/stubs that verify requests.
///
/// Accepts the three components in any order, with or without spaces after the
/// commas; returns `None` for anything else, a missing or repeated component, a
/// scope not ending in `aws4_request`, or a signature that is not 64 hex digits.
#[must_use]
pub fn parse_authorization(value: &str) -> Option<ParsedAuthorization<'_>> {
    let rest = value.strip_prefix(ALGORITHM)?.strip_prefix(' ')?;
    let (mut credential, mut signed_headers, mut signature) = (None, None, None);
    for part in rest.split(',') {
        let (key, value) = part.trim_matches(' ').split_once('=')?;
        let slot = match key {
            "Credential" => &mut credential,
            "SignedHeaders" => &mut signed_headers,
            "Signature" => &mut signature,
            _ => return None,
        };
        if slot.replace(value).is_some() {
            return None;
        }
    }
    let mut scope = credential?.split('/');
    let mut next = || scope.next().filter(|s| !s.is_empty());
    let (access_key_id, date, region, service) = (next()?, next()?, next()?, next()?);
    if next()? != TERMINATOR || next().is_some() {
        return None;
    }
    if date.len() != 8 || !date.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let signed_headers = signed_headers?;
    if signed_headers.split(';').any(str::is_empty) {
        return None;
    }
    let signature = signature?;
    if signature.len() != 64 || !signature.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    Some(ParsedAuthorization {
        access_key_id,
        date,
        region,
        service,
        signed_headers,
        signature,
    })
}

const SECS_PER_DAY: i64 = 86_400;

/// Formats `t` as `YYYYMMDDTHHMMSSZ` (UTC, the `x-amz-date` form), dropping fractions
/// of a second.
#[must_use]
pub fn format_amz_date(t: SystemTime) -> String {
    AmzDate::new(t).as_str().to_owned()
}

/// An `x-amz-date` value without an allocation in the years 0 to 9999: the client's
/// every signature formats one (an allocation a call, BENCHMARKS.md).
pub(crate) enum AmzDate {
    Digits([u8; 16]),
    /// A year outside 0 to 9999: more or fewer digits, or a sign.
    Other(String),
}

impl AmzDate {
    fn new(t: SystemTime) -> AmzDate {
        let secs = match t.duration_since(UNIX_EPOCH) {
            Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
            // Before 1970: round down, so -0.5 s is 23:59:59 of 1969-12-31.
            Err(e) => {
                let d = e.duration();
                let whole = i64::try_from(d.as_secs()).unwrap_or(i64::MAX);
                -whole - i64::from(d.subsec_nanos() > 0)
            }
        };
        let (days, secs_of_day) = (secs.div_euclid(SECS_PER_DAY), secs.rem_euclid(SECS_PER_DAY));
        let (year, month, day) = crate::datetime::civil_from_days(days);
        let (hour, minute, second) = (secs_of_day / 3600, secs_of_day / 60 % 60, secs_of_day % 60);
        if !(0..=9999).contains(&year) {
            return AmzDate::Other(format!(
                "{year:04}{month:02}{day:02}T{hour:02}{minute:02}{second:02}Z"
            ));
        }
        // Every signature formats one: digits written in place cost a tenth of `format!`.
        let mut out = *b"00000000T000000Z";
        let mut put = |at: usize, width: usize, mut value: i64| {
            for slot in out[at..at + width].iter_mut().rev() {
                *slot = b'0' + (value % 10) as u8;
                value /= 10;
            }
        };
        put(0, 4, year);
        put(4, 2, month);
        put(6, 2, day);
        put(9, 2, hour);
        put(11, 2, minute);
        put(13, 2, second);
        AmzDate::Digits(out)
    }

    pub(crate) fn as_str(&self) -> &str {
        match self {
            AmzDate::Digits(digits) => std::str::from_utf8(digits).unwrap_or_default(),
            AmzDate::Other(text) => text,
        }
    }
}

/// Parses a `YYYYMMDDTHHMMSSZ` (`x-amz-date`) UTC timestamp; `None` unless it is
/// exactly that form and a real date and time (no leap second).
#[must_use]
pub fn parse_amz_date(s: &str) -> Option<SystemTime> {
    let b = s.as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    let num = |range: std::ops::Range<usize>| {
        b[range].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let (year, month, day) = (num(0..4)?, num(4..6)?, num(6..8)?);
    let (hour, minute, second) = (num(9..11)?, num(11..13)?, num(13..15)?);
    if !crate::datetime::is_date(year.into(), month.into(), day.into())
        || hour > 23
        || minute > 59
        || second > 59
    {
        return None;
    }
    let secs = crate::datetime::days_from_civil(year.into(), month.into(), day.into())
        * SECS_PER_DAY
        + i64::from(hour * 3600 + minute * 60 + second);
    let magnitude = Duration::from_secs(secs.unsigned_abs());
    if secs >= 0 {
        UNIX_EPOCH.checked_add(magnitude)
    } else {
        UNIX_EPOCH.checked_sub(magnitude)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> SystemTime {
        let magnitude = Duration::from_secs(secs.unsigned_abs());
        if secs >= 0 {
            UNIX_EPOCH + magnitude
        } else {
            UNIX_EPOCH - magnitude
        }
    }

    #[test]
    fn plain_header_values_are_those_folding_leaves_as_they_are() {
        // The fold written out, to hold the one-pass check against.
        let folded = |value: &str| {
            value
                .split([' ', '\t', '\r', '\n'])
                .filter(|word| !word.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        for value in [
            "",
            " ",
            "a",
            "a b",
            "a  b",
            " a",
            "a ",
            "a\tb",
            "a\r\n b",
            "\x0ca",
            "a\x0c",
            "application/x-amz-json-1.0",
            "20150830T123600Z",
            "a b c",
            "ab  ",
            "\n",
        ] {
            let mut out = String::new();
            push_header_value(&mut out, value);
            assert_eq!(out, folded(value), "{value:?}");
            if is_plain(value.as_bytes()) {
                assert_eq!(value, folded(value), "{value:?} taken as plain");
            }
        }
    }

    #[test]
    fn amz_date_known_instants() {
        let cases = [
            (0, "19700101T000000Z"),
            (1_440_938_160, "20150830T123600Z"),
            (951_782_400, "20000229T000000Z"), // leap day of a /400 year
            (1_709_164_800, "20240229T000000Z"), // leap day of a /4 year
            (4_107_542_400, "21000301T000000Z"), // 2100 is not leap: Feb 28 -> Mar 1
            (4_107_542_399, "21000228T235959Z"),
            (1_735_689_599, "20241231T235959Z"), // day 366 of a leap year
            (253_402_300_799, "99991231T235959Z"),
            (-1, "19691231T235959Z"),
            (-2_208_988_800, "19000101T000000Z"),
        ];
        for (secs, text) in cases {
            assert_eq!(format_amz_date(at(secs)), text, "format {secs}");
            assert_eq!(parse_amz_date(text), Some(at(secs)), "parse {text}");
        }
    }

    #[test]
    fn amz_date_drops_subseconds() {
        let t = at(1_440_938_160) + Duration::from_millis(999);
        assert_eq!(format_amz_date(t), "20150830T123600Z");
        let before = UNIX_EPOCH - Duration::from_millis(500);
        assert_eq!(format_amz_date(before), "19691231T235959Z");
    }

    #[test]
    fn amz_date_past_year_9999_still_formats() {
        assert_eq!(format_amz_date(at(253_402_300_800)), "100000101T000000Z");
    }

    #[test]
    fn amz_date_round_trips_every_day_of_four_centuries() {
        // 1900-01-01 through 2300-01-01 crosses all leap-year rules.
        let mut secs = -2_208_988_800;
        while secs < 10_413_792_000 {
            let text = format_amz_date(at(secs + 45_296));
            assert_eq!(parse_amz_date(&text), Some(at(secs + 45_296)), "{text}");
            secs += SECS_PER_DAY;
        }
    }

    #[test]
    fn amz_date_rejects_malformed() {
        for bad in [
            "",
            "20150830T123600",
            "20150830T123600z",
            "20150830 123600Z",
            "2015083OT123600Z",
            "20150830T123600Z ",
            "+0150830T123600Z",
            "20150229T000000Z", // 2015 is not leap
            "21000229T000000Z", // nor is 2100
            "20151301T000000Z",
            "20150001T000000Z",
            "20150100T000000Z",
            "20150431T000000Z",
            "20150830T240000Z",
            "20150830T126000Z",
            "20150830T123660Z",
            "2015-08-30T12:36:00Z",
        ] {
            assert_eq!(parse_amz_date(bad), None, "{bad:?}");
        }
        assert!(parse_amz_date("20000229T000000Z").is_some());
        assert!(parse_amz_date("20240229T235959Z").is_some());
    }

    fn canonical_path(path: &str, normalize_path: bool, double_uri_encode: bool) -> String {
        let mut out = String::new();
        let settings = SigningSettings {
            normalize_path,
            double_uri_encode,
            ..SigningSettings::default()
        };
        write_canonical_path(&mut out, path, settings);
        out
    }

    #[test]
    fn path_normalization() {
        for (path, expected) in [
            ("", "/"),
            ("/", "/"),
            ("//", "/"),
            ("/./", "/"),
            ("/.", "/"),
            ("/..", "/"),
            ("/../..", "/"),
            ("/example/..", "/"),
            ("/a/b/..", "/a/"),
            ("/a/b/../c", "/a/c"),
            ("/a/./b", "/a/b"),
            ("/./example", "/example"),
            ("//example//", "/example/"),
            ("/a//b", "/a/b"),
            ("/example1/example2/../..", "/"),
            ("/a/..b/.c", "/a/..b/.c"),
        ] {
            assert_eq!(canonical_path(path, true, true), expected, "{path:?}");
        }
        for path in ["/", "//", "/./", "/example/..", "//example//"] {
            assert_eq!(canonical_path(path, false, true), path, "{path:?}");
        }
    }

    #[test]
    fn path_encoding() {
        let unreserved = "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        assert_eq!(canonical_path(unreserved, true, true), unreserved);
        assert_eq!(canonical_path("/ሴ", true, true), "/%E1%88%B4");
        assert_eq!(
            canonical_path("/example space/", true, true),
            "/example%20space/"
        );
        assert_eq!(
            canonical_path("/a+b=c:d@e", true, true),
            "/a%2Bb%3Dc%3Ad%40e"
        );
        // Double encoding escapes an escape; single encoding keeps it.
        assert_eq!(canonical_path("/a%20b", true, true), "/a%2520b");
        assert_eq!(canonical_path("/a%20b c", true, false), "/a%20b%20c");
    }

    fn canonical_query(query: &str) -> String {
        let mut out = String::new();
        write_canonical_query(&mut out, query);
        out
    }

    #[test]
    fn query_canonicalization() {
        for (query, expected) in [
            ("", ""),
            ("a", "a="),
            ("a=", "a="),
            ("b=2&a=1", "a=1&b=2"),
            ("a=2&a=1&a=10", "a=1&a=10&a=2"),
            ("Param1=value2&Param1=Value1", "Param1=Value1&Param1=value2"),
            ("Param-3=3&Param=2", "Param=2&Param-3=3"),
            ("ሴ=bar", "%E1%88%B4=bar"),
            ("%E1%88%B4=bar", "%E1%88%B4=bar"),
            ("%e1%88%b4=bar", "%E1%88%B4=bar"),
            ("a=b c&x=1+1&p=%zz&q=%", "a=b%20c&p=%25zz&q=%25&x=1%2B1"),
            ("a=1&&b=2&", "a=1&b=2"),
            ("k=v=w", "k=v%3Dw"),
        ] {
            assert_eq!(canonical_query(query), expected, "{query:?}");
        }
    }

    #[test]
    fn header_value_trimming() {
        for (value, expected) in [
            ("", ""),
            ("  value1 ", "value1"),
            ("\"a   b   c\"", "\"a b c\""),
            ("value1\n  value2\n     value3", "value1 value2 value3"),
            ("value1\r\n\tvalue2", "value1 value2"),
            ("VALUE1", "VALUE1"),
        ] {
            let mut out = String::new();
            push_header_value(&mut out, value);
            assert_eq!(out, expected, "{value:?}");
        }
    }

    #[test]
    fn hex_and_percent() {
        let mut out = String::new();
        push_hex(&mut out, &[0x00, 0x0f, 0xa5, 0xff]);
        assert_eq!(out, "000fa5ff");
        let mut buf = [0u8; 4];
        hex_into(&[0xde, 0xad], &mut buf);
        assert_eq!(&buf, b"dead");
        out.clear();
        push_percent(&mut out, b' ');
        push_percent(&mut out, 0xe1);
        assert_eq!(out, "%20%E1");
    }

    #[test]
    fn signing_key_matches_aws_documentation() {
        // The example of "Derive a signing key" in the AWS SigV4 documentation.
        let key = signing_key(
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            "20120215",
            "us-east-1",
            "iam",
        );
        let mut hex = String::new();
        push_hex(&mut hex, &key);
        assert_eq!(
            hex,
            "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d"
        );
        // A secret too long for the stack buffer takes the heap path, same result.
        let long = "k".repeat(200);
        let expected = hmac(
            &hmac(
                &hmac(&hmac(format!("AWS4{long}").as_bytes(), b"20120215"), b"r"),
                b"s",
            ),
            b"aws4_request",
        );
        assert_eq!(signing_key(&long, "20120215", "r", "s"), expected);
    }

    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    const TOKEN: &str = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";

    fn params(session_token: Option<&str>) -> SigningParams<'_> {
        SigningParams {
            access_key_id: "AKIDEXAMPLE",
            secret_access_key: SECRET,
            session_token,
            region: "us-east-1",
            service: "service",
            time: at(1_440_938_160),
            settings: SigningSettings::default(),
        }
    }

    fn request<'a>(headers: &'a [(&'a str, &'a str)]) -> SignableRequest<'a> {
        SignableRequest {
            method: "POST",
            uri: "/",
            headers,
            body: b"{}",
        }
    }

    #[test]
    fn parse_authorization_round_trip() {
        let out = sign(
            &request(&[("Host", "example.amazonaws.com")]),
            &params(None),
        );
        let parsed = parse_authorization(&out.authorization).expect("own header parses");
        assert_eq!(
            parsed,
            ParsedAuthorization {
                access_key_id: "AKIDEXAMPLE",
                date: "20150830",
                region: "us-east-1",
                service: "service",
                signed_headers: "host;x-amz-date",
                signature: &out.signature,
            }
        );
        assert_eq!(parsed.signed_headers, out.signed_headers);
        assert_eq!(
            parsed.signed_header_names().collect::<Vec<_>>(),
            ["host", "x-amz-date"]
        );
    }

    #[test]
    fn parse_authorization_leniency_and_rejections() {
        let sig = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
        let cred = "Credential=AKID/20150830/us-east-1/service/aws4_request";
        let reordered = format!("AWS4-HMAC-SHA256 Signature={sig},SignedHeaders=host,{cred}");
        let parsed = parse_authorization(&reordered).expect("any order, no spaces");
        assert_eq!((parsed.access_key_id, parsed.signature), ("AKID", sig));

        for bad in [
            String::new(),
            format!("AWS4-HMAC-SHA1 {cred}, SignedHeaders=host, Signature={sig}"),
            format!("AWS4-HMAC-SHA256 {cred}, SignedHeaders=host"),
            format!("AWS4-HMAC-SHA256 {cred}, {cred}, SignedHeaders=host, Signature={sig}"),
            format!("AWS4-HMAC-SHA256 {cred}, SignedHeaders=host, Signature={sig}, X=y"),
            format!("AWS4-HMAC-SHA256 {cred}, SignedHeaders=host;;a, Signature={sig}"),
            format!(
                "AWS4-HMAC-SHA256 {cred}, SignedHeaders=host, Signature={}",
                &sig[1..]
            ),
            format!(
                "AWS4-HMAC-SHA256 {cred}, SignedHeaders=host, Signature={}g",
                &sig[1..]
            ),
            format!(
                "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws5_request, \
                 SignedHeaders=host, Signature={sig}"
            ),
            format!(
                "AWS4-HMAC-SHA256 Credential=AKID/2015083/us-east-1/service/aws4_request, \
                 SignedHeaders=host, Signature={sig}"
            ),
            format!(
                "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/aws4_request, \
                 SignedHeaders=host, Signature={sig}"
            ),
            format!(
                "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request/x, \
                 SignedHeaders=host, Signature={sig}"
            ),
        ] {
            assert_eq!(parse_authorization(&bad), None, "{bad:?}");
        }
    }

    #[test]
    fn debug_never_prints_secrets() {
        let p = params(Some(TOKEN));
        let text = format!("{p:?}");
        assert!(!text.contains(SECRET) && !text.contains(TOKEN), "{text}");
        assert!(text.contains("AKIDEXAMPLE"), "{text}");

        let out = sign(&request(&[("Host", "example.amazonaws.com")]), &p);
        assert!(out.canonical_request.contains(TOKEN));
        let text = format!("{out:?}");
        assert!(!text.contains(SECRET) && !text.contains(TOKEN), "{text}");
        assert!(text.contains(&out.signature), "{text}");
    }

    #[test]
    fn signer_owned_headers_are_replaced_not_duplicated() {
        let stale = [
            ("Host", "example.amazonaws.com"),
            ("X-Amz-Date", "19990101T000000Z"),
            ("Authorization", "AWS4-HMAC-SHA256 stale"),
            ("X-Amz-Security-Token", "stale"),
            ("x-amz-content-sha256", "stale"),
        ];
        let mut p = params(Some(TOKEN));
        p.settings.sign_body = true;
        let with_stale = sign(&request(&stale), &p);
        let clean = sign(&request(&stale[..1]), &p);
        assert_eq!(with_stale.canonical_request, clean.canonical_request);
        assert_eq!(
            clean.signed_headers,
            "host;x-amz-content-sha256;x-amz-date;x-amz-security-token"
        );
        assert_eq!(
            clean.content_sha256.as_deref(),
            Some(&clean.canonical_request[clean.canonical_request.len() - 64..])
        );
    }

    #[test]
    fn omitted_token_is_returned_but_not_signed() {
        let mut p = params(Some(TOKEN));
        p.settings.omit_session_token = true;
        let out = sign(&request(&[("Host", "h")]), &p);
        assert_eq!(out.security_token.as_deref(), Some(TOKEN));
        assert_eq!(out.signed_headers, "host;x-amz-date");
        assert!(!out.canonical_request.contains(TOKEN));
    }

    #[test]
    fn many_headers_take_the_heap_path() {
        let names: Vec<String> = (0..40).map(|i| format!("X-H{:02}", 39 - i)).collect();
        let headers: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "v")).collect();
        let out = sign(&request(&headers), &params(None));
        // "x-amz-date" sorts before "x-h..".
        let expected: Vec<String> = ["x-amz-date".to_owned()]
            .into_iter()
            .chain((0..40).map(|i| format!("x-h{i:02}")))
            .collect();
        assert_eq!(out.signed_headers, expected.join(";"));
    }

    #[test]
    fn sign_with_cached_key_matches_sign() {
        let p = params(Some(TOKEN));
        let req = request(&[("Host", "example.amazonaws.com"), ("X-Amz-Target", "S.Op")]);
        let key = signing_key(SECRET, "20150830", "us-east-1", "service");
        let cached = sign_with_key(&req, &p, &key);
        let fresh = sign(&req, &p);
        assert_eq!(cached.authorization, fresh.authorization);
        assert_eq!(cached.canonical_request, fresh.canonical_request);
    }

    #[test]
    fn cached_prefix_states_sign_as_a_fresh_hash_does() {
        let prefixes = CanonicalPrefixes::default();
        let key = hmac_key(&signing_key(SECRET, "20150830", "us-east-1", "service"));
        let p = params(None);
        // Seven hosts through four slots, two paths: hits, misses and evictions, and
        // first blocks that differ in one byte.
        let hosts: Vec<String> = (0..6)
            .map(|i| format!("service{i}.us-east-1.amazonaws.com"))
            .chain(["s".to_owned()])
            .collect();
        for round in 0..2 {
            for host in &hosts {
                for target in ["S.Op", "S.Other"] {
                    let headers = [("Host", host.as_str()), ("X-Amz-Target", target)];
                    let mut req = request(&headers);
                    let uri = format!("/{}", "p".repeat(round * 7));
                    req.uri = &uri;
                    let fresh = sign(&req, &p);
                    let mut out = String::new();
                    let cached = sign_with_hmac_key(&req, &p, &key, &prefixes, &mut out);
                    // The signature is the HMAC of the string to sign.
                    assert_eq!(
                        out[cached.authorization], fresh.authorization,
                        "{host} {target}"
                    );
                    assert_eq!(cached.x_amz_date.as_str(), fresh.x_amz_date);
                }
            }
        }
    }

    /// The thread's scratch buffers, reused and dropped when one request made them
    /// large, sign every request as fresh buffers do.
    #[test]
    fn reused_scratch_buffers_sign_as_fresh_ones() {
        let prefixes = CanonicalPrefixes::default();
        let key = hmac_key(&signing_key(SECRET, "20150830", "us-east-1", "service"));
        let mut p = params(Some(TOKEN));
        p.settings.sign_body = true;
        let long = format!("/?q={}", "x".repeat(3 * SCRATCH_KEPT));
        for uri in [
            "/a/b?x=1",
            long.as_str(),
            "/",
            "/c?y=2&z=3",
            long.as_str(),
            "/d",
        ] {
            let mut req = request(&[("Host", "example.amazonaws.com"), ("X-Amz-Target", "S.Op")]);
            req.uri = uri;
            let fresh = sign(&req, &p);
            // Appended after what the buffer holds already.
            let mut out = String::from("example.amazonaws.com");
            let cached = sign_with_hmac_key(&req, &p, &key, &prefixes, &mut out);
            assert_eq!(
                out[cached.authorization],
                fresh.authorization,
                "{}",
                &uri[..uri.len().min(20)]
            );
            assert_eq!(cached.content_sha256, fresh.content_sha256);
            SCRATCH.with(|scratch| {
                let scratch = scratch.borrow();
                assert!(scratch.canonical_request.capacity() <= SCRATCH_KEPT);
            });
        }
    }
}
