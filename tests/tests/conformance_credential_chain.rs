//! Runs every recorded case of the official Rust SDK's default credential provider
//! chain suite (`tests/vectors/credential-chain/default-credential-provider-chain/`,
//! README there) through `awsjson::conformance::default_chain_credentials`.
//!
//! Each case is a directory: `env.json` (the environment), `fs/` (the files, rooted
//! at `/`), `http-traffic.json` (the HTTP exchanges the SDK made: instance metadata,
//! ECS, STS, IAM Identity Center) and `test-case.json` (the credentials expected, or
//! text the error must contain). The files are laid out under a temporary root, and
//! the paths that name them (`HOME`, `*_FILE` variables, `*_file` properties) are
//! moved under it. Every request of the credential sources goes to a loopback server
//! (`Env::replaying_to`) that answers with the recorded responses in order, after
//! checking that it is the recorded request: method, URL (the query as a set),
//! `content-type` and `x-aws-ec2-metadata-token` (the headers the SDK's replayer
//! checks) and the STS `Action`. A case passes when the chain gives the expected
//! result, made exactly the recorded requests, and, as the SDK's harness checks,
//! logged no expected secret (secret key, session token) unless the case sets
//! `EXPOSE_SECRETS_FOR_TESTS` (every `tracing` event and span is captured).
//!
//! Then the two endpoint suites beside the directory: `ecs-tests.json` (the URL the
//! container provider calls for the `AWS_CONTAINER_*` variables) and
//! `imds-config/imds-endpoint-tests.json` (the instance metadata endpoint for the
//! environment and the config file), each run through the same chain and loopback
//! server: the first request must go to the expected URL, or the chain's error must
//! contain the expected text and no request be made.
//!
//! Runs without the libtest harness so that each case prints `PASS`/`FAIL`/`SKIP` as
//! it goes, its id (`credential-chain/<dir>`, `credential-chain/ecs/<n>`,
//! `credential-chain/imds-endpoint/<n>`) last; any failure fails the run.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::{Duration, UNIX_EPOCH};

use awsjson_tests::capture::Capture;
use awsjson_tests::server::{Received, Server};
use awsjson_tests::temp_dir::TempDir;
use serde_json::Value;

/// Every `tracing` event and span of the run, as text.
static LOG: LazyLock<Capture> = LazyLock::new(Capture::new);
/// How many of them were checked for secrets.
static LOGGED: AtomicUsize = AtomicUsize::new(0);

/// Case directories and endpoint cases: a truncated copy fails the run.
const CASES: usize = 29;
const ECS_CASES: usize = 11;
const IMDS_CASES: usize = 14;
const ASSUME_ROLE_CASES: usize = 28;

/// Assume-role cases whose expected error is the SDK's wording: the text our error
/// contains instead, and why it is the same outcome.
const SAME_CHAIN_ERROR: &[(usize, &str, &str)] = &[
    (
        7,
        "profile `A` has role_arn but neither source_profile nor credential_source",
        "a role with nothing to assume it with",
    ),
    (
        8,
        "profile `A` has both source_profile and credential_source",
        "the same conflict, with the profile named",
    ),
    (
        9,
        "profile `B` has aws_access_key_id but no aws_secret_access_key",
        "the same missing key, with the profile named",
    ),
    (
        10,
        "profile `B` has aws_secret_access_key but no aws_access_key_id",
        "the same missing key, with the profile named",
    ),
    (
        11,
        "profile `B` has no credentials",
        "the same profile, the same lack",
    ),
    (
        12,
        "profile `A` has no credentials",
        "the same profile, the same lack",
    ),
    (
        13,
        "profile `A` has source_profile = B, but there is no profile `B`",
        "the same missing source profile and its referrer",
    ),
    (
        14,
        "no profile `A`",
        "no profiles at all, so not the selected one (ours names it)",
    ),
    (
        17,
        "profiles form a source_profile cycle: A -> B -> A",
        "the same loop, with its path",
    ),
    (
        18,
        "profiles form a source_profile cycle: A -> B -> A",
        "the same loop, with its path (static keys in `A` do not end it)",
    ),
    (
        24,
        "profile `A` uses IAM Identity Center but has no sso_account_id",
        "the same missing setting",
    ),
    (
        25,
        "profile `A` uses IAM Identity Center but has no sso_role_name",
        "the same missing setting",
    ),
    (
        26,
        "[sso-session A] (the sso_session of profile `A`) has no sso_region",
        "the same rejected layout: sso_region belongs in the [sso-session] section, \
         which lacks it, not in the profile that names the session",
    ),
    (
        28,
        "profile `A` has sso_session = oops, but the config file has no [sso-session oops] section",
        "the same missing section and its referrer",
    ),
];

