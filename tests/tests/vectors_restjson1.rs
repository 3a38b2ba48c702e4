//! The restJson1 protocol vectors (`tests/vectors/smithy-restjson1/`) are whole: their
//! cases counted per kind, per `appliesTo`, per source file and per service equal
//! the counts of their README, so a truncated or swapped file fails here before a
//! runner skips what it never saw.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

fn vectors() -> Value {
    let path = format!(
        "{}/vectors/smithy-restjson1/restJson1.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).expect("vectors are JSON")
}

fn array<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v[key]
        .as_array()
        .unwrap_or_else(|| panic!("`{key}` is not an array"))
}

fn str_of<'a>(case: &'a Value, key: &str) -> &'a str {
    case[key].as_str().unwrap_or("none")
}

/// `(count, then one count per key)`, sorted by key.
fn tally<'a>(cases: &'a [Value], key: impl Fn(&'a Value) -> String) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for case in cases {
        *out.entry(key(case)).or_default() += 1;
    }
    out
}

fn expect(got: BTreeMap<String, usize>, want: &[(&str, usize)]) {
    let want: BTreeMap<String, usize> = want.iter().map(|(k, n)| ((*k).to_owned(), *n)).collect();
    assert_eq!(got, want);
}

#[test]
fn http_cases_as_the_readme_counts_them() {
    let v = vectors();
    assert_eq!(v["protocol"], "aws.protocols#restJson1");
    let cases = array(&v, "cases");
    assert_eq!(cases.len(), 275);
    expect(
        tally(cases, |c| str_of(c, "kind").to_owned()),
        &[("request", 159), ("response", 102), ("error", 14)],
    );
    expect(
        tally(cases, |c| {
            format!("{} {}", str_of(c, "kind"), str_of(c, "appliesTo"))
        }),
        &[
            ("request none", 120),
            ("request client", 22),
            ("request server", 17),
            ("response none", 81),
            ("response client", 13),
            ("response server", 8),
            ("error none", 3),
            ("error client", 11),
        ],
    );
    for case in cases {
        assert_eq!(
            case["appliesToClient"] == true,
            case["appliesTo"] != "server",
            "{}",
            case["id"]
        );
    }
    let client: Vec<Value> = cases
        .iter()
        .filter(|c| c["appliesToClient"] == true)
        .cloned()
        .collect();
    assert_eq!(client.len(), 250);
    expect(
        tally(&client, |c| str_of(c, "kind").to_owned()),
        &[("request", 142), ("response", 94), ("error", 14)],
    );
    // Per source file (client-applicable), as the README's second table.
    let file = |c: &Value| {
        str_of(c, "sourceFile")
            .trim_start_matches("smithy-aws-protocol-tests/model/restJson1/")
            .to_owned()
    };
    expect(
        tally(&client, file),
        &[
            ("datetime-offsets.smithy", 2),
            ("defaults.smithy", 7),
            ("documents.smithy", 16),
            ("empty-input-output.smithy", 10),
            ("endpoint-paths.smithy", 1),
            ("endpoints.smithy", 2),
            ("errors.smithy", 16),
            ("fractional-seconds.smithy", 1),
            ("http-checksums.smithy", 1),
            ("http-content-type.smithy", 13),
            ("http-headers.smithy", 25),
            ("http-labels.smithy", 8),
            ("http-payload.smithy", 13),
            ("http-prefix-headers.smithy", 7),
            ("http-query-params-only.smithy", 2),
            ("http-query.smithy", 18),
            ("http-response-code.smithy", 2),
            ("http-string-payload.smithy", 4),
            ("json-lists.smithy", 6),
            ("json-maps.smithy", 16),
            ("json-structs.smithy", 32),
            ("nested-defaults.smithy", 2),
            ("requestCompression.smithy", 2),
            ("services/apigateway.smithy", 1),
            ("services/glacier.smithy", 4),
            ("streaming.smithy", 8),
            ("unions.smithy", 30),
            ("validation/recursive-structures.smithy", 1),
        ],
    );
    expect(
        tally(cases, |c| str_of(c, "service").to_owned()),
        &[
            ("RestJson", 267),
            ("Glacier", 4),
            ("BackplaneControlService", 1),
            ("RestJsonValidation", 1),
            ("none", 2),
        ],
    );
    let keys: BTreeSet<(&str, &str)> = cases
        .iter()
        .map(|c| (str_of(c, "id"), str_of(c, "kind")))
        .collect();
    assert_eq!(keys.len(), cases.len(), "(id, kind) is unique");
    // Every case's operation is a shape of the file.
    let shapes = v["shapes"].as_object().expect("shapes");
    for case in cases {
        let op = &shapes[str_of(case, "operation")];
        assert_eq!(op["type"], "operation", "{}", case["id"]);
    }
}

#[test]
fn server_and_event_stream_cases_as_the_readme_counts_them() {
    let v = vectors();
    let malformed = array(&v, "malformedRequestCases");
    assert_eq!(malformed.len(), 191);
    let expanded: u64 = malformed
        .iter()
        .map(|c| c["expandedCount"].as_u64().expect("expandedCount"))
        .sum();
    assert_eq!(expanded, 655);
    assert!(malformed.iter().all(|c| c["appliesToClient"] == false));

    // Event-stream cases are counted apart: a later runner takes them.
    let events = array(&v, "eventStreamCases");
    assert_eq!(events.len(), 100);
    expect(
        tally(events, |c| str_of(c, "operation").to_owned()),
        &[
            ("DuplexStream", 44),
            ("OutputStream", 24),
            ("InputStream", 22),
            ("DuplexStreamWithInitialMessages", 6),
            ("InputStreamWithInitialRequest", 2),
            ("OutputStreamWithInitialResponse", 2),
        ],
    );
    expect(
        tally(events, |c| str_of(c, "appliesTo").to_owned()),
        &[("none", 64), ("client", 20), ("server", 16)],
    );
    let client = events
        .iter()
        .filter(|c| c["appliesToClient"] == true)
        .count();
    assert_eq!(client, 84);
    let failing = events
        .iter()
        .filter(|c| c["expectation"].get("failure").is_some())
        .count();
    assert_eq!(failing, 32);
}
