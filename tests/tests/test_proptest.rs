//! Property tests: no bytes or JSON make a decoder panic; the base64 and timestamp
//! codecs agree with the tests crate's independent ones (`awsjson_tests::base64`,
//! `awsjson_tests::timestamp`); and every declared shape round-trips through encode and
//! decode (self-consistency only: wire exactness is the Smithy vectors' job).
//!
//! Case counts are modest (a few hundred per property) so the suite stays fast;
//! `PROPTEST_CASES` raises them for a longer local run.

use std::collections::HashMap;

use awsjson::{Blob, DateTime, Document, Error, Number, aws_json_operation, aws_json_shape};
use awsjson_examples::partner_central::{
    CreateResourceSnapshotJob, CreateResourceSnapshotJobError, ValidationException,
    ValidationExceptionError, ValidationExceptionErrorCode, ValidationExceptionReason,
};
use awsjson_tests::wire::{RawResponse, decode, error_meta};
use awsjson_tests::{base64, timestamp};
use proptest::prelude::*;
use serde_json::Value;

#[aws_json_operation(
    // Not a DynamoDB operation: the metadata keys declare it outside the catalog.
    target = "DynamoDB_20120810.GetEverything",
    json_version = "1.0",
    signing_name = "dynamodb",
    endpoint_prefix = "dynamodb",
    output = Everything,
    errors(Boom, ValidationException),
)]
struct GetEverything {
    name: Option<String>,
}

/// Every kind of member a shape can have.
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct Everything {
    name: String,
    count: Option<i32>,
    big: Option<i64>,
    ratio: Option<f64>,
    flag: Option<bool>,
    data: Option<Blob>,
    at: Option<DateTime>,
    #[aws(timestamp = "date-time")]
    iso: Option<DateTime>,
    #[aws(timestamp = "http-date")]
    http: Option<DateTime>,
    #[aws(timestamp = "date-time")]
    history: Option<Vec<DateTime>>,
    labels: Option<HashMap<String, String>>,
    kind: Option<Kind>,
    kinds: Option<Vec<Kind>>,
    parts: Option<Vec<Part>>,
    #[aws(rename = "KMSKeyId")]
    kms_key_id: Option<String>,
    choice: Option<Choice>,
    level: Option<Level>,
    levels: Option<Vec<Level>>,
    doc: Option<Document>,
}

/// A union with a member of every kind.
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
enum Choice {
    Text(String),
    Number(f64),
    Count(i64),
    #[aws(timestamp = "date-time")]
    At(DateTime),
    Data(Blob),
    Part(Part),
    Kinds(Vec<Kind>),
    Labels(HashMap<String, String>),
    Doc(Document),
}

#[aws_json_shape]
#[derive(Debug, Clone, Copy, PartialEq)]
enum Level {
    Low = 1,
    High = 2,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct Part {
    key: String,
    size: Option<i64>,
    children: Option<Vec<Part>>,
}

#[aws_json_shape(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Alpha,
    BetaGamma,
    #[aws(rename = "x.y")]
    Xy,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct Boom {
    message: Option<String>,
    detail: Option<Everything>,
}

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

const MEMBERS: &[&str] = &[
    "Name",
    "Count",
    "Big",
    "Ratio",
    "Flag",
    "Data",
    "At",
    "Iso",
    "Http",
    "History",
    "Labels",
    "Kind",
    "Kinds",
    "Parts",
    "KMSKeyId",
    "Key",
    "Size",
    "Children",
    "Message",
    "Detail",
    "Reason",
    "ErrorList",
    "FieldName",
    "Code",
    "Id",
    "Arn",
    "__type",
    "message",
    "code",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(MEMBERS).prop_map(str::to_owned),
        1 => "\\PC{0,8}",
    ]
}

