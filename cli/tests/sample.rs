//! Scaffold output compiles (issue 16): 300 operations drawn from every service of the
//! catalog with a fixed seed, every paginated one among them with its `paginate(...)`,
//! written as a crate by `awsjson-cli sample` and built with `cargo build`, warnings
//! denied. A declaration that does not compile fails this test with rustc's message.
//!
//! `cargo build`, not `cargo check`: the macro's compile-time checks are free constants,
//! which `check` evaluates too, but only a build monomorphizes `send`, the paginators
//! and the serde impls for every declared type and links them. The crate shares the
//! workspace's target dir and lock file and asks for awsjson's features as
//! `awsjson-examples` does, so that the dependencies `scripts/test.sh` built for the
//! examples are reused: this builds the sample crate alone (about a minute).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Operations drawn; the seed fixes which.
const OPERATIONS: usize = 300;
const SEED: &str = "1";
/// A build that takes longer than this hangs (about a minute when the dependencies are
/// built, ten when they are not, on two loaded cores).
const TIMEOUT: Duration = Duration::from_secs(45 * 60);

#[test]
fn sampled_scaffolds_build() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    // CARGO_TARGET_TMPDIR is `<target dir>/tmp`.
    let target = tmp.parent().unwrap();
    let dir = tmp.join(format!("sample-{OPERATIONS}"));
    let _ = std::fs::remove_dir_all(dir.join("src"));

    let out = Command::new(env!("CARGO_BIN_EXE_awsjson-cli"))
        .args(["sample", "--seed", SEED, "--awsjson"])
        .arg(workspace.join("runtime"))
        // awsjson-examples' features (see above).
        .args(["--awsjson-features", "test-util"])
        .arg(OPERATIONS.to_string())
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = String::from_utf8(out.stdout).unwrap();
    println!("{summary}");
    let (operations, services, paginated) = parse_summary(&summary);
    assert_eq!(operations, OPERATIONS, "{summary}");
    assert!(services >= 60, "{summary}");
    // The draw's list operations are in it, each with the `paginate(...)` the model
    // allows: this seed draws 51, compiled with their `pages()` and `items()`.
    assert!(paginated >= 40, "{summary}");
    let list = std::fs::read_to_string(dir.join("operations.tsv")).unwrap();
    assert_eq!(list.lines().skip(1).count(), OPERATIONS);

    // The workspace's versions, so that nothing is resolved or fetched.
    std::fs::copy(workspace.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    let stderr = dir.join("build.log");
    let mut build = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    // The variables cargo set for this test describe this package; build scripts that
    // read them (ring's reads CARGO_MANIFEST_DIR) would rebuild for the nested build.
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy();
        if [
            "CARGO_MANIFEST_",
            "CARGO_PKG_",
            "CARGO_BIN_",
            "CARGO_CRATE_NAME",
            "CARGO_PRIMARY_PACKAGE",
            "CARGO_TARGET_TMPDIR",
            "CARGO_RUSTC_CURRENT_DIR",
        ]
        .iter()
        .any(|prefix| name.starts_with(prefix))
        {
            build.env_remove(&*name);
        }
    }
    let mut build = build
        .args(["build", "--offline", "--quiet", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        // Run from the workspace, so that rustup picks its pinned toolchain (the
        // dependencies were built with it).
        .current_dir(workspace)
        .env("CARGO_TARGET_DIR", target)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&stderr).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = build.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = build.kill();
            let _ = build.wait();
            panic!(
                "the sample crate {} did not build in {TIMEOUT:?}",
                dir.display()
            );
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let log = std::fs::read_to_string(&stderr).unwrap();
    assert!(
        status.success(),
        "the scaffolded declarations in {} do not build:\n{log}",
        dir.join("src").display()
    );
    println!(
        "built in {:.0?}; binary {}",
        start.elapsed(),
        binary(target, &dir).display()
    );
    assert!(binary(target, &dir).is_file());
}

/// `N operations of S services (P with `paginate`), L lines of declarations`.
fn parse_summary(summary: &str) -> (usize, usize, usize) {
    let numbers: Vec<usize> = summary
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    match numbers[..] {
        [operations, services, paginated, _lines] => (operations, services, paginated),
        _ => panic!("unexpected summary: {summary}"),
    }
}

fn binary(target: &Path, dir: &Path) -> PathBuf {
    let name = dir.file_name().unwrap().to_str().unwrap();
    target
        .join("debug")
        .join(format!("awsjson-{name}{}", std::env::consts::EXE_SUFFIX))
}
