//! The `Serialize` / `Deserialize` impls the macro writes for structures behave as the
//! serde derive they replaced, with the attributes it had: each shape here has a twin
//! derived by serde with those attributes, and both read and write the same inputs to
//! the same values, bytes and error messages.
//!
//! Two differences are on purpose, and the twin models them: a member sent as `null`
//! reads as left out (so the twin reads the input without its `null` members), and a
//! required structure member left out reads as its error-correction value (so the
//! twin's `inner` has that as its default).

use std::collections::HashMap;

use awsjson::{DateTime, aws_json_shape};
use proptest::prelude::*;
use serde::{Deserialize, Serialize};

#[aws_json_shape]
#[derive(Debug, PartialEq)]
struct Mixed {
    name: String,
    count: Option<i32>,
    #[aws(default = 7)]
    limit: i32,
    inner: Inner,
    message: Option<String>,
    #[aws(timestamp = "date-time")]
    at: Option<DateTime>,
    #[aws(timestamp = "http-date")]
    until: DateTime,
    ratio: f64,
    ratios: Option<Vec<f64>>,
    state: Option<State>,
    #[aws(rename = "x-custom")]
    custom: Option<bool>,
    tags: HashMap<String, String>,
}

#[aws_json_shape]
#[derive(Debug, PartialEq)]
struct Inner {
    id: String,
}

#[aws_json_shape]
#[derive(Debug, PartialEq)]
enum State {
    Active,
}

/// `Mixed` as serde derive read and wrote it before the macro wrote its own impls.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct DerivedMixed {
    #[serde(rename = "Name", default)]
    name: String,
    #[serde(rename = "Count", default, skip_serializing_if = "Option::is_none")]
    count: Option<i32>,
    #[serde(rename = "Limit", default = "seven")]
    limit: i32,
    #[serde(rename = "Inner", default = "inner_zero")]
    inner: Inner,
    #[serde(
        rename = "Message",
        default,
        skip_serializing_if = "Option::is_none",
        alias = "message",
        alias = "errorMessage"
    )]
    message: Option<String>,
    #[serde(
        rename = "At",
        default,
        skip_serializing_if = "Option::is_none",
        with = "awsjson::__private::timestamp::date_time"
    )]
    at: Option<DateTime>,
    #[serde(
        rename = "Until",
        default,
        with = "awsjson::__private::timestamp::http_date"
    )]
    until: DateTime,
    #[serde(rename = "Ratio", default, with = "awsjson::__private::float")]
    ratio: f64,
    #[serde(
        rename = "Ratios",
        default,
        skip_serializing_if = "Option::is_none",
        with = "awsjson::__private::float"
    )]
    ratios: Option<Vec<f64>>,
    #[serde(rename = "State", default, skip_serializing_if = "Option::is_none")]
    state: Option<State>,
    #[serde(rename = "x-custom", default, skip_serializing_if = "Option::is_none")]
    custom: Option<bool>,
    #[serde(rename = "Tags", default)]
    tags: HashMap<String, String>,
}

fn seven() -> i32 {
    7
}

fn inner_zero() -> Inner {
    Inner { id: String::new() }
}

/// Every way serde_json hands a structure its keys: borrowed from a string or slice,
/// copied out of a reader, owned by a `Value`.
fn read_all<T: serde::de::DeserializeOwned + Serialize>(json: &str) -> Vec<Result<String, String>> {
    let text = |r: Result<T, serde_json::Error>| {
        r.map(|v| serde_json::to_string(&v).unwrap())
            .map_err(|e| e.to_string())
    };
    let mut out = vec![
        text(serde_json::from_str(json)),
        text(serde_json::from_slice(json.as_bytes())),
        text(serde_json::from_reader(json.as_bytes())),
    ];
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(json) {
        out.push(text(serde_json::from_value(value)));
    }
    out
}

fn assert_same(json: &str) -> Result<String, String> {
    assert_same_as(json, json)
}

/// Ours reading `json` is the twin reading `without_nulls`, the same input without its
/// `null` members.
fn assert_same_as(json: &str, without_nulls: &str) -> Result<String, String> {
    let ours = read_all::<Mixed>(json);
    let derived = read_all::<DerivedMixed>(without_nulls);
    assert_eq!(ours, derived, "input: {json}");
    ours[0].clone()
}

const INNER: &str = r#""Inner":{"Id":"i"}"#;

