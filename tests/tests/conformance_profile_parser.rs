//! Runs every case of the shared profile-parser suite of the official SDKs
//! (`tests/vectors/profile-parser/profile-parser-tests.json`, README there) through
//! `awsjson::conformance::parse_profiles`: the profiles and SSO sessions both files
//! give must be exactly the expected ones, or the error must contain the expected
//! text (compared without case: our messages are lowercase). Then the file-location
//! suite beside it (`file-location-tests.json`) through
//! `awsjson::conformance::profile_file_locations`: the config and credentials paths
//! and the profile an environment selects.
//!
//! Runs without the libtest harness so that each case prints `PASS`/`FAIL` as it
//! goes, its id (`profile-parser/<name>`) last; any failure fails the run.

use serde_json::Value;

/// Cases in the files: a truncated or swapped file fails the run.
const CASES: usize = 65;
const LOCATION_CASES: usize = 9;

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
    let locations = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/vectors/profile-parser/file-location-tests.json"
    );
    let text = std::fs::read_to_string(locations).unwrap_or_else(|e| panic!("{locations}: {e}"));
    let suite: Value = serde_json::from_str(&text).expect("the suite is JSON");
    let location_cases = suite["tests"].as_array().expect("tests");
    let mut skipped = 0;
    for (i, case) in location_cases.iter().enumerate() {
        let id = format!("profile-parser/file-location/{}", i + 1);
        let platform = case["platform"].as_str().expect("platform");
        // Paths join with the separator of the OS the tests run on.
        if (platform == "windows") != cfg!(windows) {
            println!(
                "SKIP {id}: a {platform} case (`\\` or `/` joins the paths), and this run is on {}",
                std::env::consts::OS
            );
            skipped += 1;
            continue;
        }
        match run_location(case) {
            Ok(()) => println!("PASS {id}"),
            Err(why) => {
                println!("FAIL {id}: {why}");
                failed.push(id);
            }
        }
    }
    let total = cases.len() + location_cases.len();
    println!(
        "{} passed, {} failed, {skipped} skipped of {total} cases",
        total - failed.len() - skipped,
        failed.len(),
    );
    if cases.len() != CASES || location_cases.len() != LOCATION_CASES {
        eprintln!(
            "expected {CASES} parser and {LOCATION_CASES} file-location cases, found {} and {}",
            cases.len(),
            location_cases.len()
        );
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

fn run_location(case: &Value) -> Result<(), String> {
    let name = case["name"].as_str().expect("name");
    let vars = case["environment"]
        .as_object()
        .expect("environment")
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().expect("text").to_owned()));
    let env = awsjson::Env::from_vars(vars);
    let (config, credentials, profile) = awsjson::conformance::profile_file_locations(&env);
    let mut problems = Vec::new();
    for (what, got, want) in [
        (
            "config",
            config.display().to_string(),
            &case["configLocation"],
        ),
        (
            "credentials",
            credentials.display().to_string(),
            &case["credentialsLocation"],
        ),
        ("profile", profile, &case["profile"]),
    ] {
        // Cases that leave the profile out do not state it.
        if want.as_str().is_some_and(|want| got != want) {
            let want = want.as_str().unwrap_or_default();
            problems.push(format!("{what} {got:?}, expected {want:?}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{name}: {}", problems.join("; ")))
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
