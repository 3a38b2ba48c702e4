//! Service metadata by `X-Amz-Target` prefix: the one place the macro learns a
//! service's protocol version, signing name and endpoint.
//!
//! Seeded by hand for the services awsjson's own tests and examples use; a
//! declaration for any other service gives the metadata as attribute keys.

pub(crate) struct ServiceInfo {
    pub(crate) target_prefix: &'static str,
    /// `"1.0"` or `"1.1"`.
    pub(crate) json_version: &'static str,
    pub(crate) signing_name: &'static str,
    pub(crate) endpoint_prefix: &'static str,
    pub(crate) service_id: &'static str,
    pub(crate) hostname: &'static str,
}

const fn service(
    target_prefix: &'static str,
    json_version: &'static str,
    signing_name: &'static str,
    service_id: &'static str,
    hostname: &'static str,
) -> ServiceInfo {
    ServiceInfo {
        target_prefix,
        json_version,
        signing_name,
        endpoint_prefix: signing_name,
        service_id,
        hostname,
    }
}

const SERVICES: &[ServiceInfo] = &[
    // From partnercentral-selling 2022-07-26 (botocore 1.44.8): the endpoint is on api.aws.
    service(
        "AWSPartnerCentralSelling",
        "1.0",
        "partnercentral-selling",
        "PartnerCentral Selling",
        "partnercentral-selling.{region}.{dualStackDnsSuffix}",
    ),
    service(
        "DynamoDB_20120810",
        "1.0",
        "dynamodb",
        "DynamoDB",
        "dynamodb.{region}.{dnsSuffix}",
    ),
    service(
        "TrentService",
        "1.1",
        "kms",
        "KMS",
        "kms.{region}.{dnsSuffix}",
    ),
    service(
        "secretsmanager",
        "1.1",
        "secretsmanager",
        "Secrets Manager",
        "secretsmanager.{region}.{dnsSuffix}",
    ),
    service("AmazonSSM", "1.1", "ssm", "SSM", "ssm.{region}.{dnsSuffix}"),
    service(
        "Logs_20140328",
        "1.1",
        "logs",
        "CloudWatch Logs",
        "logs.{region}.{dnsSuffix}",
    ),
    service(
        "Kinesis_20131202",
        "1.1",
        "kinesis",
        "Kinesis",
        "kinesis.{region}.{dnsSuffix}",
    ),
    service("AmazonSQS", "1.0", "sqs", "SQS", "sqs.{region}.{dnsSuffix}"),
    service(
        "AWSStepFunctions",
        "1.0",
        "states",
        "SFN",
        "states.{region}.{dnsSuffix}",
    ),
    ServiceInfo {
        target_prefix: "AmazonEC2ContainerRegistry_V20150921",
        json_version: "1.1",
        signing_name: "ecr",
        endpoint_prefix: "api.ecr",
        service_id: "ECR",
        hostname: "api.ecr.{region}.{dnsSuffix}",
    },
];

pub(crate) fn lookup(target_prefix: &str) -> Option<&'static ServiceInfo> {
    SERVICES.iter().find(|s| s.target_prefix == target_prefix)
}

pub(crate) fn known_prefixes() -> impl Iterator<Item = &'static str> {
    SERVICES.iter().map(|s| s.target_prefix)
}
