//! Credential sources that misbehave or are set up by someone hostile: a
//! `credential_process` that never exits or fails with a secret on its command line,
//! a container credentials URI that hides its host behind a user name, STS and
//! container endpoints that answer with documents nested 100,000 deep, and STS
//! endpoint URLs whose host is spelled differently from how it is sent.

use std::sync::Arc;
use std::time::{Duration, Instant};

use awsjson::{ClientBuilder, StalledStreamProtection};
use awsjson_tests::capture::Capture;
use awsjson_tests::env::{ListTables, base_vars, credentials_json, env_of, key_used};
use awsjson_tests::server::{Action, Received, Reply, Server, closed_port_url};
use awsjson_tests::temp_dir::TempDir;

fn var(k: &str, v: &str) -> (String, String) {
    (k.to_owned(), v.to_owned())
}

/// A secret on a `credential_process` command line; never in an error or a log.
const SECRET_ARG: &str = "--api-token=hunter2secret";

/// Fails the test instead of hanging it.
async fn bounded<T>(limit: Duration, f: impl Future<Output = T>) -> T {
    tokio::time::timeout(limit, f)
        .await
        .unwrap_or_else(|_| panic!("still waiting after {limit:?}"))
}

/// Dead: gone, or a zombie left to whoever adopted it.
fn dead(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{}/stat", pid.trim())).map_or(true, |stat| {
        stat.rsplit(')')
            .next()
            .unwrap_or("")
            .trim_start()
            .starts_with('Z')
    })
}

/// A `credential_process` that never exits is stopped at its timeout, and until then
/// every caller and every retry waits for the one process: attempt timeouts say they
/// were waiting for it, and no second process starts.
#[cfg(target_os = "linux")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hung_credential_process_runs_once_and_is_killed_at_its_timeout() {
    let home = TempDir::new();
    let starts = home.path().join("starts");
    let script = home.write(
        "hang.sh",
        &format!("echo $$ >> {}\nsleep 1000\necho\n", starts.display()),
    );
    home.write(
        ".aws/config",
        &format!("[default]\ncredential_process = sh {script} {SECRET_ARG}\n"),
    );
    let vars = base_vars(&home);
    let client = |attempt_timeout: Option<Duration>| {
        let vars = vars.clone();
        async move {
            let mut builder = ClientBuilder::from_env(&env_of(&vars))
                .await
                .unwrap()
                .region("us-east-1")
                .endpoint_url(closed_port_url())
                .credential_process_timeout(Duration::from_secs(4))
                .max_attempts(3)
                .initial_backoff(Duration::from_millis(10));
            if let Some(limit) = attempt_timeout {
                builder = builder.attempt_timeout(limit);
            }
            builder.build().unwrap()
        }
    };
    let impatient = Arc::new(client(Some(Duration::from_millis(300))).await);
    let started = Instant::now();
    let calls: Vec<_> = (0..20)
        .map(|_| {
            let client = impatient.clone();
            tokio::spawn(async move { ListTables { limit: None }.send(&client).await })
        })
        .collect();
    for call in calls {
        let err = bounded(Duration::from_secs(10), call)
            .await
            .unwrap()
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("passed while waiting for credentials from credential_process `sh` (arguments hidden) of profile `default`"),
            "{err}"
        );
        assert!(!err.contains("no complete response"), "{err}");
        assert!(!err.contains("hunter2secret"), "{err}");
    }
    assert!(started.elapsed() < Duration::from_secs(4));
    // Twenty callers, three attempts each: one process.
    let pids = std::fs::read_to_string(&starts).unwrap();
    assert_eq!(pids.lines().count(), 1, "{pids}");

    // A client without an attempt timeout joins the same run and gets its end.
    let patient = client(None).await;
    let err = bounded(
        Duration::from_secs(10),
        ListTables { limit: None }.send(&patient),
    )
    .await
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("credential_process `sh` (arguments hidden) of profile `default`: no credentials after waiting 4s for it to print them and exit (the credential_process timeout); the process was killed"),
        "{err}"
    );
    assert!(started.elapsed() < Duration::from_secs(8));
    let pids = std::fs::read_to_string(&starts).unwrap();
    assert_eq!(pids.lines().count(), 1, "{pids}");
    let killed = Instant::now();
    while !dead(&pids) && killed.elapsed() < Duration::from_secs(3) {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(dead(&pids), "the credential process {pids} still runs");
}