#[test]
fn every_member_kind_as_derived() {
    let full = format!(
        r#"{{"Name":"n","Count":3,"Limit":9,{INNER},"Message":"m","At":"2024-02-29T10:00:00Z",
            "Until":"Tue, 29 Apr 2014 18:30:38 GMT","Ratio":"NaN","Ratios":[1.5,"-Infinity"],
            "State":"ACTIVE","x-custom":true,"Tags":{{"k":"v"}}}}"#
    );
    let written = assert_same(&full).unwrap();
    // Declaration order on the wire; every member present.
    assert_eq!(
        written,
        r#"{"Name":"n","Count":3,"Limit":9,"Inner":{"Id":"i"},"Message":"m","At":"2024-02-29T10:00:00Z","Until":"Tue, 29 Apr 2014 18:30:38 GMT","Ratio":"NaN","Ratios":[1.5,"-Infinity"],"State":"ACTIVE","x-custom":true,"Tags":{"k":"v"}}"#
    );
    // Only the required member: options stay unwritten, defaults and zero values fill in.
    let written = assert_same(&format!("{{{INNER}}}")).unwrap();
    assert_eq!(
        written,
        r#"{"Name":"","Limit":7,"Inner":{"Id":"i"},"Until":"Thu, 01 Jan 1970 00:00:00 GMT","Ratio":0.0,"Tags":{}}"#
    );
}

