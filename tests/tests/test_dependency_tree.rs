//! What a default build of the runtime compiles, from `cargo tree`: the crates awsjson
//! uses itself (`base64` for blobs, ring's `getrandom` under the UUIDs) are the ones its
//! HTTP and TLS stack already brings, not second copies.

use std::collections::BTreeSet;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// `name version` of every package in the default build of `awsjson` (normal and build
/// dependencies, the host target), from the workspace's lock file.
fn default_build_packages() -> BTreeSet<(String, String)> {
    build_packages(&[])
}

/// [`default_build_packages`] with these extra `cargo tree` arguments (features).
fn build_packages(extra: &[&str]) -> BTreeSet<(String, String)> {
    let mut child = Command::new(env!("CARGO"))
        .args(["tree", "--offline", "--locked", "-p", "awsjson"])
        .args(extra)
        .args(["-e", "normal,build", "--prefix", "none", "--format", "{p}"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cargo runs");
    // cargo may wait for another build's lock on the package cache: bounded.
    let deadline = Instant::now() + Duration::from_secs(300);
    while child
        .try_wait()
        .expect("cargo tree can be waited for")
        .is_none()
    {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("cargo tree took more than 300 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().expect("cargo tree's output");
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("cargo tree prints UTF-8")
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            Some((words.next()?.to_owned(), words.next()?.to_owned()))
        })
        .collect()
}

#[test]
fn one_base64_and_one_getrandom() {
    let packages = default_build_packages();
    let versions = |name: &str| -> Vec<&str> {
        packages
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    };
    assert!(!versions("awsjson").is_empty(), "{packages:?}");
    // Blobs use the base64 that hyper-util (through reqwest) compiles anyway.
    assert_eq!(versions("base64").len(), 1, "{:?}", versions("base64"));
    assert_eq!(versions("uuid").len(), 1, "{:?}", versions("uuid"));
    // ring 0.17's getrandom 0.2, which the UUIDs draw from; uuid's own `v4` would add a
    // getrandom 0.4.
    let getrandom = versions("getrandom");
    assert!(
        getrandom.len() == 1 && getrandom[0].starts_with("v0.2."),
        "{getrandom:?}"
    );
}

/// HTTP/2 (`h2` and what it brings) only with the `http2` feature, and exactly the
/// crates README.md's *Cargo features* counts as its cost.
#[test]
fn http2_is_paid_for_only_with_its_feature() {
    let default = default_build_packages();
    let names = |set: &BTreeSet<(String, String)>| -> BTreeSet<String> {
        set.iter().map(|(n, _)| n.clone()).collect()
    };
    let default_names = names(&default);
    assert!(!default_names.contains("h2"), "{default_names:?}");
    let with = names(&build_packages(&["--features", "http2"]));
    let added: Vec<&str> = with
        .difference(&default_names)
        .map(String::as_str)
        .collect();
    assert_eq!(
        added,
        [
            "equivalent",
            "fnv",
            "futures-sink",
            "h2",
            "hashbrown",
            "indexmap",
            "tokio-util"
        ],
        "the crates the http2 feature adds changed: update README.md's *Cargo features*"
    );
    assert!(default_names.is_subset(&with));
}