fn string() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => "\\PC{0,12}",
        1 => proptest::sample::select(&["ALPHA", "BETA_GAMMA", "x.y", "Boom", "ValidationException",
            "REQUEST_VALIDATION_FAILED", "INVALID_VALUE", "aGVsbG8=", "2023-05-01T20:37:46Z",
            "Tue, 29 Apr 2014 18:30:38 GMT", "1e400", ""][..]).prop_map(str::to_owned),
    ]
}

/// Arbitrary JSON, biased toward the member names and values the decoders know.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        (-4_000_000_000i64..4_000_000_000).prop_map(Value::from),
        string().prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 96, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((key(), inner), 0..8)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

fn response(status: u16, error_type: Option<&str>, body: Vec<u8>) -> RawResponse {
    let mut headers = awsjson::ResponseHeaders::new();
    headers
        .insert("content-type", "application/x-amz-json-1.0")
        .unwrap();
    if let Some(code) = error_type {
        // Printable characters (`\PC`): a value HTTP carries.
        headers.insert("x-amzn-errortype", code).unwrap();
    }
    RawResponse {
        status,
        headers,
        body,
    }
}

fn status() -> impl Strategy<Value = u16> {
    prop_oneof![
        proptest::sample::select(&[200u16, 204, 400, 403, 404, 429, 500, 502, 503][..]),
        100u16..600,
    ]
}

fn error_type() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(prop_oneof![
        proptest::sample::select(
            &[
                "Boom",
                "ValidationException",
                "ThrottlingException",
                "AccessDeniedException",
                "ns#Boom:http://x",
                ":",
                "#",
            ][..]
        )
        .prop_map(str::to_owned),
        "\\PC{0,10}",
    ])
}

