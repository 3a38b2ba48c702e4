//! What one call to the `test-util` stub endpoint costs: users' test suites pay it on
//! every call.
//!
//! A binary of its own, so that no other test of the same process competes for the
//! two cores while the calls are timed.
//!
//! The bound: a response written as head and body in two small writes without
//! `TCP_NODELAY` waits for the client's delayed ACK (Nagle), at least 40 ms on Linux
//! per call on a kept-alive connection; written right, a call takes well under a
//! millisecond on loopback (0.4 ms on median measured, BENCHMARKS.md). 20 ms is half the
//! smallest stall and some 40 times the healthy figure, and it is the **median** of
//! 20 calls that must stay under it: up to 9 calls may be slowed by a busy machine
//! without failing the test, while the stall, which hits every call, fails it every
//! time. The whole loop is bounded by a timeout, so a hang fails too.

use std::time::{Duration, Instant};

use awsjson::Client;
use awsjson::stub::{StubResponse, StubServer};
use awsjson_tests::fixture::{self, job};

const CALLS: usize = 20;
const MEDIAN_BOUND: Duration = Duration::from_millis(20);

#[tokio::test(flavor = "current_thread")]
async fn a_call_to_the_stub_takes_well_under_the_delayed_ack() {
    let stub = StubServer::builder()
        .credentials(fixture::credentials())
        .on(fixture::TARGET, |_| {
            StubResponse::json(r#"{"Id":"job-0123456789abc","Arn":"arn:aws:x"}"#)
        })
        .start()
        .await
        .unwrap();
    let client = Client::builder()
        .region("us-east-1")
        .credentials(fixture::credentials())
        .endpoint_url(stub.url())
        .build()
        .unwrap();
    let timed = async {
        // The first call opens the connection; the stall shows on a kept-alive one.
        job().send(&client).await.unwrap();
        let mut each = Vec::with_capacity(CALLS);
        for _ in 0..CALLS {
            let start = Instant::now();
            job().send(&client).await.unwrap();
            each.push(start.elapsed());
        }
        each
    };
    let mut each = tokio::time::timeout(Duration::from_secs(30), timed)
        .await
        .expect("21 calls to the stub did not end within 30 s");
    each.sort();
    let median = each[CALLS / 2];
    println!(
        "stub call: median {median:?}, fastest {:?}, slowest {:?} over {CALLS} calls",
        each[0],
        each[CALLS - 1]
    );
    assert!(
        median < MEDIAN_BOUND,
        "a call to the stub takes {median:?} on median (bound {MEDIAN_BOUND:?}): {each:?}"
    );
    assert_eq!(stub.requests().len(), CALLS + 1);
    assert!(stub.requests().iter().all(|r| r.rejected.is_none()));
}
