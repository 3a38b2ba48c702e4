//! What the client needs to know about a service: emitted by the macro per operation.

/// The awsJson protocol version of a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
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
/// Code that needs one of its own (a test of endpoint resolution) makes it with
/// [`ServiceMeta::new`].
#[derive(Debug, Clone, Copy, Eq)]
#[non_exhaustive]
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
    /// Endpoints that differ from what `hostname` gives, by partition and variant;
    /// empty for most services.
    pub endpoints: &'static [EndpointVariant],
    /// The service's endpoint rule set (`endpoint-rule-set-1.json`, minified), from the
    /// catalog. When set, it alone decides endpoints, as in the official SDKs, and
    /// `hostname` and `endpoints` serve only [`ServiceMeta::default_endpoint`] of a
    /// client-less caller; `None` for a service declared outside the catalog.
    pub endpoint_rules: Option<&'static str>,
}

/// An endpoint of a service that the patterns derived from [`ServiceMeta::hostname`]
/// do not give: a partition's own hostname, a FIPS or dual-stack variant that breaks
/// the `{prefix}-fips` / `{dualStackDnsSuffix}` convention, or a global endpoint.
///
/// Generated from the service's endpoint rules with the rest of its metadata; made by
/// hand with [`EndpointVariant::new`] and its `with_` methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct EndpointVariant {
    /// The partition id: `aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, `aws-iso-b`,
    /// `aws-iso-e`, `aws-iso-f` or `aws-eusc`.
    pub partition: &'static str,
    /// Whether this is the FIPS variant.
    pub fips: bool,
    /// Whether this is the dual-stack variant.
    pub dual_stack: bool,
    /// `None` for the partition's default; a region name for an endpoint of that
    /// region only.
    pub region: Option<&'static str>,
    /// The hostname pattern, as in [`ServiceMeta::hostname`] (a leading `https://`
    /// is allowed).
    pub hostname: &'static str,
    /// The region requests to this endpoint are signed for, when it is not the
    /// client's region (`us-east-1` for most global endpoints).
    pub signing_region: Option<&'static str>,
    /// The signing name requests to this endpoint use, when it is not the service's
    /// [`ServiceMeta::signing_name`].
    pub signing_name: Option<&'static str>,
}

impl PartialEq for ServiceMeta {
    fn eq(&self, other: &Self) -> bool {
        let ServiceMeta {
            target_prefix,
            json_version,
            signing_name,
            endpoint_prefix,
            service_id,
            hostname,
            endpoints,
            endpoint_rules,
        } = self;
        // A client compares its service on every call (its target cache); the rule set
        // is up to 60 KB, and the same service's is the same static text.
        let same_rules = match (endpoint_rules, other.endpoint_rules) {
            (Some(a), Some(b)) => std::ptr::eq(*a, b) || *a == b,
            (a, b) => a.is_none() && b.is_none(),
        };
        *target_prefix == other.target_prefix
            && *json_version == other.json_version
            && *signing_name == other.signing_name
            && *endpoint_prefix == other.endpoint_prefix
            && *service_id == other.service_id
            && *hostname == other.hostname
            && *endpoints == other.endpoints
            && same_rules
    }
}

impl EndpointVariant {
    /// Every field, in order: for generated code only (see [`ServiceMeta::__new`]).
    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    pub const fn __new(
        partition: &'static str,
        fips: bool,
        dual_stack: bool,
        region: Option<&'static str>,
        hostname: &'static str,
        signing_region: Option<&'static str>,
        signing_name: Option<&'static str>,
    ) -> Self {
        EndpointVariant {
            partition,
            fips,
            dual_stack,
            region,
            hostname,
            signing_region,
            signing_name,
        }
    }

    /// The partition's default endpoint (every region, neither FIPS nor dual-stack) at
    /// `hostname`; the `with_` methods narrow it.
    pub const fn new(partition: &'static str, hostname: &'static str) -> Self {
        EndpointVariant {
            partition,
            fips: false,
            dual_stack: false,
            region: None,
            hostname,
            signing_region: None,
            signing_name: None,
        }
    }

    /// Marks it the FIPS variant.
    #[must_use]
    pub const fn with_fips(mut self, fips: bool) -> Self {
        self.fips = fips;
        self
    }

    /// Marks it the dual-stack variant.
    #[must_use]
    pub const fn with_dual_stack(mut self, dual_stack: bool) -> Self {
        self.dual_stack = dual_stack;
        self
    }

    /// Limits it to one region.
    #[must_use]
    pub const fn with_region(mut self, region: &'static str) -> Self {
        self.region = Some(region);
        self
    }

    /// Signs requests to it for this region.
    #[must_use]
    pub const fn with_signing_region(mut self, region: &'static str) -> Self {
        self.signing_region = Some(region);
        self
    }

    /// Signs requests to it with this signing name.
    #[must_use]
    pub const fn with_signing_name(mut self, name: &'static str) -> Self {
        self.signing_name = Some(name);
        self
    }
}