#[test]
fn unknown_keys_are_skipped() {
    let json = format!(r#"{{"Unknown":{{"deep":[1,{{"x":null}}]}},{INNER},"name":"lower"}}"#);
    let written = assert_same(&json).unwrap();
    assert!(written.starts_with(r#"{"Name":"","#), "{written}");
}

#[test]
fn a_key_given_twice_is_an_error() {
    let err = assert_same(&format!(r#"{{"Name":"a",{INNER},"Name":"b"}}"#)).unwrap_err();
    assert_eq!(err, "duplicate field `Name` at line 1 column 37");
    // An alias and the wire name are the same member.
    let err = assert_same(&format!(r#"{{"message":"a",{INNER},"Message":"b"}}"#)).unwrap_err();
    assert!(err.starts_with("duplicate field `Message`"), "{err}");
}

#[test]
fn a_required_structure_member_left_out_reads_as_its_error_correction() {
    let written = assert_same(r#"{"Name":"n"}"#).unwrap();
    assert!(written.contains(r#""Inner":{"Id":""}"#), "{written}");
}

#[test]
fn null_reads_as_left_out() {
    let written = assert_same_as(
        &format!(r#"{{"Count":null,"At":null,"Ratios":null,{INNER}}}"#),
        &format!("{{{INNER}}}"),
    )
    .unwrap();
    assert!(
        !written.contains("Count") && !written.contains("\"At\""),
        "{written}"
    );
    let written = assert_same_as(
        r#"{"Name":null,"Limit":null,"Inner":null,"Until":null,"Ratio":null,"Tags":null}"#,
        "{}",
    )
    .unwrap();
    assert_eq!(
        written,
        r#"{"Name":"","Limit":7,"Inner":{"Id":""},"Until":"Thu, 01 Jan 1970 00:00:00 GMT","Ratio":0.0,"Tags":{}}"#
    );
}

#[test]
fn a_null_then_a_value_is_the_value() {
    let read = |json: &str| serde_json::from_str::<Mixed>(json).map_err(|e| e.to_string());
    let mixed = read(r#"{"Name":null,"Name":"n"}"#).unwrap();
    assert_eq!(mixed.name, "n");
    // A value then another key for it, `null` or not, is a key given twice.
    let err = read(r#"{"Name":"n","Name":null}"#).unwrap_err();
    assert_eq!(err, "duplicate field `Name` at line 1 column 18");
}

#[test]
fn message_aliases_read_into_message() {
    for key in ["message", "Message", "errorMessage"] {
        let written = assert_same(&format!(r#"{{"{key}":"m",{INNER}}}"#)).unwrap();
        assert!(written.contains(r#""Message":"m""#), "{written}");
    }
}

#[test]
fn escaped_keys_match_their_member() {
    let written = assert_same(&format!(r#"{{"Na\u006de":"n",{INNER}}}"#)).unwrap();
    assert!(written.starts_with(r#"{"Name":"n""#), "{written}");
}

#[test]
fn a_structure_is_an_object_only() {
    // serde derive also read a structure positionally from an array; no service sends
    // one, and reading `[...]` member by member would take garbage for a response.
    let err = serde_json::from_str::<Inner>(r#"["i"]"#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid type: sequence, expected struct Inner at line 1 column 1"
    );
    let err = serde_json::from_str::<Inner>(r#""i""#).unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"invalid type: string "i", expected struct Inner at line 1 column 3"#
    );
}

/// Keys of `Mixed` (wire names, aliases, near misses, an escape) and values of every
/// JSON kind, some fitting some members.
fn entry() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "Name",
        "Count",
        "Limit",
        "Inner",
        "Message",
        "message",
        "errorMessage",
        "At",
        "Until",
        "Ratio",
        "Ratios",
        "State",
        "x-custom",
        "Tags",
        "name",
        "Unknown",
        "Na\\u006de",
        "",
    ]);
    let value = prop::sample::select(vec![
        "null",
        "true",
        "3",
        "-1.5",
        "1e400",
        r#""s""#,
        r#""NaN""#,
        r#""ACTIVE""#,
        r#""2024-02-29T10:00:00Z""#,
        r#""Tue, 29 Apr 2014 18:30:38 GMT""#,
        "[]",
        r#"[1,"Infinity"]"#,
        "{}",
        r#"{"Id":"i"}"#,
        r#"{"k":"v"}"#,
    ]);
    (key, value).prop_map(|(k, v)| format!(r#""{k}":{v}"#))
}

proptest! {
    #[test]
    fn any_object_reads_as_derived(entries in prop::collection::vec(entry(), 0..8), inner in any::<bool>()) {
        let mut entries = entries;
        if inner {
            entries.push(INNER.to_owned());
        }
        // A member given twice with a `null` among its values is a duplicate for serde
        // derive but not always for ours (`null` then a value is the value): checked in
        // `a_null_then_a_value_is_the_value`, left out here.
        let member = |entry: &str| match entry.split("\":").next().unwrap_or_default() {
            "\"Na\\u006de" => "\"Name".to_owned(),
            "\"message" | "\"errorMessage" => "\"Message".to_owned(),
            key => key.to_owned(),
        };
        let null_among_duplicates = entries.iter().any(|e| {
            e.ends_with(":null") && entries.iter().filter(|o| member(o) == member(e)).count() > 1
        });
        prop_assume!(!null_among_duplicates);
        // The twin's input names no member where ours has `null`: the same key, as an
        // unknown one of the same length, so that error columns stay the same.
        let without_nulls: Vec<String> = entries
            .iter()
            .map(|e| match e.strip_suffix(":null") {
                Some(key) => format!("\"{}\":null", "_".repeat(key.len() - 2)),
                None => e.clone(),
            })
            .collect();
        let _ = assert_same_as(
            &format!("{{{}}}", entries.join(",")),
            &format!("{{{}}}", without_nulls.join(",")),
        );
    }
}

/// The decode path reads with the runtime's reader (`json_read`), not with the shape's
/// serde `Deserialize`: both share each member's line, and must read every text to the
/// same value (compared as written, so that `NaN` equals itself) or both fail.
fn assert_paths_agree(json: &str) {
    let serde = serde_json::from_str::<Mixed>(json);
    let reader = awsjson::__private::json_read::from_slice::<Mixed>(json.as_bytes());
    match (&serde, &reader) {
        (Ok(a), Ok(b)) => assert_eq!(
            serde_json::to_string(a).unwrap(),
            serde_json::to_string(b).unwrap(),
            "{json}"
        ),
        (Err(_), Err(_)) => {}
        _ => panic!("{json}: serde {serde:?}, reader {reader:?}"),
    }
}

#[test]
fn the_decode_path_reads_the_examples_as_serde_does() {
    for json in [
        format!("{{{INNER}}}"),
        format!(r#"{{"Name":"a",{INNER},"Name":"b"}}"#),
        format!(r#"{{"Name":null,"Name":"n",{INNER}}}"#),
        format!(r#"{{"Unknown":{{"deep":[1,{{"x":null}}]}},{INNER}}}"#),
        format!(r#"{{"Na\u006de":"n",{INNER}}}"#),
        r#"["i"]"#.to_owned(),
        r#""i""#.to_owned(),
        "{}".to_owned(),
        format!(r#"{{"Ratios":[1.5,"-Infinity",null],{INNER}}}"#),
        format!(r#"{{"Tags":{{"k":null}},{INNER}}}"#),
        // An unknown member's number is not asked for its value (proptest found it).
        r#"{"Unknown":1e400}"#.to_owned(),
        r#"{"name":-1e400}"#.to_owned(),
        r#"{"Ratio":1e400}"#.to_owned(),
    ] {
        assert_paths_agree(&json);
    }
}

proptest! {
    #[test]
    fn the_decode_path_reads_any_object_as_serde_does(
        entries in prop::collection::vec(entry(), 0..8),
        inner in any::<bool>(),
        cut in 0_usize..400,
    ) {
        let mut entries = entries;
        if inner {
            entries.push(INNER.to_owned());
        }
        let json = format!("{{{}}}", entries.join(","));
        assert_paths_agree(&json);
        // And the text cut short anywhere.
        let cut = cut.min(json.len());
        if json.is_char_boundary(cut) {
            assert_paths_agree(&json[..cut]);
        }
    }
}

/// A structure of more than 64 members: the reader tracks the members it has read in a
/// list rather than a 64-bit mask.
#[aws_json_shape]
#[derive(Debug, PartialEq, Default)]
struct Wide {
    f0: Option<i32>,
    f1: Option<i32>,
    f2: Option<i32>,
    f3: Option<i32>,
    f4: Option<i32>,
    f5: Option<i32>,
    f6: Option<i32>,
    f7: Option<i32>,
    f8: Option<i32>,
    f9: Option<i32>,
    f10: Option<i32>,
    f11: Option<i32>,
    f12: Option<i32>,
    f13: Option<i32>,
    f14: Option<i32>,
    f15: Option<i32>,
    f16: Option<i32>,
    f17: Option<i32>,
    f18: Option<i32>,
    f19: Option<i32>,
    f20: Option<i32>,
    f21: Option<i32>,
    f22: Option<i32>,
    f23: Option<i32>,
    f24: Option<i32>,
    f25: Option<i32>,
    f26: Option<i32>,
    f27: Option<i32>,
    f28: Option<i32>,
    f29: Option<i32>,
    f30: Option<i32>,
    f31: Option<i32>,
    f32: Option<i32>,
    f33: Option<i32>,
    f34: Option<i32>,
    f35: Option<i32>,
    f36: Option<i32>,
    f37: Option<i32>,
    f38: Option<i32>,
    f39: Option<i32>,
    f40: Option<i32>,
    f41: Option<i32>,
    f42: Option<i32>,
    f43: Option<i32>,
    f44: Option<i32>,
    f45: Option<i32>,
    f46: Option<i32>,
    f47: Option<i32>,
    f48: Option<i32>,
    f49: Option<i32>,
    f50: Option<i32>,
    f51: Option<i32>,
    f52: Option<i32>,
    f53: Option<i32>,
    f54: Option<i32>,
    f55: Option<i32>,
    f56: Option<i32>,
    f57: Option<i32>,
    f58: Option<i32>,
    f59: Option<i32>,
    f60: Option<i32>,
    f61: Option<i32>,
    f62: Option<i32>,
    f63: Option<i32>,
    f64: Option<i32>,
    f65: Option<i32>,
    f66: Option<i32>,
    f67: Option<i32>,
    f68: Option<i32>,
    f69: Option<i32>,
}

#[test]
fn a_structure_of_more_than_64_members_reads_each_once() {
    let read = |json: &str| awsjson::__private::json_read::from_slice::<Wide>(json.as_bytes());
    let wide = read(r#"{"F0":0,"F63":63,"F64":64,"F69":69,"F65":null}"#).unwrap();
    assert_eq!(
        (wide.f0, wide.f63, wide.f64, wide.f69, wide.f65),
        (Some(0), Some(63), Some(64), Some(69), None)
    );
    for twice in [
        r#"{"F3":1,"F3":2}"#,
        r#"{"F66":1,"F66":2}"#,
        r#"{"F69":1,"F69":null}"#,
    ] {
        let err = read(twice).unwrap_err().to_string();
        assert!(err.starts_with("duplicate field `F"), "{twice}: {err}");
        assert_paths_agree_wide(twice);
    }
    // `null` then a value is the value, past the mask's 64 members too.
    assert_eq!(read(r#"{"F66":null,"F66":6}"#).unwrap().f66, Some(6));
    assert_paths_agree_wide(r#"{"F66":null,"F66":6}"#);
}

fn assert_paths_agree_wide(json: &str) {
    let serde = serde_json::from_str::<Wide>(json).map_err(|e| e.to_string());
    let reader = awsjson::__private::json_read::from_slice::<Wide>(json.as_bytes())
        .map_err(|e| e.to_string());
    assert_eq!(
        serde.is_ok(),
        reader.is_ok(),
        "{json}: {serde:?} {reader:?}"
    );
    if let (Ok(a), Ok(b)) = (serde, reader) {
        assert_eq!(a, b);
    }
}
