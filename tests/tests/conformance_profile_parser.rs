//! Runs every case of the shared profile-parser suite of the official SDKs
//! (`tests/vectors/profile-parser/profile-parser-tests.json`, README there) through
//! `awsjson::conformance::parse_profiles`: the profiles and SSO sessions both files
//! give must be exactly the expected ones, or the error must contain the expected
//! text (compared without case: our messages are lowercase).
//!
//! Runs without the libtest harness so that each case prints `PASS`/`FAIL` as it
//! goes, its id (`profile-parser/<name>`) last; any failure fails the run.

use serde_json::Value;

/// Cases in the file: a truncated or swapped file fails the run.
const CASES: usize = 65;

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/vectors/profile-parser/profile-parser-tests.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let suite: Value = serde_json::from_str(&text).expect("the suite is JSON");
    let cases = suite["tests"].as_array().expect("tests");
    let mut failed = Vec::new();
    for case in cases {
        let name = case["name"].as_str().expect("name");
        let id = format!("profile-parser/{name}");
        match run(case) {
            Ok(()) => println!("PASS {id}"),
            Err(why) => {
                println!("FAIL {id}: {why}");
                failed.push(id);
            }
        }
    }
    println!(
        "{} passed, {} failed, 0 skipped of {} cases",
        cases.len() - failed.len(),
        failed.len(),
        cases.len()
    );
    if cases.len() != CASES {
        eprintln!("expected {CASES} cases in {path}, found {}", cases.len());
        std::process::exit(1);
    }
    if !failed.is_empty() {
        eprintln!("failed cases:\n  {}", failed.join("\n  "));
        std::process::exit(1);
    }
}

fn run(case: &Value) -> Result<(), String> {
    let input = &case["input"];
    let config = input["configFile"].as_str().unwrap_or_default();
    let credentials = input["credentialsFile"].as_str().unwrap_or_default();
    let parsed = awsjson::conformance::parse_profiles(config, credentials);
    let output = &case["output"];
    match (parsed, output.get("errorContaining")) {
        (Ok(actual), None) => {
            let expected = &output["config"];
            let mut problems = Vec::new();
            compare(
                "profiles",
                &expected["profiles"],
                &actual["profiles"],
                &mut problems,
            );
            // The cases that state SSO sessions state them all; the others leave them out.
            if let Some(sessions) = expected.get("sso_sessions") {
                compare(
                    "sso_sessions",
                    sessions,
                    &actual["sso_sessions"],
                    &mut problems,
                );
            }
            if problems.is_empty() {
                Ok(())
            } else {
                Err(problems.join("; "))
            }
        }
        (Err(error), Some(expected)) => {
            let expected = expected.as_str().expect("errorContaining is text");
            if error.to_lowercase().contains(&expected.to_lowercase()) {
                Ok(())
            } else {
                Err(format!("error {error:?} does not contain {expected:?}"))
            }
        }
        (Ok(actual), Some(expected)) => Err(format!(
            "parsed ({actual}), expected an error containing {expected}"
        )),
        (Err(error), None) => Err(format!("error {error:?}, expected {}", output["config"])),
    }
}

/// `{name: {key: value}}` maps, equal as sets.
fn compare(what: &str, expected: &Value, actual: &Value, problems: &mut Vec<String>) {
    let (Some(expected), Some(actual)) = (expected.as_object(), actual.as_object()) else {
        problems.push(format!("{what}: {actual} != {expected}"));
        return;
    };
    for (name, props) in expected {
        match actual.get(name) {
            None => problems.push(format!("{what}: `{name}` missing")),
            Some(found) if found != props => {
                problems.push(format!("{what}: `{name}` is {found}, expected {props}"));
            }
            Some(_) => {}
        }
    }
    for name in actual.keys().filter(|n| !expected.contains_key(*n)) {
        problems.push(format!("{what}: `{name}` unexpected ({})", actual[name]));
    }
}