/// Feeds one response to every operation's decoder and to the error-meta reader,
/// and renders whatever comes out.
fn decode_everywhere(response: &RawResponse) {
    match decode::<GetEverything>(response) {
        Ok(out) => {
            // What decoded re-encodes.
            serde_json::to_vec(&out).unwrap();
        }
        Err(err) => {
            let _ = err.to_string();
            let _ = format!("{err:?}");
            if let Error::Service(service) = &err {
                assert!(!service.code().is_empty());
                assert_eq!(service.status(), response.status);
            }
        }
    }
    match decode::<CreateResourceSnapshotJob>(response) {
        Ok(out) => drop(serde_json::to_vec(&out).unwrap()),
        Err(err) => drop(err.to_string()),
    }
    match error_meta(response) {
        Ok(meta) => assert!(!meta.code.is_empty() && meta.status == response.status),
        Err(err) => drop(err.to_string()),
    }
    // The shapes on their own, as a member would read them.
    if let Ok(choice) = serde_json::from_slice::<Choice>(&response.body) {
        // An unknown member reads fine but cannot be sent back: an error, not a panic.
        let sent = serde_json::to_vec(&choice);
        assert_eq!(sent.is_err(), matches!(choice, Choice::Unknown(_)));
    }
    if let Ok(level) = serde_json::from_slice::<Level>(&response.body) {
        serde_json::to_vec(&level).unwrap();
    }
    if let Ok(doc) = serde_json::from_slice::<Document>(&response.body) {
        serde_json::to_vec(&doc).unwrap();
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_bytes_never_panic(status in status(), code in error_type(),
                                    body in proptest::collection::vec(any::<u8>(), 0..256)) {
        decode_everywhere(&response(status, code.as_deref(), body));
    }

    #[test]
    fn arbitrary_json_never_panics(status in status(), code in error_type(), value in json()) {
        decode_everywhere(&response(status, code.as_deref(), serde_json::to_vec(&value).unwrap()));
    }

    #[test]
    fn json_with_the_shapes_members_never_panics(members in proptest::collection::vec((key(), json()), 0..12),
                                                  status in status(), code in error_type()) {
        let object = Value::Object(members.into_iter().collect());
        decode_everywhere(&response(status, code.as_deref(), serde_json::to_vec(&object).unwrap()));
    }

    #[test]
    fn truncated_and_corrupted_json_never_panics(value in json(), cut in any::<prop::sample::Index>(),
                                                 flip in any::<prop::sample::Index>(), byte in any::<u8>(),
                                                 status in status(), code in error_type()) {
        let mut body = serde_json::to_vec(&value).unwrap();
        if !body.is_empty() {
            let i = flip.index(body.len());
            body[i] = byte;
            body.truncate(cut.index(body.len() + 1));
        }
        decode_everywhere(&response(status, code.as_deref(), body));
    }

    /// Whatever the text, parsing returns an error or a time; a time it accepts is the
    /// time an independent parser (`awsjson_tests::timestamp`) reads from the same text,
    /// to the millisecond, and what that parser rejects the runtime rejects too.
    #[test]
    fn timestamps_parse_to_what_an_independent_parser_reads(text in prop_oneof!["\\PC{0,40}",
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,12})?([Zz]|[+-][0-9]{2}:[0-9]{2})",
            "(Mon|Tue|Xyz), [0-9]{2} (Jan|Feb|Foo) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,3})? GMT"],
            number in any::<f64>(), int in any::<i64>()) {
        let ours = DateTime::parse_date_time(&text).ok().map(millis);
        let reference = timestamp::parse_date_time(&text);
        if ours.is_some() || reference.is_some() {
            prop_assert_eq!(ours, reference, "date-time {:?}", text);
        }
        let ours = DateTime::parse_http_date(&text).ok().map(millis);
        let reference = timestamp::parse_http_date(&text);
        if ours.is_some() || reference.is_some() {
            prop_assert_eq!(ours, reference, "http-date {:?}", text);
        }
        for json in [serde_json::json!(number), serde_json::json!(int), serde_json::json!(text)] {
            let body = serde_json::to_vec(&serde_json::json!({ "Name": "n", "At": json, "Iso": json, "Http": json, "History": [json] })).unwrap();
            decode_everywhere(&response(200, None, body));
        }
        let t = DateTime::from_secs(int);
        let _ = (t.to_date_time(), t.to_http_date(), t.as_secs_f64());
        if let Some(t) = DateTime::from_fractional_secs(number) {
            let _ = (t.to_date_time(), t.to_http_date());
        }
    }

    /// The formatters write what an independent parser reads back as the same time
    /// (`date-time` to the nanosecond it prints, `http-date` to the millisecond).
    #[test]
    fn timestamps_format_to_what_an_independent_parser_reads(secs in TEXT_YEARS, nanos in 0u32..1_000_000_000) {
        let t = DateTime::from_secs_and_nanos(secs, nanos);
        let text = t.to_date_time();
        prop_assert_eq!(timestamp::parse_date_time(&text), Some(millis(t)), "{}", text);
        prop_assert_eq!(DateTime::parse_date_time(&text).unwrap(), t);
        let text = t.to_http_date();
        prop_assert_eq!(timestamp::parse_http_date(&text), Some(millis(t)), "{}", text);
    }

    /// Every byte string encodes to the RFC 4648 text an independent encoder writes,
    /// and that text decodes back to the bytes.
    #[test]
    fn blobs_encode_as_rfc_4648(bytes in proptest::collection::vec(any::<u8>(), 0..48)) {
        let text = base64::encode(&bytes);
        prop_assert_eq!(Blob::new(bytes.clone()).to_base64(), text.clone());
        prop_assert_eq!(Blob::from_base64(&text).unwrap().into_inner(), bytes);
    }

    /// What the decoder accepts means the bytes an independent decoder reads; every
    /// canonical text is accepted; a symbol outside the standard alphabet (the URL-safe
    /// `-` and `_`, whitespace) is rejected. Whether unpadded or non-canonical text is
    /// accepted is the runtime's policy, pinned by its unit tests, not here.
    #[test]
    fn blobs_decode_to_what_an_independent_decoder_reads(text in prop_oneof!["\\PC{0,24}", "[A-Za-z0-9+/_ -]{0,24}={0,3}"]) {
        match Blob::from_base64(&text) {
            Ok(blob) => prop_assert_eq!(Some(blob.into_inner()), base64::decode_lenient(&text), "{:?}", text),
            Err(_) => prop_assert!(!base64::is_canonical(&text), "{:?} is canonical", text),
        }
        if text.trim_end_matches('=').bytes().any(|b| !(b.is_ascii_alphanumeric() || b == b'+' || b == b'/')) {
            prop_assert!(Blob::from_base64(&text).is_err(), "{:?}", text);
        }
        let body = serde_json::to_vec(&serde_json::json!({ "Name": "n", "Data": text })).unwrap();
        decode_everywhere(&response(200, None, body));
    }

    #[test]
    fn enums_keep_any_string(text in string()) {
        let kind: Kind = serde_json::from_value(Value::String(text.clone())).unwrap();
        prop_assert_eq!(serde_json::to_value(&kind).unwrap(), Value::String(text.clone()));
        let known = matches!(text.as_str(), "ALPHA" | "BETA_GAMMA" | "x.y");
        prop_assert_eq!(matches!(kind, Kind::Unknown(_)), !known);
        let code: ValidationExceptionErrorCode = serde_json::from_value(Value::String(text.clone())).unwrap();
        prop_assert_eq!(code.as_str(), text.as_str());
        // Anything but a string is an error, not a panic.
        prop_assert!(serde_json::from_value::<Kind>(serde_json::json!([text])).is_err());
    }
}