/// Assume-role cases that cannot apply, with why.
const SKIPPED_CHAIN: &[(usize, &str)] = &[(
    27,
    "a profile for the SDK's SSO bearer-token provider (an sso_session with no \
     sso_account_id or sso_role_name); awsjson signs with SigV4 only and has no token \
     provider, and for credentials such a profile is an error (no account or role)",
)];

/// Endpoint cases whose expected error is the SDK's wording: the text our error for
/// the same outcome contains, and why it is the same outcome.
const SAME_ENDPOINT_ERROR: &[(&str, &str, &str)] = &[
    (
        "ecs/1",
        "ECS container: neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor \
         AWS_CONTAINER_CREDENTIALS_FULL_URI is set",
        "neither variable is set, so the provider has nothing to call (the SDK: \"No \
         environment variables were set to configure ECS provider\")",
    ),
    (
        "ecs/3",
        "ECS: AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "the full URI is refused before any request (the SDK: \"URI did not specify a \
         host\"); ours names the variable and why",
    ),
    (
        "imds-endpoint/13",
        "AWS_EC2_METADATA_SERVICE_ENDPOINT \"not a uri\" is not an http(s) URL",
        "the endpoint is refused before any request (the SDK: \"invalid uri character\", \
         its URI parser's wording)",
    ),
];

/// Cases whose expected error text is the Rust SDK's own wording or type names: the
/// text awsjson's error for the same outcome contains instead, and why it is the same
/// outcome. Every other case's expected text must appear in our error as it is.
const SAME_ERROR: &[(&str, &str, &str)] = &[
    (
        "imds_default_chain_error",
        "EC2 instance metadata: the instance has no IAM role attached",
        "no source has credentials (the SDK: \"the credential provider was not enabled\"); \
         ours lists each source, ending with instance metadata's empty role list",
    ),
    (
        "imds_disabled",
        "EC2 instance metadata: disabled by AWS_EC2_METADATA_DISABLED",
        "no source has credentials, instance metadata because it is disabled",
    ),
    (
        "imds_no_iam_role",
        "credential_source = Ec2InstanceMetadata, but the instance has no IAM role attached",
        "the role's source, instance metadata, has no credentials (the SDK: \"not enabled\")",
    ),
    (
        "profile_overrides_web_identity",
        "credential_source = Environment, but AWS_ACCESS_KEY_ID is not set",
        "the profile's source, the environment, has no keys, and the web identity \
         variables are not used instead (the SDK: \"provider was not enabled\")",
    ),
    (
        "imds_token_fail",
        "api/token: HTTP 403, instance metadata is turned off for this instance",
        "the token request is refused with 403 (the SDK: \"request forbidden: IMDS is \
         disabled\")",
    ),
    (
        "sso_no_token_file",
        "no cached SSO token at /home/.aws/sso/cache/dace00cba5f8355ec9d274ceb2bcebdfbeed0e12.json",
        "the token cache file the SDK failed to read, by the same name (the SHA-1 of the \
         start URL)",
    ),
    (
        "sso_server_error",
        "SSO GetRoleCredentials for account 123456789, role MySsoRole: an error (HTTP 503)",
        "GetRoleCredentials failed with the recorded 503 (the SDK: \"an error occurred \
         while loading credentials\")",
    ),
    (
        "web_identity_token_invalid_jwt",
        "InvalidIdentityToken: No OpenIDConnect provider found in your account",
        "STS's error code and message; the SDK's text names its error type, \
         `InvalidIdentityTokenException`, for the code `InvalidIdentityToken`",
    ),
];

fn main() {
    tracing::subscriber::set_global_default(LOG.clone()).expect("the only subscriber");
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("vectors/credential-chain/default-credential-provider-chain");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|entry| entry.expect("dir entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let mut failed = Vec::new();
    let mut account_ids = 0;
    for dir in &dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let id = format!("credential-chain/{name}");
        let result = rt.block_on(async {
            tokio::time::timeout(Duration::from_secs(30), run(dir, &mut account_ids))
                .await
                .unwrap_or_else(|_| Err("no result within 30 s".to_owned()))
        });
        match result {
            Ok(()) => println!("PASS {id}"),
            Err(why) => {
                println!("FAIL {id}: {why}");
                failed.push(id);
            }
        }
    }
    let mut skipped = 0;
    let mut total = dirs.len();
    for (suite, file, expected) in [
        ("ecs", "ecs-tests.json", ECS_CASES),
        (
            "imds-endpoint",
            "imds-config/imds-endpoint-tests.json",
            IMDS_CASES,
        ),
    ] {
        let path = root.with_file_name(file);
        let cases = read_json(&path);
        let cases = cases["tests"].as_array().expect("tests");
        if cases.len() != expected {
            eprintln!("expected {expected} cases in {file}, found {}", cases.len());
            std::process::exit(1);
        }
        total += cases.len();
        for (i, case) in cases.iter().enumerate() {
            let short = format!("{suite}/{}", i + 1);
            let id = format!("credential-chain/{short}");
            // The SDK's IMDS client takes an endpoint or mode in code too; these cases
            // test that override and its precedence.
            if case.get("endpoint_override").is_some() || case.get("mode_override").is_some() {
                println!(
                    "SKIP {id}: overrides the endpoint or mode through the SDK's IMDS client \
                     builder in code; awsjson has no IMDS client API (environment and \
                     config file only)"
                );
                skipped += 1;
                continue;
            }
            let result = rt.block_on(async {
                tokio::time::timeout(Duration::from_secs(30), endpoint_case(&short, case))
                    .await
                    .unwrap_or_else(|_| Err("no result within 30 s".to_owned()))
            });
            match result {
                Ok(()) => println!("PASS {id}"),
                Err(why) => {
                    println!("FAIL {id}: {why}");
                    failed.push(id);
                }
            }
        }
    }
    let path = root.with_file_name("assume-role-tests.json");
    let cases = read_json(&path);
    let cases = cases.as_array().expect("cases");
    if cases.len() != ASSUME_ROLE_CASES {
        eprintln!(
            "expected {ASSUME_ROLE_CASES} cases in assume-role-tests.json, found {}",
            cases.len()
        );
        std::process::exit(1);
    }
    total += cases.len();
    for (i, case) in cases.iter().enumerate() {
        let id = format!("credential-chain/assume-role/{}", i + 1);
        if let Some((_, why)) = SKIPPED_CHAIN.iter().find(|(n, _)| *n == i + 1) {
            println!("SKIP {id}: {why}");
            skipped += 1;
            continue;
        }
        match assume_role_case(i + 1, case, &mut account_ids) {
            Ok(()) => println!("PASS {id}"),
            Err(why) => {
                println!("FAIL {id}: {why}");
                failed.push(id);
            }
        }
    }
    println!(
        "{} passed, {} failed, {skipped} skipped of {total} cases",
        total - failed.len() - skipped,
        failed.len(),
    );
    println!(
        "{} log lines of the recorded cases checked for their secrets",
        LOGGED.load(Ordering::Relaxed)
    );
    println!("account_id: expected and compared in {account_ids} cases (chain and assume-role)");
    if dirs.len() != CASES {
        eprintln!("expected {CASES} case directories, found {}", dirs.len());
        std::process::exit(1);
    }
    if !failed.is_empty() {
        eprintln!("failed cases:\n  {}", failed.join("\n  "));
        std::process::exit(1);
    }
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Environment variables that name files.
const PATH_VARS: &[&str] = &[
    "HOME",
    "AWS_CONFIG_FILE",
    "AWS_SHARED_CREDENTIALS_FILE",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
];

async fn run(dir: &Path, account_ids: &mut usize) -> Result<(), String> {
    let case = read_json(&dir.join("test-case.json"));
    let traffic = Exchange::all(&read_json(&dir.join("http-traffic.json")));
    let fs_root = TempDir::new();
    let root = fs_root.path().to_string_lossy().into_owned();
    copy_tree(&dir.join("fs"), fs_root.path(), &root);

    let expected_requests = traffic.len();
    let replay = Arc::new(Mutex::new(Replay {
        exchanges: traffic,
        next: 0,
        retries: 0,
        problems: Vec::new(),
    }));
    let state = replay.clone();
    let server = Server::answering(move |request| state.lock().unwrap().answer(request))
        .await
        .expect("a loopback server");

    let mut vars = Vec::new();
    for (k, v) in read_json(&dir.join("env.json")).as_object().expect("env") {
        let v = v.as_str().expect("env values are text");
        let v = if PATH_VARS.contains(&k.as_str()) && v.starts_with('/') {
            format!("{root}{v}")
        } else {
            v.to_owned()
        };
        vars.push((k.clone(), v));
    }
    let expose = vars.iter().any(|(k, _)| k == "EXPOSE_SECRETS_FOR_TESTS");
    let env = awsjson::Env::from_vars(vars).replaying_to(server.url());
    LOG.clear();
    let result = awsjson::conformance::default_chain_credentials(&env).await;
    drop(server);

    let mut problems = Vec::new();
    let secrets: Vec<&str> = ["secret_access_key", "session_token"]
        .iter()
        .filter_map(|k| case["result"]["Ok"].get(*k)?.as_str())
        .collect();
    if !expose {
        let log = LOG.lines();
        LOGGED.fetch_add(log.len(), Ordering::Relaxed);
        for line in log.iter() {
            if secrets.iter().any(|s| line.contains(s)) {
                problems.push(format!("a secret was logged: {line}"));
            }
        }
    }
    match (&result, &case["result"]) {
        (Ok(creds), expected) if expected.get("Ok").is_some() => {
            let expected = &expected["Ok"];
            if expected.get("account_id").is_some() {
                *account_ids += 1;
            }
            let text = |k: &str| expected.get(k).and_then(Value::as_str);
            for (what, want, got) in [
                (
                    "access_key_id",
                    text("access_key_id"),
                    Some(creds.access_key_id()),
                ),
                (
                    "secret_access_key",
                    text("secret_access_key"),
                    Some(creds.secret_access_key()),
                ),
                (
                    "session_token",
                    text("session_token"),
                    creds.session_token(),
                ),
                ("account_id", text("account_id"), creds.account_id()),
            ] {
                if want != got {
                    // Test values only: the recorded secrets are fakes.
                    problems.push(format!("{what} {got:?}, expected {want:?}"));
                }
            }
            let expiry = creds
                .expiry()
                .map(|t| t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()));
            let want = expected.get("expiry").and_then(Value::as_u64);
            if expiry != want {
                problems.push(format!("expiry {expiry:?}, expected {want:?}"));
            }
        }
        (Err(error), expected) if expected.get("ErrorContains").is_some() => {
            let want = expected["ErrorContains"].as_str().expect("text");
            let message = error.to_string().replace(&root, "");
            let case = dir.file_name().unwrap().to_string_lossy();
            let ours = SAME_ERROR
                .iter()
                .find(|(name, _, _)| *name == case)
                .map_or(want, |(_, ours, _)| *ours);
            if !message.contains(ours) {
                problems.push(format!("error {message:?} does not contain {ours:?}"));
            }
        }
        (Ok(creds), expected) => problems.push(format!(
            "credentials with access key {}, expected {expected}",
            creds.access_key_id()
        )),
        (Err(error), expected) => problems.push(format!(
            "error {:?}, expected {expected}",
            error.to_string().replace(&root, "")
        )),
    }
    let replay = replay.lock().unwrap();
    problems.extend(replay.problems.iter().cloned());
    if replay.next < expected_requests {
        problems.push(format!(
            "{} of {expected_requests} recorded requests made; the next was {} {}",
            replay.next, replay.exchanges[replay.next].method, replay.exchanges[replay.next].uri
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

/// One case of the assume-role suite: the steps of the profile chain, or its error.
fn assume_role_case(n: usize, case: &Value, account_ids: &mut usize) -> Result<(), String> {
    let result = awsjson::conformance::profile_chain(&case["input"]);
    let output = &case["output"];
    match (result, output.get("ProfileChain"), output.get("Error")) {
        (Ok(steps), Some(expected), _) => {
            for step in expected.as_array().expect("steps") {
                if step["AccessKey"].get("account_id").is_some() {
                    *account_ids += 1;
                }
            }
            if steps == *expected {
                Ok(())
            } else {
                Err(format!("steps {steps}, expected {expected}"))
            }
        }
        (Err(error), _, Some(expected)) => {
            let want = expected.as_str().expect("text");
            let ours = SAME_CHAIN_ERROR
                .iter()
                .find(|(case, _, _)| *case == n)
                .map_or(want, |(_, ours, _)| *ours);
            if error.contains(ours) {
                Ok(())
            } else {
                Err(format!("error {error:?} does not contain {ours:?}"))
            }
        }
        (Ok(steps), _, _) => Err(format!("steps {steps}, expected {output}")),
        (Err(error), _, _) => Err(format!("error {error:?}, expected {output}")),
    }
}

/// One case of the ECS or IMDS endpoint suite: the URL of the chain's first request,
/// or its error.
async fn endpoint_case(short: &str, case: &Value) -> Result<(), String> {
    let home = TempDir::new();
    let root = home.path().to_string_lossy().into_owned();
    let mut vars = vec![("HOME".to_owned(), root.clone())];
    if short.starts_with("ecs/") {
        vars.push(("AWS_EC2_METADATA_DISABLED".to_owned(), "true".to_owned()));
    }
    if let Some(files) = case.get("fs").and_then(Value::as_object) {
        for (name, text) in files {
            home.write(name, text.as_str().expect("file text"));
        }
    }
    for (k, v) in case["env"].as_object().expect("env") {
        let v = v.as_str().expect("env values are text");
        // `AWS_CONFIG_FILE: config` names a file of the case's `fs`.
        let v = if k == "AWS_CONFIG_FILE" {
            format!("{root}/{v}")
        } else {
            v.to_owned()
        };
        vars.push((k.clone(), v));
    }
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = seen.clone();
    let server = Server::answering(move |request| {
        let url = request.header("x-awsjson-replay-url").unwrap_or("(none)");
        record
            .lock()
            .unwrap()
            .push(format!("{} {url}", request.method));
        (404, String::new())
    })
    .await
    .expect("a loopback server");
    let env = awsjson::Env::from_vars(vars).replaying_to(server.url());
    let result = awsjson::conformance::default_chain_credentials(&env).await;
    drop(server);
    let seen = seen.lock().unwrap().clone();
    let expected = &case["result"];
    if let Some(url) = expected.get("Ok").and_then(Value::as_str) {
        let method = if short.starts_with("ecs/") {
            "GET"
        } else {
            "PUT"
        };
        let first = seen.first().map(|r| {
            let (m, u) = r.split_once(' ').unwrap_or((r, ""));
            (m.to_owned(), split_url(u))
        });
        if first != Some((method.to_owned(), split_url(url))) {
            return Err(format!("requests {seen:?}, expected {method} {url} first"));
        }
        return Ok(());
    }
    let want = expected
        .get("ErrorContains")
        .or_else(|| expected.get("Err"))
        .and_then(Value::as_str)
        .expect("an expected URL or error");
    let ours = SAME_ENDPOINT_ERROR
        .iter()
        .find(|(case, _, _)| *case == short)
        .map_or(want, |(_, ours, _)| *ours);
    match result {
        Err(e) if e.to_string().contains(ours) && seen.is_empty() => Ok(()),
        Err(e) => Err(format!(
            "error {:?} (requests {seen:?}), expected one containing {ours:?} and no request",
            e.to_string()
        )),
        Ok(creds) => Err(format!(
            "credentials with access key {}, expected an error containing {ours:?}",
            creds.access_key_id()
        )),
    }
}

/// Copies the case's files, moving absolute paths in `*_file` properties under `root`.
fn copy_tree(from: &Path, to: &Path, root: &str) {
    let Ok(entries) = std::fs::read_dir(from) else {
        return;
    };
    for entry in entries {
        let entry = entry.expect("dir entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_tree(&entry.path(), &target, root);
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).expect("fs files are text");
        let moved: Vec<String> = text
            .lines()
            .map(|line| match line.split_once('=') {
                Some((k, v)) if k.trim().ends_with("_file") && v.trim().starts_with('/') => {
                    format!("{k}= {root}{}", v.trim())
                }
                _ => line.to_owned(),
            })
            .collect();
        let mut moved = moved.join("\n");
        if text.ends_with('\n') {
            moved.push('\n');
        }
        std::fs::write(&target, moved).expect("write");
    }
}

/// One recorded request and its response.
struct Exchange {
    method: String,
    uri: String,
    headers: BTreeMap<String, String>,
    body: String,
    status: u16,
    response: String,
}

impl Exchange {
    /// The exchanges of `http-traffic.json`, in the order their requests were made.
    fn all(traffic: &Value) -> Vec<Exchange> {
        let mut by_connection: BTreeMap<u64, Exchange> = BTreeMap::new();
        let mut order = Vec::new();
        for event in traffic["events"].as_array().expect("events") {
            let connection = event["connection_id"].as_u64().expect("connection_id");
            let action = &event["action"];
            if let Some(request) = action.get("Request") {
                let request = &request["request"];
                let headers = request["headers"]
                    .as_object()
                    .expect("headers")
                    .iter()
                    .map(|(k, v)| {
                        (
                            k.to_ascii_lowercase(),
                            v[0].as_str().unwrap_or("").to_owned(),
                        )
                    })
                    .collect();
                order.push(connection);
                by_connection.insert(
                    connection,
                    Exchange {
                        method: request["method"].as_str().expect("method").to_owned(),
                        uri: request["uri"].as_str().expect("uri").to_owned(),
                        headers,
                        body: String::new(),
                        status: 0,
                        response: String::new(),
                    },
                );
            } else if let Some(response) = action.get("Response") {
                let exchange = by_connection.get_mut(&connection).expect("request first");
                exchange.status = response["response"]["Ok"]["status"]
                    .as_u64()
                    .expect("a recorded response") as u16;
            } else if let Some(data) = action.get("Data") {
                let exchange = by_connection.get_mut(&connection).expect("request first");
                let text = data["data"]["Utf8"].as_str().expect("UTF-8 data");
                match data["direction"].as_str() {
                    Some("Request") => exchange.body.push_str(text),
                    _ => exchange.response.push_str(text),
                }
            }
        }
        order
            .into_iter()
            .map(|c| by_connection.remove(&c).expect("recorded"))
            .collect()
    }
}

/// The replaying server's state.
struct Replay {
    exchanges: Vec<Exchange>,
    next: usize,
    /// Repeats of the last request after a 5xx (see `answer`).
    retries: u32,
    problems: Vec<String>,
}

impl Replay {
    fn answer(&mut self, request: &Received) -> (u16, String) {
        let url = request.header("x-awsjson-replay-url").unwrap_or("(none)");
        // A repeat of the last recorded request after its 5xx is a retry, which the
        // SDK's standard retry mode makes too (up to 3 attempts); recordings that end
        // on a 5xx keep the first attempt only. It gets the same answer.
        let repeat = self
            .exchanges
            .last()
            .filter(|last| {
                self.next == self.exchanges.len()
                    && self.retries < 2
                    && last.status >= 500
                    && request.method == last.method
                    && split_url(url) == split_url(&last.uri)
            })
            .map(|last| (last.status, last.response.clone()));
        if let Some(answer) = repeat {
            self.retries += 1;
            return answer;
        }
        let Some(recorded) = self.exchanges.get(self.next) else {
            self.problems
                .push(format!("unrecorded request {} {url}", request.method));
            return (500, String::new());
        };
        self.next += 1;
        let mut wrong = Vec::new();
        if request.method != recorded.method {
            wrong.push(format!(
                "method {}, recorded {}",
                request.method, recorded.method
            ));
        }
        if split_url(url) != split_url(&recorded.uri) {
            wrong.push(format!("URL {url}, recorded {}", recorded.uri));
        }
        for header in ["content-type", "x-aws-ec2-metadata-token"] {
            if let Some(want) = recorded.headers.get(header) {
                let got = request.header(header);
                // The media type: the SDK adds no charset, we say `charset=utf-8`.
                let media = |v: &str| v.split(';').next().unwrap_or("").trim().to_owned();
                if got.map(media) != Some(media(want)) {
                    wrong.push(format!("{header} {got:?}, recorded {want:?}"));
                }
            }
        }
        if recorded.method == "POST" && recorded.uri.contains("sts.") {
            let (got, want) = (form(&request.text()), form(&recorded.body));
            if got.keys().ne(want.keys()) {
                wrong.push(format!(
                    "STS parameters {:?}, recorded {:?}",
                    got.keys().collect::<Vec<_>>(),
                    want.keys().collect::<Vec<_>>()
                ));
            }
            // Only the operation: the recordings' role ARNs, session names (they carry
            // the time) and tokens were edited after recording, so the SDK's replayer
            // does not compare bodies either.
            for (k, v) in &want {
                if matches!(k.as_str(), "Action" | "Version") && got.get(k) != Some(v) {
                    wrong.push(format!("STS {k} {:?}, recorded {v:?}", got.get(k)));
                }
            }
        }
        if !wrong.is_empty() {
            self.problems.push(format!(
                "request {} differs: {}",
                self.next,
                wrong.join(", ")
            ));
        }
        (recorded.status, recorded.response.clone())
    }
}

/// Scheme, authority and path (`/` when empty, as sent); the query as a sorted list.
fn split_url(url: &str) -> (String, Vec<String>) {
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let after_scheme = base.split_once("://").map_or(base, |(_, rest)| rest);
    let base = if after_scheme.contains('/') {
        base.to_owned()
    } else {
        format!("{base}/")
    };
    let mut params: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect();
    params.sort();
    (base, params)
}

fn form(body: &str) -> BTreeMap<String, String> {
    body.split('&')
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}
