//! Declarations in a crate that depends on awsjson as `aws` (a renamed dependency):
//! `crate = "aws"` (or `"::aws"`) points the generated code there. This crate has no
//! `awsjson` dependency, so any generated path the option misses fails its build.

use aws::{aws_json_operation, aws_json_shape};

/// DynamoDB `DescribeTable`: an operation with an output, an error and a nested shape.
#[aws_json_operation(
    target = "DynamoDB_20120810.DescribeTable",
    output = DescribeTableOutput,
    errors(ResourceNotFoundException),
    crate = "::aws"
)]
#[derive(Debug)]
pub struct DescribeTable {
    /// The table.
    pub table_name: String,
}

/// The table's description.
#[aws_json_shape(crate = "aws")]
#[derive(Debug)]
pub struct DescribeTableOutput {
    /// The table.
    pub table: Option<TableDescription>,
}

/// Part of a table's description.
#[aws_json_shape(crate = "aws")]
#[derive(Debug)]
pub struct TableDescription {
    /// Its name.
    pub table_name: Option<String>,
    /// Its status: a string enum.
    pub table_status: Option<TableStatus>,
    /// Its size in bytes.
    pub table_size_bytes: Option<i64>,
    /// When it was made: a timestamp.
    pub creation_date_time: Option<aws::DateTime>,
}

/// A string enum.
#[aws_json_shape(crate = "aws")]
#[derive(Debug, PartialEq)]
pub enum TableStatus {
    /// `ACTIVE`.
    Active,
    /// `CREATING`.
    Creating,
}

/// A modeled error.
#[aws_json_shape(crate = "aws")]
#[derive(Debug)]
pub struct ResourceNotFoundException {
    /// What the service said.
    pub message: Option<String>,
}

/// Secrets Manager `ListSecrets`: idempotency-free, paginated, with a union.
#[aws_json_operation(
    target = "secretsmanager.ListSecrets",
    output = ListSecretsResponse,
    paginate(input_token = next_token, output_token = next_token, page_size = max_results,
             items = secret_list: SecretListEntry),
    crate = "aws"
)]
#[derive(Debug, Default, Clone)]
pub struct ListSecrets {
    /// Page size.
    pub max_results: Option<i32>,
    /// The page to fetch.
    pub next_token: Option<String>,
}

/// One page.
#[aws_json_shape(crate = "aws")]
#[derive(Debug)]
pub struct ListSecretsResponse {
    /// The secrets.
    pub secret_list: Option<Vec<SecretListEntry>>,
    /// The next page.
    pub next_token: Option<String>,
}

/// One secret.
#[aws_json_shape(crate = "aws")]
#[derive(Debug)]
pub struct SecretListEntry {
    /// Its name.
    pub name: Option<String>,
}

/// Secrets Manager `CreateSecret`: an idempotency token and a sensitive member.
#[aws_json_operation(target = "secretsmanager.CreateSecret", crate = "aws")]
#[derive(Debug)]
pub struct CreateSecret {
    /// The name.
    pub name: String,
    /// Filled by awsjson when `None`.
    #[idempotency]
    pub client_request_token: Option<String>,
    /// The secret.
    pub secret_string: Option<String>,
}

/// A union and an int enum, the other kinds of shape.
#[aws_json_shape(crate = "aws")]
#[derive(Debug, PartialEq)]
pub enum Value {
    /// A string member.
    S(String),
    /// A number member.
    N(f64),
}

/// An int enum.
#[aws_json_shape(crate = "aws")]
#[derive(Debug, PartialEq)]
pub enum Level {
    /// 1.
    Low = 1,
    /// 2.
    High = 2,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client() -> aws::Client {
        aws::Client::builder()
            .region("us-east-1")
            .credentials(aws::Credentials::new("AKID", "SECRET", None))
            .build()
            .unwrap()
    }

    #[tokio::test]
    async fn requests_are_built_through_the_renamed_crate() {
        let request = client()
            .build_request(&DescribeTable {
                table_name: "t".into(),
            })
            .await
            .unwrap();
        assert_eq!(
            request.header("x-amz-target"),
            Some("DynamoDB_20120810.DescribeTable")
        );
        assert_eq!(request.body, br#"{"TableName":"t"}"#);

        let create = CreateSecret {
            name: "n".into(),
            client_request_token: None,
            secret_string: Some("hunter2".into()),
        };
        assert!(!format!("{create:?}").contains("hunter2"));
        let request = client().build_request(&create).await.unwrap();
        let body = String::from_utf8(request.body).unwrap();
        assert!(body.contains("\"ClientRequestToken\":\""), "{body}");

        let _pages = ListSecrets::default().pages(&client());
    }
}