// Shapes, generated.

fn millis_time(secs: std::ops::Range<i64>) -> impl Strategy<Value = DateTime> {
    (secs, 0u32..1000).prop_map(|(s, ms)| DateTime::from_secs_and_nanos(s, ms * 1_000_000))
}

/// Years 0001 to 9999: the range the text formats can write.
const TEXT_YEARS: std::ops::Range<i64> = -62_135_596_800..253_402_300_800;

/// A time in whole milliseconds since the epoch, sub-millisecond digits dropped.
fn millis(t: DateTime) -> i64 {
    t.secs() * 1000 + i64::from(t.subsec_nanos() / 1_000_000)
}

/// Base64 symbols 62 and 63 (`+`, `/`) against known bytes: RFC 4648's own vectors
/// never use them, so a URL-safe or swapped alphabet would pass every round trip.
#[test]
fn base64_plus_and_slash_are_known_answers() {
    for (bytes, text) in [
        (&[0xfb, 0xff][..], "+/8="),
        (&[0, 1, 2, 254, 255, 61, 47], "AAEC/v89Lw=="),
        (&[0xf8], "+A=="),
        (&[0xff, 0xff, 0xff], "////"),
    ] {
        assert_eq!(Blob::new(bytes.to_vec()).to_base64(), text);
        assert_eq!(Blob::from_base64(text).unwrap().as_bytes(), bytes, "{text}");
    }
    for url_safe in ["-_8=", "AAEC_v89Lw==", "-A=="] {
        assert!(Blob::from_base64(url_safe).is_err(), "{url_safe}");
    }
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        Just(Kind::Alpha),
        Just(Kind::BetaGamma),
        Just(Kind::Xy),
        "[a-z]{1,8}".prop_map(|s| serde_json::from_value(Value::String(s)).unwrap()),
    ]
}

fn part() -> impl Strategy<Value = Part> {
    let leaf = ("\\PC{0,8}", proptest::option::of(any::<i64>())).prop_map(|(key, size)| Part {
        key,
        size,
        children: None,
    });
    leaf.prop_recursive(4, 24, 4, |inner| {
        (
            "\\PC{0,8}",
            proptest::option::of(any::<i64>()),
            proptest::option::of(proptest::collection::vec(inner, 0..4)),
        )
            .prop_map(|(key, size, children)| Part {
                key,
                size,
                children,
            })
    })
}

