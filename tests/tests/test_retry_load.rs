//! 1,000 concurrent sends through one client: all succeed against the
//! signature-checking stub, and memory stays bounded.
//!
//! A binary of its own, so that the resident-memory figures are this test's alone.

use awsjson::stub::{StubResponse, StubServer};
use awsjson::{Client, Credentials};
use awsjson_examples::partner_central::*;
use awsjson_tests::fault::{Action, FaultServer, Reply};

const TARGET: &str = "AWSPartnerCentralSelling.CreateResourceSnapshotJob";
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

fn client(url: &str, creds: Credentials) -> Client {
    Client::builder()
        .region("us-east-1")
        .credentials(creds)
        .endpoint_url(url)
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

    // Leak check: the stub logs every request, so this part uses the fault server,
    // whose log is cleared between waves. Resident memory levels off once the pool
    // and the allocator have warmed up; what a call leaked would add up per wave.
    let server = FaultServer::start(
        vec![],
        Action::Respond(Reply::json(200, r#"{"Id":"job-1"}"#)),
    )
    .await
    .unwrap();
    let client = client(server.url(), creds);
    let mut rss = Vec::new();
    for w in 0..6 {
        wave(&client, w).await;
        server.clear();
        rss.push(memory_kib().0);
    }
    let (_, peak) = memory_kib();
    eprintln!("rss KiB: base {base}, after each leak-check wave {rss:?}, peak {peak}");
    let growth = rss[5].saturating_sub(rss[3]);
    assert!(
        growth < 8 * 1024,
        "resident memory grew {growth} KiB over 2,000 calls after warm-up: {rss:?}"
    );
    assert!(peak - base < 160 * 1024, "peak grew {} KiB", peak - base);
}
