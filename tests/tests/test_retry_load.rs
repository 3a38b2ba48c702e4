//! 1,000 concurrent sends through one client: all succeed against the
//! signature-checking stub, and memory stays bounded.
//!
//! A binary of its own, so that the resident-memory figures are this test's alone.

use awsjson::stub::{StubResponse, StubServer};
use awsjson::{Client, Credentials};
use awsjson_examples::partner_central::*;
use awsjson_tests::server::{Action, Reply, Server};

const TARGET: &str = "AWSPartnerCentralSelling.CreateResourceSnapshotJob";

/// Counts live heap bytes: unlike resident memory, which depends on how the allocator
/// fragments under the machine's load, this shows a leak exactly.
struct Counting;

static LIVE: std::sync::atomic::AtomicIsize = std::sync::atomic::AtomicIsize::new(0);

// SAFETY: delegates to the system allocator; only adds bookkeeping.
#[allow(unsafe_code)]
unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, std::sync::atomic::Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { std::alloc::System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        LIVE.fetch_sub(layout.size() as isize, std::sync::atomic::Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(
            new_size as isize - layout.size() as isize,
            std::sync::atomic::Ordering::Relaxed,
        );
        // SAFETY: same contract as the caller's.
        unsafe { std::alloc::System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn live_kib() -> isize {
    LIVE.load(std::sync::atomic::Ordering::Relaxed) / 1024
}
const CONCURRENT: usize = 1000;

/// Resident and peak resident memory of this process, in KiB (Linux).
fn memory_kib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap()
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Sends `CONCURRENT` calls at once and checks every one succeeded.
async fn wave(client: &Client, wave: usize) {
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..CONCURRENT {
        let client = client.clone();
        tasks.spawn(async move {
            CreateResourceSnapshotJob {
                catalog: "Sandbox".into(),
                engagement_identifier: format!("eng-{wave}-{i}"),
                resource_identifier: "O1234567".into(),
                resource_snapshot_template_identifier: "AWSOpportunitySummary".into(),
                resource_type: ResourceType::Opportunity,
                client_token: None,
                tags: None,
            }
            .send(&client)
            .await
        });
    }
    let mut ok = 0;
    while let Some(result) = tasks.join_next().await {
        let out = result
            .unwrap()
            .unwrap_or_else(|e| panic!("wave {wave}: {e}"));
        assert_eq!(out.id.as_deref(), Some("job-1"));
        ok += 1;
    }
    assert_eq!(ok, CONCURRENT);
}

async fn one_call(client: &Client, round: usize, i: usize) {
    let out = CreateResourceSnapshotJob {
        catalog: "Sandbox".into(),
        engagement_identifier: format!("eng-{round}-{i}"),
        resource_identifier: "O1234567".into(),
        resource_snapshot_template_identifier: "AWSOpportunitySummary".into(),
        resource_type: ResourceType::Opportunity,
        client_token: None,
        tags: None,
    }
    .send(client)
    .await
    .unwrap();
    assert_eq!(out.id.as_deref(), Some("job-1"));
}

fn client(url: &str, creds: Credentials) -> Client {
    // A call that never ends (a server that stopped accepting) fails after a minute
    // instead of hanging the suite; no call comes near it otherwise.
    Client::builder()
        .region("us-east-1")
        .credentials(creds)
        .endpoint_url(url)
        .operation_timeout(std::time::Duration::from_secs(60))
        .build()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_concurrent_sends_succeed_in_bounded_memory() {
    let (base, _) = memory_kib();

    // Against the stub: every request's signature is verified.
    let creds = Credentials::new("AKIDLOAD", "load-secret", None);
    let stub = StubServer::builder()
        .credentials(creds.clone())
        .on(TARGET, |_| StubResponse::json(r#"{"Id":"job-1"}"#))
        .start()
        .await
        .unwrap();
    let stub_client = client(stub.url(), creds.clone());
    for w in 0..2 {
        wave(&stub_client, w).await;
    }
    let requests = stub.requests();
    assert_eq!(requests.len(), 2 * CONCURRENT);
    assert!(requests.iter().all(|r| r.rejected.is_none()));
    drop((requests, stub, stub_client));
    let (_, peak) = memory_kib();
    // 1,000 requests in flight (connections, buffers and tasks on both sides) fit in
    // a few tens of MiB.
    assert!(
        peak - base < 128 * 1024,
        "peak grew {} KiB over {base}",
        peak - base
    );

    // Leak check: the stub logs every request, so this part uses the test server (awsjson_tests::server),
    // whose log is cleared as it goes. With calls one at a time the pool holds one
    // connection, so live heap bytes are steady unless a call leaks.
    let server = Server::start(
        vec![],
        Action::Respond(Reply::json(200, r#"{"Id":"job-1"}"#)),
    )
    .await
    .unwrap();
    let client = client(server.url(), creds);
    let mut live = Vec::new();
    for round in 0..5 {
        for i in 0..400 {
            one_call(&client, round, i).await;
        }
        server.clear();
        live.push(live_kib());
    }
    let (_, peak) = memory_kib();
    eprintln!(
        "live heap KiB after each 400 sequential calls {live:?}; base rss {base}, peak {peak}"
    );
    // The first rounds still hold what the concurrent phase's tasks release late.
    let growth = live[4] - live[2];
    // 800 calls: a leak of even 200 bytes a call would show as 156 KiB.
    assert!(
        growth < 100,
        "live heap grew {growth} KiB over 800 calls after warm-up: {live:?}"
    );
    assert!(peak - base < 160 * 1024, "peak grew {} KiB", peak - base);
}