/// A failing `credential_process` names its program, never its arguments, in the error
/// and in the logs.
#[tokio::test(flavor = "current_thread")]
async fn a_failing_credential_process_shows_its_program_only() {
    let capture = Capture::new();
    let _logs = tracing::subscriber::set_default(capture.clone());
    let home = TempDir::new();
    home.write(
        ".aws/config",
        &format!(
            "[default]\ncredential_process = sh -c 'echo boom >&2; exit 3' {SECRET_ARG}\n\
             [profile env]\ncredential_process = TOKEN=hunter2secret sh -c 'exit 4'\n"
        ),
    );
    let mut vars = base_vars(&home);
    let err = key_used(&vars).await.unwrap_err();
    assert!(
        err.contains("credential_process `sh` (arguments hidden) of profile `default`: it exited with exit status: 3: boom"),
        "{err}"
    );
    vars.push(var("AWS_PROFILE", "env"));
    let err = key_used(&vars).await.unwrap_err();
    assert!(err.contains("exit status: 4"), "{err}");
    let logs = capture.text();
    assert!(logs.contains("credential_process"), "{logs}");
    for text in [&err, &logs] {
        assert!(!text.contains("hunter2secret"), "{text}");
    }
}

fn ecs_vars(home: &TempDir, uri: &str) -> Vec<(String, String)> {
    let mut vars = base_vars(home);
    vars.push(var("AWS_CONTAINER_CREDENTIALS_FULL_URI", uri));
    vars.push(var("AWS_CONTAINER_AUTHORIZATION_TOKEN", "Bearer the-token"));
    vars
}

/// `http://127.0.0.1:80@host/` and `http://[::1]@host:port/` look like loopback to a
/// reader that splits the text by hand, but connect to `host`, in clear text, with the
/// authorization token. Refused before anything is sent; the loopback spellings that
/// really are loopback are served.
#[tokio::test]
async fn a_container_credentials_uri_cannot_hide_its_host_behind_a_user_name() {
    let server = Server::answering(|r| match r.header("authorization") {
        Some("Bearer the-token") => (200, credentials_json("ECSKEY", 3600, "Token")),
        _ => (401, String::new()),
    })
    .await
    .expect("a loopback server");
    let port = server.url().rsplit(':').next().unwrap().to_owned();
    let home = TempDir::new();
    for uri in [
        "http://127.0.0.1:80@attacker.example/creds".to_owned(),
        // 0.0.0.0 is not loopback, but Linux connects it to this host: on a reader
        // fooled by `[::1]@`, the token would reach the server below.
        format!("http://[::1]@0.0.0.0:{port}/creds"),
        format!("http://localhost:{port}@0.0.0.0:{port}/creds"),
    ] {
        let started = Instant::now();
        let err = bounded(Duration::from_secs(10), key_used(&ecs_vars(&home, &uri)))
            .await
            .unwrap_err();
        assert!(
            err.contains("AWS_CONTAINER_CREDENTIALS_FULL_URI")
                && err.contains("has a user name or password before its host"),
            "{uri}: {err}"
        );
        assert!(started.elapsed() < Duration::from_secs(2), "{uri}");
    }
    assert!(server.requests().is_empty(), "{:?}", server.requests());

    for uri in [
        format!("http://127.0.0.1:{port}/creds"),
        format!("http://127.1:{port}/creds"),
        format!("http://LOCALHOST:{port}/creds"),
    ] {
        assert_eq!(
            bounded(Duration::from_secs(10), key_used(&ecs_vars(&home, &uri)))
                .await
                .as_deref(),
            Ok("ECSKEY"),
            "{uri}"
        );
    }
    assert_eq!(server.count_of("GET", "/creds"), 3);
}

/// A document nested `levels` deep: `<a><a>…</a></a>` or `[[…]]`.
fn nested(open: &str, close: &str, levels: usize) -> String {
    format!("{}{}", open.repeat(levels), close.repeat(levels))
}

fn web_identity_vars(home: &TempDir, sts: &str) -> Vec<(String, String)> {
    let token = home.write("token", "the-token\n");
    home.write(
        ".aws/config",
        &format!(
            "[default]\nrole_arn = arn:aws:iam::123456789012:role/w\nweb_identity_token_file = {token}\nregion = eu-west-3\n"
        ),
    );
    let mut vars = base_vars(home);
    vars.push(var("AWS_ENDPOINT_URL_STS", sts));
    vars
}

/// 100,000 nested elements (700 KB, under the 1 MiB cap on credential responses) in a
/// debug build: a clear error, in a success and in an error response, not a stack
/// overflow that aborts the process.
#[tokio::test]
async fn sts_answering_100_000_nested_elements_is_an_error_not_an_abort() {
    let deep = nested("<a>", "</a>", 100_000);
    assert!(deep.len() < 1 << 20);
    for status in [200, 400] {
        let body = deep.clone();
        let sts = Server::answering(move |_| (status, body.clone()))
            .await
            .expect("a loopback server");
        let home = TempDir::new();
        let err = bounded(
            Duration::from_secs(20),
            key_used(&web_identity_vars(&home, sts.url())),
        )
        .await
        .unwrap_err();
        assert!(err.contains("STS AssumeRoleWithWebIdentity"), "{err}");
        if status == 200 {
            assert!(
                err.contains("the response is not XML: elements nested deeper than 128 levels"),
                "{err}"
            );
        } else {
            assert!(err.contains("HTTP 400"), "{err}");
        }
    }
}