fn finite() -> impl Strategy<Value = f64> {
    any::<f64>().prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
}

fn document() -> impl Strategy<Value = Document> {
    let leaf = prop_oneof![
        Just(Document::Null),
        any::<bool>().prop_map(Document::Bool),
        any::<u64>().prop_map(|v| Document::Number(Number::PosInt(v))),
        (i64::MIN..0).prop_map(|v| Document::Number(Number::NegInt(v))),
        finite().prop_map(|v| Document::Number(Number::Float(v))),
        "\\PC{0,8}".prop_map(Document::String),
    ];
    leaf.prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Document::Array),
            proptest::collection::btree_map("\\PC{0,6}", inner, 0..4).prop_map(Document::Object),
        ]
    })
}

/// A top-level `null` document reads as an absent member (and an unset union
/// member), as in every JSON protocol: not round-trippable by design.
fn present_document() -> impl Strategy<Value = Document> {
    document().prop_filter("null is absence", |d| !d.is_null())
}

fn choice() -> impl Strategy<Value = Choice> {
    prop_oneof![
        "\\PC{0,8}".prop_map(Choice::Text),
        finite().prop_map(Choice::Number),
        any::<i64>().prop_map(Choice::Count),
        (TEXT_YEARS, 0u32..1_000_000_000)
            .prop_map(|(s, n)| Choice::At(DateTime::from_secs_and_nanos(s, n))),
        proptest::collection::vec(any::<u8>(), 0..16).prop_map(|b| Choice::Data(Blob::new(b))),
        part().prop_map(Choice::Part),
        proptest::collection::vec(kind(), 0..3).prop_map(Choice::Kinds),
        proptest::collection::hash_map("\\PC{0,6}", "\\PC{0,6}", 0..3).prop_map(Choice::Labels),
        present_document().prop_map(Choice::Doc),
    ]
}

fn level() -> impl Strategy<Value = Level> {
    prop_oneof![
        Just(Level::Low),
        Just(Level::High),
        any::<i32>().prop_map(Level::from)
    ]
}

prop_compose! {
    fn everything()(
        name in "\\PC{0,16}",
        count in proptest::option::of(any::<i32>()),
        big in proptest::option::of(any::<i64>()),
        ratio in proptest::option::of(finite()),
        flag in proptest::option::of(any::<bool>()),
        data in proptest::option::of(proptest::collection::vec(any::<u8>(), 0..32).prop_map(Blob::new)),
        // Epoch seconds travel as an f64: millisecond-exact within ±126 years of 1970.
        at in proptest::option::of(millis_time(-4_000_000_000..4_000_000_000)),
        iso in proptest::option::of((TEXT_YEARS, 0u32..1_000_000_000).prop_map(|(s, n)| DateTime::from_secs_and_nanos(s, n))),
        http in proptest::option::of(millis_time(TEXT_YEARS)),
        history in proptest::option::of(proptest::collection::vec(millis_time(TEXT_YEARS), 0..4)),
        labels in proptest::option::of(proptest::collection::hash_map("\\PC{0,6}", "\\PC{0,6}", 0..4)),
        kind in proptest::option::of(kind()),
        kinds in proptest::option::of(proptest::collection::vec(kind(), 0..4)),
        parts in proptest::option::of(proptest::collection::vec(part(), 0..3)),
        kms_key_id in proptest::option::of("\\PC{0,8}"),
        (choice, level, levels, doc) in (
            proptest::option::of(choice()),
            proptest::option::of(level()),
            proptest::option::of(proptest::collection::vec(level(), 0..3)),
            proptest::option::of(present_document()),
        ),
    ) -> Everything {
        Everything {
            name, count, big, ratio, flag, data, at, iso, http, history, labels, kind, kinds,
            parts, kms_key_id, choice, level, levels, doc,
        }
    }
}

