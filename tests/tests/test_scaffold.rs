//! The output of `awsjson-cli scaffold` compiles as is: these modules are its output
//! for operations of five services, kept current by `awsjson-cli`'s own test
//! (`cargo test -p awsjson-cli`; regenerate with `AWSJSON_BLESS=1`).

#![allow(dead_code, missing_docs, clippy::all)]

#[path = "scaffold/dynamodb.rs"]
pub mod dynamodb;
#[path = "scaffold/ecr.rs"]
pub mod ecr;
#[path = "scaffold/kms.rs"]
pub mod kms;
#[path = "scaffold/partnercentral_selling.rs"]
pub mod partnercentral_selling;
#[path = "scaffold/secretsmanager.rs"]
pub mod secretsmanager;

use awsjson::__private::Operation;

#[test]
fn scaffolded_declarations_are_operations() {
    assert_eq!(
        <partnercentral_selling::ListEngagements as Operation>::TARGET,
        "AWSPartnerCentralSelling.ListEngagements"
    );
    assert_eq!(
        <dynamodb::Query as Operation>::SERVICE.signing_name,
        "dynamodb"
    );
    assert_eq!(<kms::Decrypt as Operation>::TARGET, "TrentService.Decrypt");
    assert_eq!(
        <ecr::DescribeRepositories as Operation>::SERVICE.endpoint_prefix,
        "api.ecr"
    );
    assert_eq!(
        <secretsmanager::CreateSecret as Operation>::IDEMPOTENCY_TOKEN,
        Some("ClientRequestToken")
    );
}