/// The JSON readers of credential responses stop at serde_json's recursion limit (128),
/// which nothing in the tree turns off: ECS answering 100,000 nested arrays, and a
/// `credential_process` printing them, are clear errors.
#[tokio::test]
async fn json_credentials_nested_100_000_deep_are_an_error_not_an_abort() {
    let deep = nested("[", "]", 100_000);
    let body = deep.clone();
    let server = Server::answering(move |_| (200, body.clone()))
        .await
        .expect("a loopback server");
    let home = TempDir::new();
    let err = bounded(
        Duration::from_secs(20),
        key_used(&ecs_vars(&home, &format!("{}/creds", server.url()))),
    )
    .await
    .unwrap_err();
    assert!(err.contains("recursion limit exceeded"), "{err}");

    let home = TempDir::new();
    // 10,000 levels: 100,000 would be over the 64,000 bytes a process may print.
    let printed = home.write("deep.json", &nested("{\"a\":", "}", 10_000));
    home.write(
        ".aws/config",
        &format!("[default]\ncredential_process = cat {printed}\n"),
    );
    let err = bounded(Duration::from_secs(20), key_used(&base_vars(&home)))
        .await
        .unwrap_err();
    assert!(err.contains("`cat` (arguments hidden)"), "{err}");
    assert!(err.contains("its output is not a JSON object"), "{err}");

    // The same limit guards `Document`, whose visitor builds the tree recursively.
    let err = serde_json::from_str::<awsjson::Document>(&deep).unwrap_err();
    assert!(
        err.to_string().contains("recursion limit exceeded"),
        "{err}"
    );
}

/// The signature a request carries is checked against the `Host` the server received,
/// as AWS checks it.
fn signed_for_received_host(request: &Received, secret: &str) -> Result<(), String> {
    let auth = request.header("authorization").ok_or("unsigned")?;
    let parsed = awsjson::sigv4::parse_authorization(auth).ok_or("malformed Authorization")?;
    let date = request.header("x-amz-date").ok_or("no X-Amz-Date")?;
    let time = awsjson::sigv4::parse_amz_date(date).ok_or("malformed X-Amz-Date")?;
    let mut headers = Vec::new();
    for name in parsed.signed_header_names() {
        headers.push((name, request.header(name).ok_or(format!("no {name}"))?));
    }
    let expected = awsjson::sigv4::sign(
        &awsjson::sigv4::SignableRequest::new(
            &request.method,
            &request.path,
            &headers,
            &request.body,
        ),
        &awsjson::sigv4::SigningParams::new(
            parsed.access_key_id,
            secret,
            parsed.region,
            parsed.service,
            time,
        ),
    );
    if expected.signature == parsed.signature {
        Ok(())
    } else {
        Err(format!(
            "signature does not match for Host {:?}",
            request.header("host")
        ))
    }
}

/// STS endpoint URLs whose host or port is written otherwise than it is sent (a short
/// IPv4 form, capitals, a default port, a `..` segment): the request is signed for the
/// `Host` and path it arrives with, as the main client signs.
#[tokio::test]
async fn sts_requests_are_signed_for_the_host_they_are_sent_to() {
    const OK: &str = r#"<AssumeRoleResponse><AssumeRoleResult><Credentials>
<SessionToken>t</SessionToken><SecretAccessKey>s</SecretAccessKey>
<Expiration>2099-01-01T00:00:00Z</Expiration><AccessKeyId>ASIAHOST</AccessKeyId>
</Credentials></AssumeRoleResult></AssumeRoleResponse>"#;
    let sts = Server::answering(|r| match signed_for_received_host(r, "base-secret") {
        Ok(()) => (200, OK.to_owned()),
        Err(why) => (
            403,
            format!("<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>{why}</Message></Error></ErrorResponse>"),
        ),
    })
    .await
.expect("a loopback server");
    let port = sts.url().rsplit(':').next().unwrap().to_owned();
    let home = TempDir::new();
    home.write(
        ".aws/config",
        "[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n\
         [default]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = base\nregion = us-east-1\n",
    );
    for endpoint in [
        format!("http://127.0.0.1:{port}"),
        format!("http://127.1:{port}/"),
        format!("http://LocalHost:{port}/"),
        format!("http://127.0.0.1:{port}/x/../"),
    ] {
        let mut vars = base_vars(&home);
        vars.push(var("AWS_ENDPOINT_URL_STS", &endpoint));
        assert_eq!(
            bounded(Duration::from_secs(10), key_used(&vars))
                .await
                .as_deref(),
            Ok("ASIAHOST"),
            "{endpoint}"
        );
    }
    let requests = sts.requests();
    assert_eq!(requests.len(), 4);
    assert!(requests.iter().all(|r| r.path == "/"), "{requests:?}");
}