fn validation_exception() -> impl Strategy<Value = ValidationException> {
    let code = prop_oneof![
        Just(ValidationExceptionErrorCode::InvalidValue),
        Just(ValidationExceptionErrorCode::ActionNotPermitted),
        "[A-Z_]{1,12}".prop_map(|s| serde_json::from_value(Value::String(s)).unwrap()),
    ];
    let error = (proptest::option::of("\\PC{0,8}"), "\\PC{0,8}", code).prop_map(
        |(field_name, message, code)| ValidationExceptionError {
            field_name,
            message,
            code,
        },
    );
    (
        "\\PC{0,16}",
        prop_oneof![
            Just(ValidationExceptionReason::RequestValidationFailed),
            Just(ValidationExceptionReason::BusinessValidationFailed),
        ],
        proptest::option::of(proptest::collection::vec(error, 0..3)),
    )
        .prop_map(|(message, reason, error_list)| ValidationException {
            message,
            reason,
            error_list,
        })
}

proptest! {
    #![proptest_config(config(256))]

    /// Self-consistency only: our `Serialize` and our decoder agree. A wire error made
    /// the same way on both sides cancels here; wire exactness is the Smithy vectors'
    /// job (`protocol_awsjson.rs`), and the codecs' the independent properties above.
    #[test]
    fn outputs_round_trip(shape in everything()) {
        let body = serde_json::to_vec(&shape).unwrap();
        let decoded = decode::<GetEverything>(&response(200, None, body.clone()))
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&body)));
        prop_assert_eq!(decoded, shape);
    }

    #[test]
    fn modeled_errors_round_trip(detail in proptest::option::of(everything()),
                                 message in proptest::option::of("\\PC{0,16}"),
                                 validation in validation_exception(),
                                 status in 400u16..600) {
        let boom = Boom { message, detail };
        let body = serde_json::to_vec(&boom).unwrap();
        match decode::<GetEverything>(&response(status, Some("Boom"), body)) {
            Err(Error::Service(err)) => {
                prop_assert_eq!(err.code(), "Boom");
                prop_assert_eq!(err.status(), status);
                match err.into_err() {
                    GetEverythingError::Boom(decoded) => prop_assert_eq!(decoded, boom),
                    other => prop_assert!(false, "{:?}", other),
                }
            }
            other => prop_assert!(false, "{:?}", other),
        }

        // The header form, through an operation that shares the error shape.
        let header = response(status, Some("ValidationException"), serde_json::to_vec(&validation).unwrap());
        match decode::<GetEverything>(&header) {
            Err(Error::Service(err)) => match err.into_err() {
                GetEverythingError::ValidationException(decoded) => {
                    prop_assert_eq!(&decoded, &validation)
                }
                other => prop_assert!(false, "{:?}", other),
            },
            other => prop_assert!(false, "{:?}", other),
        }

        // The body form: the code in `__type`, namespace-qualified.
        let mut body = serde_json::to_value(&validation).unwrap();
        body["__type"] = Value::from("com.amazonaws.partnercentral#ValidationException");
        let response = response(status, None, serde_json::to_vec(&body).unwrap());
        match decode::<CreateResourceSnapshotJob>(&response) {
            Err(Error::Service(err)) => match err.into_err() {
                CreateResourceSnapshotJobError::ValidationException(decoded) => {
                    prop_assert_eq!(decoded, validation)
                }
                other => prop_assert!(false, "{:?}", other),
            },
            other => prop_assert!(false, "{:?}", other),
        }
    }

    /// The input's one member goes out under its wire name, and only when set.
    #[test]
    fn inputs_encode_their_member_under_its_wire_name(name in proptest::option::of("\\PC{0,16}")) {
        let request = serde_json::to_value(GetEverything { name: name.clone() }).unwrap();
        match &name {
            Some(n) => prop_assert_eq!(request, serde_json::json!({ "Name": n })),
            None => prop_assert_eq!(request, serde_json::json!({})),
        }
    }
}
