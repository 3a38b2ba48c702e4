//! `crate = "path"` on both macros: the generated code reaches awsjson through a facade
//! module, as a crate that re-exports awsjson would have one. The renamed dependency
//! (`aws = { package = "awsjson" }`) is tested in `tests/renamed`, a crate without
//! `awsjson` in its dependencies.

/// A facade, as a crate that wraps awsjson would have one.
mod facade {
    pub(crate) use ::awsjson as aws;
}

mod through_facade {
    use awsjson::{aws_json_operation, aws_json_shape};

    #[aws_json_operation(
        target = "secretsmanager.ListSecrets",
        output = ListSecretsResponse,
        errors(InvalidNextTokenException),
        paginate(input_token = next_token, output_token = next_token, page_size = max_results,
                 items = secret_list: SecretListEntry),
        crate = "crate::facade::aws",
    )]
    #[derive(Debug, Default, Clone)]
    pub(crate) struct ListSecrets {
        pub(crate) max_results: Option<i32>,
        pub(crate) next_token: Option<String>,
        pub(crate) sort_order: Option<SortOrderType>,
    }

    #[aws_json_shape(crate = "crate::facade::aws")]
    #[derive(Debug, Default)]
    pub(crate) struct ListSecretsResponse {
        pub(crate) secret_list: Option<Vec<SecretListEntry>>,
        pub(crate) next_token: Option<String>,
    }

    #[aws_json_shape(crate = "crate::facade::aws")]
    #[derive(Debug, Clone, PartialEq)]
    pub(crate) struct SecretListEntry {
        #[aws(rename = "ARN")]
        pub(crate) arn: Option<String>,
        pub(crate) name: Option<String>,
        // A user's own `::awsjson` path keeps its meaning.
        pub(crate) last_accessed_date: Option<::awsjson::DateTime>,
    }

    #[aws_json_shape(shape = "secretsmanager#SortOrderType", crate = "crate::facade::aws")]
    #[derive(Debug, Clone, PartialEq)]
    pub(crate) enum SortOrderType {
        Asc,
        Desc,
    }

    #[aws_json_shape(crate = "crate::facade::aws")]
    #[derive(Debug)]
    pub(crate) struct InvalidNextTokenException {
        pub(crate) message: Option<String>,
    }
}

use awsjson::Client;

fn client() -> Client {
    Client::builder()
        .region("us-east-1")
        .credentials(awsjson::Credentials::new("AKID", "SECRET", None))
        .build()
        .unwrap()
}

#[tokio::test]
async fn facade_declarations_build_requests() {
    let op = through_facade::ListSecrets {
        max_results: Some(5),
        sort_order: Some(through_facade::SortOrderType::Asc),
        ..Default::default()
    };
    let request = client().build_request(&op).await.unwrap();
    assert_eq!(
        request.header("x-amz-target"),
        Some("secretsmanager.ListSecrets")
    );
    assert_eq!(request.body, br#"{"MaxResults":5,"SortOrder":"asc"}"#);
    let page: through_facade::ListSecretsResponse = serde_json::from_str(
        r#"{"SecretList":[{"ARN":"arn:1","Name":"a","LastAccessedDate":1700000000}],"NextToken":"t"}"#,
    )
    .unwrap();
    let entry = &page.secret_list.as_ref().unwrap()[0];
    assert_eq!(entry.name.as_deref(), Some("a"));
    assert!(entry.last_accessed_date.is_some());
    // `pages` comes from the paginator, generated through the facade too.
    let _pages = op.pages(&client());
}
