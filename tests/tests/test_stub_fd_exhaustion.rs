//! The stub keeps serving after running out of file descriptors.
//!
//! A thousand concurrent calls (`test_retry_load.rs`) hold about two thousand
//! descriptors; under the common soft limit of 1024 the stub's `accept` fails with
//! `EMFILE`. It must wait and accept again once descriptors are free: if it stopped,
//! every later client would hang.
//!
//! The test runs itself again in a child process whose limit is lowered with the
//! shell's `ulimit -n`, so that running out does not disturb other tests.

use std::process::Command;
use std::time::Duration;

use awsjson::stub::{StubResponse, StubServer};
use awsjson::{Client, Credentials};
use awsjson_tests::fixture::job;

const CHILD: &str = "AWSJSON_STUB_FD_CHILD";

#[test]
fn the_stub_accepts_again_after_running_out_of_file_descriptors() {
    if std::env::var_os(CHILD).is_some() {
        return tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(exhaust_then_call());
    }
    let exe = std::env::current_exe().unwrap();
    let output = Command::new("sh")
        .arg("-c")
        .arg(r#"ulimit -n 64 && exec "$0" "$@""#)
        .arg(&exe)
        .args([
            "--exact",
            "the_stub_accepts_again_after_running_out_of_file_descriptors",
            "--nocapture",
        ])
        .env(CHILD, "1")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "the child failed:\n{text}");
    assert!(text.contains("1 passed"), "the child ran no test:\n{text}");
}

async fn exhaust_then_call() {
    let creds = Credentials::new("AKIDFD", "fd-secret", None);
    let stub = StubServer::builder()
        .credentials(creds.clone())
        .on("AWSPartnerCentralSelling.CreateResourceSnapshotJob", |_| {
            StubResponse::json(r#"{"Id":"job-1"}"#)
        })
        .start()
        .await
        .unwrap();
    let addr = stub.url().trim_start_matches("http://").to_owned();
    // Connections the kernel completes into the stub's backlog until this process
    // has no descriptor left: the stub's next accept fails with EMFILE.
    let mut fillers = Vec::new();
    let exhausted = loop {
        match std::net::TcpStream::connect(&addr) {
            Ok(stream) => fillers.push(stream),
            Err(e) => break e,
        }
        assert!(fillers.len() < 1000, "the descriptor limit was not lowered");
    };
    assert_eq!(exhausted.raw_os_error(), Some(24), "EMFILE: {exhausted}");
    // The stub runs into the limit (its accept loop gets to run now)...
    tokio::time::sleep(Duration::from_millis(200)).await;
    // ...then descriptors are free again, and a call must be served.
    drop(fillers);
    let client = Client::builder()
        .region("us-east-1")
        .credentials(creds)
        .endpoint_url(stub.url())
        .build()
        .unwrap();
    let out = tokio::time::timeout(Duration::from_secs(10), job().send(&client))
        .await
        .expect("the stub stopped accepting: the call hung")
        .unwrap();
    assert_eq!(out.id.as_deref(), Some("job-1"));
}
