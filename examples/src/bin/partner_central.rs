//! Runs Partner Central Selling's `CreateResourceSnapshotJob` end to end.
//!
//! With no `AWS_ENDPOINT_URL` and no `AWS_ACCESS_KEY_ID` in the environment it starts
//! awsjson's local stub endpoint, which verifies the SigV4 signature of what it
//! receives; otherwise it calls the endpoint the environment names.
//!
//! ```text
//! cargo run -p awsjson-examples --bin partner_central
//! ```

use awsjson::stub::{StubResponse, StubServer};
use awsjson::{Client, Credentials};
use awsjson_examples::partner_central::{
    CreateResourceSnapshotJob, CreateResourceSnapshotJobError, ResourceType, Tag,
};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let real = std::env::var_os("AWS_ENDPOINT_URL").is_some()
        || std::env::var_os("AWS_ACCESS_KEY_ID").is_some();
    let (client, stub) = if real {
        println!("using the endpoint and credentials from the environment");
        (Client::from_env().await?, None)
    } else {
        let creds = Credentials::new("AKIDEXAMPLESTUB", "example-secret-key", None);
        let stub = StubServer::builder()
            .credentials(creds.clone())
            .region("us-east-1")
            .signing_name("partnercentral-selling")
            .on("AWSPartnerCentralSelling.CreateResourceSnapshotJob", |req| {
                let token = req.json()["ClientToken"].as_str().unwrap_or_default().to_owned();
                StubResponse::json(format!(
                    r#"{{"Id":"job-0123456789abc","Arn":"arn:aws:partnercentral:us-east-1::catalog/Sandbox/engagement/eng-abcdefghij1234/job-0123456789abc","EchoedToken":"{token}"}}"#
                ))
            })
            .start()
            .await?;
        println!("started the local stub endpoint at {}", stub.url());
        let client = Client::builder()
            .region("us-east-1")
            .credentials(creds)
            .endpoint_url(stub.url())
            .build()?;
        (client, Some(stub))
    };

    let job = CreateResourceSnapshotJob {
        catalog: "Sandbox".into(),
        engagement_identifier: "eng-abcdefghij1234".into(),
        resource_identifier: "O1234567".into(),
        resource_snapshot_template_identifier: "AWSOpportunitySummary".into(),
        resource_type: ResourceType::Opportunity,
        client_token: None,
        tags: Some(vec![Tag {
            key: "team".into(),
            value: "sales".into(),
        }]),
    };
    let result = job.send(&client).await;

    if let Some(stub) = &stub {
        for request in stub.requests() {
            println!("\nrequest the endpoint received:");
            println!("  POST {}", request.path);
            for (name, value) in &request.headers {
                let value = match name.as_str() {
                    "x-amz-security-token" => "** redacted **",
                    _ => value,
                };
                println!("  {name}: {value}");
            }
            println!("  {}", String::from_utf8_lossy(&request.body));
            match &request.rejected {
                None => println!("  signature verified by the stub"),
                Some(why) => println!("  rejected by the stub: {why}"),
            }
        }
    }

    match result {
        Ok(out) => {
            println!("\ndecoded response:\n  {out:#?}");
            Ok(())
        }
        Err(awsjson::Error::Service(err)) => {
            match err.err() {
                CreateResourceSnapshotJobError::ValidationException(v) => {
                    println!("\nthe request is invalid ({:?}): {}", v.reason, v.message);
                }
                other => println!("\nthe service refused: {other}"),
            }
            Err(err.to_string().into())
        }
        Err(err) => Err(err.into()),
    }
}
