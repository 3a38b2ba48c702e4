//! The adaptive retry mode on a clock the test controls (tokio's paused clock; the
//! mock answers without a socket): no delay before any throttling, then attempts
//! spaced out further and further while a storm of throttling responses lasts, then
//! back to no delay once responses succeed again. Standard mode never delays.

use std::time::Duration;

use awsjson::mock::{Mock, Rule};
use awsjson::{Client, Credentials, RetryMode};
use awsjson_examples::dynamodb::{ListTables, ListTablesOutput};
use tokio::time::Instant;

const WARM: usize = 40;
const STORM: usize = 30;
const CALM: usize = 100;

/// The delay before each call's (single) attempt, as the caller sends one call every
/// 50 ms: 40 successes, a storm of 30 throttling responses, 100 successes.
async fn delays(mode: RetryMode) -> Vec<Duration> {
    let ok = || ListTablesOutput {
        table_names: Some(vec![]),
        last_evaluated_table_name: None,
    };
    let mock = Mock::new();
    mock.add(Rule::<ListTables>::any().output(ok()).times(WARM as u32));
    mock.add(Rule::<ListTables>::any().throttle().times(STORM as u32));
    mock.add(Rule::<ListTables>::any().output(ok()).always());
    let client: Client = mock
        .client_from(
            Client::builder()
                .region("us-east-1")
                .credentials(Credentials::new("AKID", "SECRET", None))
                .retry_mode(mode)
                .max_attempts(1),
        )
        .unwrap();
    let mut delays = Vec::new();
    for i in 0..WARM + STORM + CALM {
        let started = Instant::now();
        let result = ListTables::default().send(&client).await;
        assert_eq!(
            result.is_err(),
            (WARM..WARM + STORM).contains(&i),
            "call {i}"
        );
        delays.push(started.elapsed());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    delays
}

#[tokio::test(start_paused = true)]
async fn adaptive_mode_slows_down_under_a_throttling_storm_and_recovers() {
    let delays = delays(RetryMode::Adaptive).await;
    let (warm, rest) = delays.split_at(WARM);
    let (storm, calm) = rest.split_at(STORM);
    // Before the first throttle the limiter is off.
    assert!(warm.iter().all(Duration::is_zero), "{warm:?}");
    // During the storm the calls are held back, more and more: by its end each waits
    // for the bucket's slowest refill (0.5 tokens/s, so up to 2 s a call).
    let storm_wait: Duration = storm.iter().sum();
    assert!(storm_wait > Duration::from_secs(10), "{storm:?}");
    assert!(storm[STORM - 1] >= Duration::from_secs(1), "{storm:?}");
    assert!(
        storm[1..5].iter().all(|d| *d < storm[STORM - 1]),
        "{storm:?}"
    );
    // Successes raise the rate again until calls go unhindered.
    assert!(calm[0] > Duration::ZERO, "{calm:?}");
    let unhindered = calm.iter().rposition(|d| !d.is_zero()).map_or(0, |i| i + 1);
    assert!(
        unhindered < CALM - 50,
        "still delayed after {unhindered} calls: {calm:?}"
    );
    assert!(calm[CALM - 50..].iter().all(Duration::is_zero), "{calm:?}");
}

#[tokio::test(start_paused = true)]
async fn standard_mode_never_delays() {
    let delays = delays(RetryMode::Standard).await;
    assert!(delays.iter().all(Duration::is_zero), "{delays:?}");
}
