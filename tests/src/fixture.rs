//! The call most tests send: Partner Central's `CreateResourceSnapshotJob`, the
//! design's seed operation (declared in `awsjson-examples`), with valid members.

use awsjson::Credentials;
use awsjson_examples::partner_central::{CreateResourceSnapshotJob, ResourceType};

/// The `X-Amz-Target` of [`job`].
pub const TARGET: &str = "AWSPartnerCentralSelling.CreateResourceSnapshotJob";

/// A valid job: no client token (the client fills one in), no tags. Tests that need
/// them set them with struct update syntax (`CreateResourceSnapshotJob { tags, ..job() }`).
pub fn job() -> CreateResourceSnapshotJob {
    CreateResourceSnapshotJob {
        catalog: "Sandbox".into(),
        engagement_identifier: "eng-abcdefghij1234".into(),
        resource_identifier: "O1234567".into(),
        resource_snapshot_template_identifier: "AWSOpportunitySummary".into(),
        resource_type: ResourceType::Opportunity,
        client_token: None,
        tags: None,
    }
}

/// [`job`] with the caller's own idempotency token.
pub fn job_with_token(token: &str) -> CreateResourceSnapshotJob {
    CreateResourceSnapshotJob {
        client_token: Some(token.to_owned()),
        ..job()
    }
}

/// Static credentials for a loopback server (the stub accepts what it is given).
pub fn credentials() -> Credentials {
    Credentials::new("AKIDTEST", "test-secret-key", None)
}