impl ServiceMeta {
    /// A service's metadata, without [`endpoints`](Self::endpoints) beyond what
    /// `hostname` gives (add them with [`with_endpoints`](Self::with_endpoints)).
    ///
    /// ```
    /// use awsjson::{EndpointVariant, JsonVersion, ServiceMeta};
    ///
    /// const KMS: ServiceMeta = ServiceMeta::new(
    ///     "TrentService",
    ///     JsonVersion::V1_1,
    ///     "kms",
    ///     "kms",
    ///     "KMS",
    ///     "kms.{region}.{dnsSuffix}",
    /// )
    /// .with_endpoints(&[EndpointVariant::new("aws", "kms-fips.{region}.amazonaws.com")
    ///     .with_fips(true)]);
    /// assert_eq!(KMS.default_endpoint("eu-west-1"), "https://kms.eu-west-1.amazonaws.com");
    /// ```
    pub const fn new(
        target_prefix: &'static str,
        json_version: JsonVersion,
        signing_name: &'static str,
        endpoint_prefix: &'static str,
        service_id: &'static str,
        hostname: &'static str,
    ) -> Self {
        ServiceMeta {
            target_prefix,
            json_version,
            signing_name,
            endpoint_prefix,
            service_id,
            hostname,
            endpoints: &[],
            endpoint_rules: None,
        }
    }

    /// The same service with these endpoints.
    #[must_use]
    pub const fn with_endpoints(mut self, endpoints: &'static [EndpointVariant]) -> Self {
        self.endpoints = endpoints;
        self
    }

    /// Every field, in order: for generated code only, which changes with this
    /// signature in lockstep (the macros crate is pinned to this version).
    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    pub const fn __new(
        target_prefix: &'static str,
        json_version: JsonVersion,
        signing_name: &'static str,
        endpoint_prefix: &'static str,
        service_id: &'static str,
        hostname: &'static str,
        endpoints: &'static [EndpointVariant],
        endpoint_rules: Option<&'static str>,
    ) -> Self {
        ServiceMeta {
            target_prefix,
            json_version,
            signing_name,
            endpoint_prefix,
            service_id,
            hostname,
            endpoints,
            endpoint_rules,
        }
    }

    /// The name of the environment variable that overrides this service's endpoint:
    /// `AWS_ENDPOINT_URL_` and the service id with spaces (and dashes) as `_`, in
    /// upper case (`AWS_ENDPOINT_URL_CLOUDWATCH_LOGS`).
    pub fn endpoint_url_env_var(&self) -> String {
        format!(
            "AWS_ENDPOINT_URL_{}",
            self.service_key().to_ascii_uppercase()
        )
    }

    /// The key of this service in a config file's `[services name]` section: the
    /// service id with spaces (and dashes) as `_`, in lower case (`cloudwatch_logs`).
    pub fn config_key(&self) -> String {
        self.service_key().to_ascii_lowercase()
    }

    fn service_key(&self) -> String {
        self.service_id
            .trim()
            .chars()
            .map(|c| if c == ' ' || c == '-' { '_' } else { c })
            .collect()
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
        endpoints: &[],
        endpoint_rules: None,
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
    fn equal_rule_sets_are_equal_wherever_they_are_stored() {
        // The same text at another address, as two crates' statics would be.
        let copy: &'static str =
            Box::leak(String::from(r#"{"parameters":{},"rules":[]}"#).into_boxed_str());
        let a = ServiceMeta {
            endpoint_rules: Some(r#"{"parameters":{},"rules":[]}"#),
            ..PARTNER
        };
        assert_eq!(a, a);
        assert_eq!(
            a,
            ServiceMeta {
                endpoint_rules: Some(copy),
                ..PARTNER
            }
        );
        assert_ne!(a, PARTNER);
        assert_ne!(
            a,
            ServiceMeta {
                endpoint_rules: Some("{}"),
                ..PARTNER
            }
        );
    }

    #[test]
    fn default_endpoints_follow_the_rules_when_there_are_some() {
        let rules = r#"{"parameters":{"Region":{"type":"String"}},"rules":[{"conditions":[],
            "type":"endpoint","endpoint":{"url":"https://special.{Region}.example"}}]}"#;
        let svc = ServiceMeta {
            endpoint_rules: Some(rules),
            ..PARTNER
        };
        assert_eq!(
            svc.default_endpoint("us-east-1"),
            "https://special.us-east-1.example"
        );
    }

    #[test]
    fn endpoint_env_var_names() {
        assert_eq!(
            PARTNER.endpoint_url_env_var(),
            "AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING"
        );
        assert_eq!(PARTNER.config_key(), "partnercentral_selling");
        let logs = ServiceMeta {
            service_id: "CloudWatch Logs",
            ..PARTNER
        };
        assert_eq!(
            logs.endpoint_url_env_var(),
            "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"
        );
        assert_eq!(logs.config_key(), "cloudwatch_logs");
    }
}
