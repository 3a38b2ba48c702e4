//! The mock (`awsjson::mock`, under the `test-util` feature) adds nothing to a default
//! build: `test-util` is not a default feature, it enables no optional crate of its own
//! (tokio's features, and the macros' `test-util`, which keeps operation inputs' read
//! side for the mock), and the crates it adds to the tree are tokio's macros only, which
//! predate the mock.
//! So a default build compiles the same crates with the mock as without it.

use std::collections::BTreeSet;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs cargo with `args` in the test crate's directory, bounded: cargo may wait for
/// another build's lock on the package cache.
fn cargo(args: &[&str]) -> String {
    let mut child = Command::new(env!("CARGO"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cargo runs");
    let deadline = Instant::now() + Duration::from_secs(300);
    while child.try_wait().expect("cargo can be waited for").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("cargo {args:?} took more than 300 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().expect("cargo's output");
    assert!(
        status.success(),
        "cargo {args:?} failed: {}",
        String::from_utf8_lossy(&stderr)
    );
    String::from_utf8(stdout).expect("cargo prints UTF-8")
}

/// The package names of awsjson's build (normal and build dependencies) with `features`.
fn packages(features: &[&str]) -> BTreeSet<String> {
    let mut args = vec!["tree", "--offline", "--locked", "-p", "awsjson"];
    args.extend_from_slice(&["-e", "normal,build", "--prefix", "none", "--format", "{p}"]);
    let joined = features.join(",");
    if !features.is_empty() {
        args.extend_from_slice(&["--features", &joined]);
    }
    cargo(&args)
        .lines()
        .filter_map(|line| line.split_whitespace().next().map(str::to_owned))
        .collect()
}

/// awsjson's `[features]` table, from `cargo metadata`.
fn features() -> serde_json::Map<String, serde_json::Value> {
    let metadata: serde_json::Value = serde_json::from_str(&cargo(&[
        "metadata",
        "--offline",
        "--locked",
        "--no-deps",
        "--format-version",
        "1",
    ]))
    .expect("cargo metadata prints JSON");
    let packages = metadata["packages"].as_array().expect("a package list");
    let awsjson = packages
        .iter()
        .find(|p| p["name"] == "awsjson")
        .expect("awsjson is a workspace member");
    awsjson["features"]
        .as_object()
        .expect("a feature table")
        .clone()
}

fn listed(features: &serde_json::Map<String, serde_json::Value>, name: &str) -> Vec<String> {
    features[name]
        .as_array()
        .unwrap_or_else(|| panic!("feature {name} is a list"))
        .iter()
        .map(|v| v.as_str().expect("a feature entry").to_owned())
        .collect()
}

#[test]
fn the_mock_feature_is_off_by_default_and_brings_no_crate_of_its_own() {
    let features = features();
    // Every feature a default build turns on, transitively.
    let mut on = BTreeSet::new();
    let mut todo = listed(&features, "default");
    while let Some(feature) = todo.pop() {
        if features.contains_key(&feature) && on.insert(feature.clone()) {
            todo.extend(listed(&features, &feature));
        }
    }
    assert!(!on.contains("test-util"), "default build turns on {on:?}");
    for entry in listed(&features, "test-util") {
        // The macros' own switch adds no crate: it keeps operation inputs' read side.
        assert!(
            entry.starts_with("tokio/") || entry == "awsjson-macros/test-util",
            "test-util enables {entry}: only tokio features and the macros' test-util belong there"
        );
    }

    let default = packages(&[]);
    assert!(default.contains("awsjson"), "{default:?}");
    assert!(!default.contains("tokio-macros"), "{default:?}");
    let with_mock = packages(&["test-util"]);
    let added: Vec<&String> = with_mock.difference(&default).collect();
    assert_eq!(added, ["tokio-macros"], "test-util adds {added:?}");
}
