//! Endpoint resolution: every partition with and without FIPS and dual-stack, equal to
//! the URLs the services' official endpoint rules give (botocore's
//! `endpoint-rule-set-1.json` evaluated with the SDKs' `partitions.json`), and the
//! configured-endpoint settings in their official order.

use awsjson::{Client, ServiceMeta};
use awsjson_tests::env::{base_vars, env_of};
use awsjson_tests::temp_dir::TempDir;

// The services' metadata comes from the catalog through a declared operation, so the
// expected URLs below check the generated entries (DynamoDB's FIPS GovCloud hostname,
// Secrets Manager's dual-stack hosts on the IPv4 suffix), not a hand-typed copy.

#[awsjson::aws_json_operation(target = "TrentService.ListKeys")]
struct ListKeys {}

#[awsjson::aws_json_operation(target = "secretsmanager.ListSecrets")]
struct ListSecrets {}

fn kms() -> &'static ServiceMeta {
    <ListKeys as awsjson::Operation>::SERVICE
}

fn secrets_manager() -> &'static ServiceMeta {
    <ListSecrets as awsjson::Operation>::SERVICE
}

fn client(region: &str, fips: bool, dual_stack: bool) -> Client {
    Client::builder()
        .region(region)
        .credentials(awsjson::Credentials::new("AKID", "S", None))
        .use_fips(fips)
        .use_dual_stack(dual_stack)
        .build()
        .unwrap()
}

/// `[plain, FIPS, dual-stack, FIPS + dual-stack]` for each region.
fn check(service: &ServiceMeta, table: &[(&str, [&str; 4])]) {
    for (region, urls) in table {
        for (i, want) in urls.iter().enumerate() {
            let (fips, ds) = (i & 1 == 1, i & 2 == 2);
            let got = client(region, fips, ds).endpoint(service).unwrap();
            assert_eq!(
                &got, want,
                "{} in {region}, fips {fips}, dual-stack {ds}",
                service.service_id
            );
        }
    }
}

#[test]
fn kms_in_every_partition() {
    check(
        kms(),
        &[
            (
                "us-east-1",
                [
                    "https://kms.us-east-1.amazonaws.com",
                    "https://kms-fips.us-east-1.amazonaws.com",
                    "https://kms.us-east-1.api.aws",
                    "https://kms-fips.us-east-1.api.aws",
                ],
            ),
            (
                "cn-north-1",
                [
                    "https://kms.cn-north-1.amazonaws.com.cn",
                    "https://kms-fips.cn-north-1.amazonaws.com.cn",
                    "https://kms.cn-north-1.api.amazonwebservices.com.cn",
                    "https://kms-fips.cn-north-1.api.amazonwebservices.com.cn",
                ],
            ),
            (
                "us-gov-west-1",
                [
                    "https://kms.us-gov-west-1.amazonaws.com",
                    "https://kms-fips.us-gov-west-1.amazonaws.com",
                    "https://kms.us-gov-west-1.api.aws",
                    "https://kms-fips.us-gov-west-1.api.aws",
                ],
            ),
            (
                "us-iso-east-1",
                [
                    "https://kms.us-iso-east-1.c2s.ic.gov",
                    "https://kms-fips.us-iso-east-1.c2s.ic.gov",
                    "https://kms.us-iso-east-1.api.aws.ic.gov",
                    "https://kms-fips.us-iso-east-1.api.aws.ic.gov",
                ],
            ),
            (
                "us-isob-east-1",
                [
                    "https://kms.us-isob-east-1.sc2s.sgov.gov",
                    "https://kms-fips.us-isob-east-1.sc2s.sgov.gov",
                    "https://kms.us-isob-east-1.api.aws.scloud",
                    "https://kms-fips.us-isob-east-1.api.aws.scloud",
                ],
            ),
            (
                "eu-isoe-west-1",
                [
                    "https://kms.eu-isoe-west-1.cloud.adc-e.uk",
                    "https://kms-fips.eu-isoe-west-1.cloud.adc-e.uk",
                    "https://kms.eu-isoe-west-1.api.cloud-aws.adc-e.uk",
                    "https://kms-fips.eu-isoe-west-1.api.cloud-aws.adc-e.uk",
                ],
            ),
            (
                "us-isof-south-1",
                [
                    "https://kms.us-isof-south-1.csp.hci.ic.gov",
                    "https://kms-fips.us-isof-south-1.csp.hci.ic.gov",
                    "https://kms.us-isof-south-1.api.aws.hci.ic.gov",
                    "https://kms-fips.us-isof-south-1.api.aws.hci.ic.gov",
                ],
            ),
            (
                "eusc-de-east-1",
                [
                    "https://kms.eusc-de-east-1.amazonaws.eu",
                    "https://kms-fips.eusc-de-east-1.amazonaws.eu",
                    "https://kms.eusc-de-east-1.api.amazonwebservices.eu",
                    "https://kms-fips.eusc-de-east-1.api.amazonwebservices.eu",
                ],
            ),
        ],
    );
}

