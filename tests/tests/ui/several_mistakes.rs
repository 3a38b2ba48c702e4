use awsjson::aws_json_operation;

// Every mistake here is reported in one compilation.
#[aws_json_operation(target = "AWSPartnerCentralSelling", colour = "blue", rename_all = "Title")]
pub struct CreateResourceSnapshotJob {
    pub catalog: String,
    #[aws(rename = "Catalog")]
    pub catalog_again: String,
    #[idempotency]
    pub client_token: i64,
    #[aws(timestamp = "rfc3339")]
    pub tags: Option<Vec<String>>,
}

fn main() {}