/// What an STS error says goes into the error bounded: a 500 KB message is cut.
#[tokio::test]
async fn sts_error_messages_are_bounded() {
    let message = "x".repeat(500_000);
    let sts = Server::answering(move |_| {
        (
            403,
            format!(
                "<ErrorResponse><Error><Code>AccessDenied</Code><Message>{message}</Message></Error></ErrorResponse>"
            ),
        )
    })
    .await
.expect("a loopback server");
    let home = TempDir::new();
    let err = bounded(
        Duration::from_secs(10),
        key_used(&web_identity_vars(&home, sts.url())),
    )
    .await
    .unwrap_err();
    assert!(
        err.contains(&format!("AccessDenied: {}… (HTTP 403)", "x".repeat(1024))),
        "{}",
        &err[..err.len().min(300)]
    );
    assert!(err.len() < 2000, "{} bytes", err.len());
}

/// The key a client built from `vars`, changed by `customize`, signs with.
async fn key_used_by(
    vars: &[(String, String)],
    customize: impl FnOnce(ClientBuilder) -> ClientBuilder,
) -> Result<String, String> {
    let builder = ClientBuilder::from_env(&env_of(vars))
        .await
        .map_err(|e| e.to_string())?
        .region("us-east-1");
    let client = customize(builder).build().map_err(|e| e.to_string())?;
    let request = client
        .build_request(&ListTables { limit: None })
        .await
        .map_err(|e| e.to_string())?;
    Ok(awsjson_tests::env::signed_with(&request))
}

/// The error a client from the environment gets when its web identity goes to `sts`,
/// the client changed by `customize`.
async fn web_identity_error(
    sts: &Server,
    customize: impl FnOnce(ClientBuilder) -> ClientBuilder,
) -> String {
    let home = TempDir::new();
    let vars = web_identity_vars(&home, sts.url());
    bounded(Duration::from_secs(20), key_used_by(&vars, customize))
        .await
        .unwrap_err()
}

/// A credential call is sent as an operation is (one transmit): the client's
/// stalled-stream protection fails an STS body that stops arriving, well before the
/// call's own 10 s timeout, and names the setting; each of the 3 attempts is cut so.
#[tokio::test]
async fn a_stalled_sts_body_fails_under_the_clients_stall_protection() {
    let sts = Server::start(
        vec![],
        Action::Stall {
            reply: Reply::raw(200, "text/xml", "<AssumeRoleWithWebIdentityResponse>"),
            sent: 10,
        },
    )
    .await
    .expect("a loopback server");
    let started = Instant::now();
    let err = web_identity_error(&sts, |b| {
        b.stalled_stream_protection(
            StalledStreamProtection::enabled().with_grace_period(Duration::from_millis(300)),
        )
    })
    .await;
    assert!(err.contains("STS AssumeRoleWithWebIdentity"), "{err}");
    assert!(
        err.contains("the response body stalled")
            && err.contains("ClientBuilder::stalled_stream_protection"),
        "{err}"
    );
    assert!(err.contains("10 of 35 bytes received"), "{err}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(sts.count(), 3, "a timeout is retried, as for operations");
}

/// The client's response header timeout bounds a credential call's wait for headers.
#[tokio::test]
async fn an_sts_that_never_answers_fails_at_the_clients_response_header_timeout() {
    let sts = Server::start(vec![], Action::Hang)
        .await
        .expect("a loopback server");
    let err = web_identity_error(&sts, |b| {
        b.response_header_timeout(Duration::from_millis(200))
    })
    .await;
    assert!(
        err.contains("no response headers within the response header timeout of 200ms"),
        "{err}"
    );
    assert_eq!(sts.count(), 3);
}

/// A credential response over its cap (1 MiB, smaller than an operation's) is refused
/// by the same check as an operation's, and, as for operations, not asked for again.
#[tokio::test]
async fn an_sts_answer_over_the_credential_cap_is_too_large_and_not_retried() {
    let body = "x".repeat((1 << 20) + 1);
    let sts = Server::answering(move |_| (200, body.clone()))
        .await
        .expect("a loopback server");
    let err = web_identity_error(&sts, |b| b).await;
    assert!(
        err.contains("response too large")
            && err.contains("larger than the 1048576-byte limit (1048577 bytes announced"),
        "{err}"
    );
    assert_eq!(sts.count(), 1);
}