#[test]
fn dynamodb_and_its_govcloud_fips_exception() {
    check(
        dynamodb(),
        &[
            (
                "eu-west-1",
                [
                    "https://dynamodb.eu-west-1.amazonaws.com",
                    "https://dynamodb-fips.eu-west-1.amazonaws.com",
                    "https://dynamodb.eu-west-1.api.aws",
                    "https://dynamodb-fips.eu-west-1.api.aws",
                ],
            ),
            (
                "us-gov-east-1",
                [
                    "https://dynamodb.us-gov-east-1.amazonaws.com",
                    "https://dynamodb.us-gov-east-1.amazonaws.com",
                    "https://dynamodb.us-gov-east-1.api.aws",
                    "https://dynamodb-fips.us-gov-east-1.api.aws",
                ],
            ),
            (
                "cn-northwest-1",
                [
                    "https://dynamodb.cn-northwest-1.amazonaws.com.cn",
                    "https://dynamodb-fips.cn-northwest-1.amazonaws.com.cn",
                    "https://dynamodb.cn-northwest-1.api.amazonwebservices.com.cn",
                    "https://dynamodb-fips.cn-northwest-1.api.amazonwebservices.com.cn",
                ],
            ),
            (
                "us-isof-east-1",
                [
                    "https://dynamodb.us-isof-east-1.csp.hci.ic.gov",
                    "https://dynamodb-fips.us-isof-east-1.csp.hci.ic.gov",
                    "https://dynamodb.us-isof-east-1.api.aws.hci.ic.gov",
                    "https://dynamodb-fips.us-isof-east-1.api.aws.hci.ic.gov",
                ],
            ),
        ],
    );
}

#[test]
fn secrets_manager_and_its_dual_stack_exceptions() {
    check(
        secrets_manager(),
        &[
            (
                "us-west-2",
                [
                    "https://secretsmanager.us-west-2.amazonaws.com",
                    "https://secretsmanager-fips.us-west-2.amazonaws.com",
                    "https://secretsmanager.us-west-2.amazonaws.com",
                    "https://secretsmanager-fips.us-west-2.amazonaws.com",
                ],
            ),
            (
                "cn-north-1",
                [
                    "https://secretsmanager.cn-north-1.amazonaws.com.cn",
                    "https://secretsmanager-fips.cn-north-1.amazonaws.com.cn",
                    "https://secretsmanager.cn-north-1.amazonaws.com.cn",
                    "https://secretsmanager-fips.cn-north-1.api.amazonwebservices.com.cn",
                ],
            ),
            (
                "us-gov-west-1",
                [
                    "https://secretsmanager.us-gov-west-1.amazonaws.com",
                    "https://secretsmanager-fips.us-gov-west-1.amazonaws.com",
                    "https://secretsmanager.us-gov-west-1.amazonaws.com",
                    "https://secretsmanager-fips.us-gov-west-1.amazonaws.com",
                ],
            ),
            (
                "us-iso-west-1",
                [
                    "https://secretsmanager.us-iso-west-1.c2s.ic.gov",
                    "https://secretsmanager-fips.us-iso-west-1.c2s.ic.gov",
                    "https://secretsmanager.us-iso-west-1.api.aws.ic.gov",
                    "https://secretsmanager-fips.us-iso-west-1.api.aws.ic.gov",
                ],
            ),
            (
                "eusc-de-east-1",
                [
                    "https://secretsmanager.eusc-de-east-1.amazonaws.eu",
                    "https://secretsmanager-fips.eusc-de-east-1.amazonaws.eu",
                    "https://secretsmanager.eusc-de-east-1.api.amazonwebservices.eu",
                    "https://secretsmanager-fips.eusc-de-east-1.api.amazonwebservices.eu",
                ],
            ),
        ],
    );
}

#[awsjson::aws_json_operation(target = "Logs_20140328.DescribeLogGroups")]
struct DescribeLogGroups {}

#[awsjson::aws_json_operation(target = "DynamoDB_20120810.ListTables")]
struct ListTables {}

fn logs() -> &'static ServiceMeta {
    <DescribeLogGroups as awsjson::Operation>::SERVICE
}

fn dynamodb() -> &'static ServiceMeta {
    <ListTables as awsjson::Operation>::SERVICE
}

fn var(k: &str, v: &str) -> (String, String) {
    (k.to_owned(), v.to_owned())
}

async fn from_env(vars: &[(String, String)]) -> Result<Client, String> {
    awsjson::ClientBuilder::from_env(&env_of(vars))
        .await
        .map_err(|e| e.to_string())?
        .build()
        .map_err(|e| e.to_string())
}

