//! What the client needs to know about a service: emitted by the macro per operation.

/// The awsJson protocol version of a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JsonVersion {
    /// `application/x-amz-json-1.0`
    V1_0,
    /// `application/x-amz-json-1.1`
    V1_1,
}

impl JsonVersion {
    /// The request's `Content-Type`.
    pub const fn content_type(self) -> &'static str {
        match self {
            JsonVersion::V1_0 => "application/x-amz-json-1.0",
            JsonVersion::V1_1 => "application/x-amz-json-1.1",
        }
    }
}

/// A service's wire and endpoint metadata.
///
/// The macro fills it from the target's prefix; a service outside awsjson's table
/// gives it as attribute keys (`json_version`, `signing_name`, `endpoint_prefix`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceMeta {
    /// The part of `X-Amz-Target` before the dot, such as `DynamoDB_20120810`.
    pub target_prefix: &'static str,
    /// The protocol version.
    pub json_version: JsonVersion,
    /// The SigV4 signing name (service part of the credential scope).
    pub signing_name: &'static str,
    /// The first label of the default hostname.
    pub endpoint_prefix: &'static str,
    /// The service id, as in `AWS_ENDPOINT_URL_<SERVICE_ID>` (spaces become `_`, upper case).
    pub service_id: &'static str,
    /// The default hostname, with `{region}`, `{dnsSuffix}` (such as `amazonaws.com`) and
    /// `{dualStackDnsSuffix}` (such as `api.aws`) filled from the region's partition.
    pub hostname: &'static str,
}

/// The DNS suffixes of the partition a region belongs to.
pub(crate) struct Partition {
    pub(crate) dns_suffix: &'static str,
    pub(crate) dual_stack_dns_suffix: &'static str,
}

// The partition table is the seam the endpoint-resolution issue fills in fully.
pub(crate) fn partition_of(region: &str) -> Partition {
    if region.starts_with("cn-") {
        Partition {
            dns_suffix: "amazonaws.com.cn",
            dual_stack_dns_suffix: "api.amazonwebservices.com.cn",
        }
    } else if region.starts_with("us-iso-") {
        Partition {
            dns_suffix: "c2s.ic.gov",
            dual_stack_dns_suffix: "c2s.ic.gov",
        }
    } else if region.starts_with("us-isob-") {
        Partition {
            dns_suffix: "sc2s.sgov.gov",
            dual_stack_dns_suffix: "sc2s.sgov.gov",
        }
    } else {
        Partition {
            dns_suffix: "amazonaws.com",
            dual_stack_dns_suffix: "api.aws",
        }
    }
}

impl ServiceMeta {
    /// The default `https://` endpoint of this service in `region`.
    pub fn default_endpoint(&self, region: &str) -> String {
        let partition = partition_of(region);
        let host = self
            .hostname
            .replace("{region}", region)
            .replace("{dnsSuffix}", partition.dns_suffix)
            .replace("{dualStackDnsSuffix}", partition.dual_stack_dns_suffix);
        format!("https://{host}")
    }

    /// The name of the environment variable that overrides this service's endpoint.
    pub fn endpoint_url_env_var(&self) -> String {
        let id: String = self
            .service_id
            .chars()
            .map(|c| {
                if c == ' ' || c == '-' {
                    '_'
                } else {
                    c.to_ascii_uppercase()
                }
            })
            .collect();
        format!("AWS_ENDPOINT_URL_{id}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARTNER: ServiceMeta = ServiceMeta {
        target_prefix: "AWSPartnerCentralSelling",
        json_version: JsonVersion::V1_0,
        signing_name: "partnercentral-selling",
        endpoint_prefix: "partnercentral-selling",
        service_id: "PartnerCentral Selling",
        hostname: "partnercentral-selling.{region}.{dualStackDnsSuffix}",
    };

    #[test]
    fn default_endpoints() {
        assert_eq!(
            PARTNER.default_endpoint("us-east-1"),
            "https://partnercentral-selling.us-east-1.api.aws"
        );
        let dynamo = ServiceMeta {
            hostname: "dynamodb.{region}.{dnsSuffix}",
            service_id: "DynamoDB",
            ..PARTNER
        };
        assert_eq!(
            dynamo.default_endpoint("eu-west-1"),
            "https://dynamodb.eu-west-1.amazonaws.com"
        );
        assert_eq!(
            dynamo.default_endpoint("cn-north-1"),
            "https://dynamodb.cn-north-1.amazonaws.com.cn"
        );
    }

    #[test]
    fn endpoint_env_var_names() {
        assert_eq!(
            PARTNER.endpoint_url_env_var(),
            "AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING"
        );
    }
}