#[tokio::test]
async fn configured_endpoints_in_the_official_order() {
    let home = TempDir::new();
    home.write(
        ".aws/config",
        "[default]\nregion = eu-west-2\nendpoint_url = http://profile-global:1\nservices = dev\n[services dev]\ncloudwatch_logs =\n  endpoint_url = http://profile-logs:2\n",
    );
    let mut vars = base_vars(&home);
    let client = from_env(&vars).await.unwrap();
    assert_eq!(client.endpoint(logs()).unwrap(), "http://profile-logs:2");
    assert_eq!(
        client.endpoint(dynamodb()).unwrap(),
        "http://profile-global:1"
    );

    vars.push(var("AWS_ENDPOINT_URL", "http://env-global:3"));
    let client = from_env(&vars).await.unwrap();
    assert_eq!(client.endpoint(logs()).unwrap(), "http://env-global:3");

    // The service id "CloudWatch Logs" becomes CLOUDWATCH_LOGS.
    vars.push(var("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "http://env-logs:4"));
    let client = from_env(&vars).await.unwrap();
    assert_eq!(client.endpoint(logs()).unwrap(), "http://env-logs:4");
    assert_eq!(client.endpoint(dynamodb()).unwrap(), "http://env-global:3");

    // Code beats everything configured.
    let client = awsjson::ClientBuilder::from_env(&env_of(&vars))
        .await
        .unwrap()
        .endpoint_url("http://code:5")
        .build()
        .unwrap();
    assert_eq!(client.endpoint(logs()).unwrap(), "http://code:5");

    // Ignoring configured URLs leaves the defaults (and code's).
    vars.push(var("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));
    let client = from_env(&vars).await.unwrap();
    assert_eq!(
        client.endpoint(logs()).unwrap(),
        "https://logs.eu-west-2.amazonaws.com"
    );
}

#[tokio::test]
async fn ignore_setting_in_the_profile() {
    let home = TempDir::new();
    home.write(
        ".aws/config",
        "[default]\nregion = eu-west-2\nendpoint_url = http://profile:1\nignore_configured_endpoint_urls = true\n",
    );
    let client = from_env(&base_vars(&home)).await.unwrap();
    assert_eq!(
        client.endpoint(dynamodb()).unwrap(),
        "https://dynamodb.eu-west-2.amazonaws.com"
    );
}

#[tokio::test]
async fn fips_and_dual_stack_from_env_and_profile() {
    let home = TempDir::new();
    home.write(
        ".aws/config",
        "[default]\nregion = us-gov-west-1\nuse_dualstack_endpoint = true\n[profile plain]\nregion = cn-north-1\n",
    );
    let mut vars = base_vars(&home);
    let client = from_env(&vars).await.unwrap();
    assert_eq!(
        client.endpoint(logs()).unwrap(),
        "https://logs.us-gov-west-1.api.aws"
    );
    vars.push(var("AWS_USE_FIPS_ENDPOINT", "true"));
    let client = from_env(&vars).await.unwrap();
    assert_eq!(
        client.endpoint(logs()).unwrap(),
        "https://logs-fips.us-gov-west-1.api.aws"
    );
    // The environment wins over the profile. CloudWatch Logs' endpoint rules (from the
    // catalog) make its FIPS endpoint in us-gov-west-1 the plain regional host.
    vars.push(var("AWS_USE_DUALSTACK_ENDPOINT", "false"));
    let client = from_env(&vars).await.unwrap();
    assert_eq!(
        client.endpoint(logs()).unwrap(),
        "https://logs.us-gov-west-1.amazonaws.com"
    );
    vars.push(var("AWS_PROFILE", "plain"));
    vars.push(var("AWS_USE_FIPS_ENDPOINT", "false"));
    vars.retain(|(k, v)| !(k == "AWS_USE_FIPS_ENDPOINT" && v == "true"));
    let client = from_env(&vars).await.unwrap();
    assert_eq!(
        client.endpoint(dynamodb()).unwrap(),
        "https://dynamodb.cn-north-1.amazonaws.com.cn"
    );

    // FIPS with a custom endpoint is a configuration error, in the official rules' words.
    vars.retain(|(k, _)| k != "AWS_USE_FIPS_ENDPOINT");
    vars.push(var("AWS_USE_FIPS_ENDPOINT", "true"));
    vars.push(var("AWS_ENDPOINT_URL", "http://127.0.0.1:1"));
    let client = from_env(&vars).await.unwrap();
    let err = client.endpoint(dynamodb()).unwrap_err().to_string();
    assert!(
        err.contains("Invalid Configuration: FIPS and custom endpoint are not supported"),
        "{err}"
    );
}

#[test]
fn invalid_region_is_an_error() {
    let err = client("us east 1", false, false)
        .endpoint(kms())
        .unwrap_err()
        .to_string();
    assert!(err.contains("not a valid region name"), "{err}");
}
