//! Where a service's requests go: the one place endpoints are resolved.
//!
//! In order, as the official SDKs do: the URL given in code
//! ([`ClientBuilder::endpoint_url`](crate::ClientBuilder::endpoint_url)), then, unless
//! `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` / `ignore_configured_endpoint_urls` is true,
//! `AWS_ENDPOINT_URL_<SERVICE_ID>`, `AWS_ENDPOINT_URL`, the profile's `services`
//! section, the profile's `endpoint_url`; else the service's hostname in the region's
//! partition, in its FIPS and/or dual-stack variant when asked for.

use std::collections::HashMap;
use std::sync::Arc;

mod destination;
pub(crate) mod host_prefix;
pub(crate) mod jmespath;
mod params;
mod partitions;
pub(crate) mod rules;

pub(crate) use destination::{
    Destination, DestinationCache, Origin, endpoint_url, host_header, parse_http_url,
};
pub use params::{EndpointParams, EndpointView, IntoEndpointParam, resolve_endpoint};
pub(crate) use partitions::partition_of;
pub use rules::Param;

use crate::config::ProfileSet;
use crate::service::ServiceMeta;
use rules::RuleSet;

// Here rather than in `service.rs`, so that the service metadata stays plain data
// that endpoint resolution reads, with no edge back.
impl ServiceMeta {
    /// The default `https://` endpoint of this service in `region`, without FIPS or
    /// dual-stack: what its endpoint rules give when it has them, else its hostname in
    /// the region's partition.
    pub fn default_endpoint(&self, region: &str) -> String {
        if self.endpoint_rules.is_some() {
            if let Ok(endpoint) = EndpointConfig::default().resolve(self, region) {
                return endpoint.url;
            }
        }
        default_endpoint(self, region, Variant::default()).url
    }
}

/// FIPS and dual-stack, as `AWS_USE_FIPS_ENDPOINT` / `use_fips_endpoint` and
/// `AWS_USE_DUALSTACK_ENDPOINT` / `use_dualstack_endpoint` ask.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Variant {
    pub(crate) fips: bool,
    pub(crate) dual_stack: bool,
}

/// A resolved endpoint: the URL, and the region to sign for when it is not the
/// client's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ResolvedEndpoint {
    pub(crate) url: String,
    pub(crate) signing_region: Option<String>,
    /// The signing name, when the endpoint overrides the service's.
    pub(crate) signing_name: Option<String>,
}

/// The service's own endpoint in `region`'s partition for `variant`.
pub(crate) fn default_endpoint(
    service: &ServiceMeta,
    region: &str,
    variant: Variant,
) -> ResolvedEndpoint {
    let partition = partition_of(region);
    let find = |region_match: Option<&str>| {
        service.endpoints.iter().find(|e| {
            e.partition == partition.id
                && e.fips == variant.fips
                && e.dual_stack == variant.dual_stack
                && e.region == region_match
        })
    };
    let (pattern, signing_region, signing_name) = match find(Some(region)).or_else(|| find(None)) {
        Some(e) => (
            strip_scheme(e.hostname).to_owned(),
            e.signing_region,
            e.signing_name,
        ),
        None => (derive_hostname(service, variant), None, None),
    };
    let host = pattern
        .replace("{region}", region)
        .replace("{dnsSuffix}", partition.dns_suffix)
        .replace("{dualStackDnsSuffix}", partition.dual_stack_dns_suffix);
    // `aws-global` and its kin are not regions one can sign for: their partition's
    // implicit global region is.
    let signing_region = signing_region.or_else(|| {
        partition
            .regions
            .contains(&region)
            .then_some(partition.implicit_global_region)
    });
    ResolvedEndpoint {
        url: format!("https://{host}"),
        signing_region: signing_region.map(str::to_owned),
        signing_name: signing_name.map(str::to_owned),
    }
}

fn strip_scheme(hostname: &str) -> &str {
    hostname.strip_prefix("https://").unwrap_or(hostname)
}

/// The conventional variant hostnames: `{prefix}-fips.{region}.{dnsSuffix}` and the
/// dual-stack suffix, as the standard endpoint rules of most services give them.
fn derive_hostname(service: &ServiceMeta, variant: Variant) -> String {
    let mut host = strip_scheme(service.hostname).to_owned();
    if variant.fips {
        let prefix = format!("{}.", service.endpoint_prefix);
        host = match host.strip_prefix(&prefix) {
            Some(rest) => format!("{}-fips.{rest}", service.endpoint_prefix),
            None => match host.split_once('.') {
                Some((first, rest)) => format!("{first}-fips.{rest}"),
                None => host,
            },
        };
    }
    if variant.dual_stack {
        host = host.replace("{dnsSuffix}", "{dualStackDnsSuffix}");
    }
    host
}

/// Whether requests go to account-based endpoints (DynamoDB's
/// `https://{account id}.ddb.{region}.amazonaws.com`) when the credentials carry an
/// account id: `AWS_ACCOUNT_ID_ENDPOINT_MODE` / `account_id_endpoint_mode`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AccountIdEndpointMode {
    /// Use them when the credentials carry an account id (the default).
    #[default]
    Preferred,
    /// Always use them: a call whose credentials carry no account id fails.
    Required,
    /// Never use them.
    Disabled,
}

impl AccountIdEndpointMode {
    /// The setting's value: `preferred`, `required` or `disabled`.
    pub const fn as_str(self) -> &'static str {
        match self {
            AccountIdEndpointMode::Preferred => "preferred",
            AccountIdEndpointMode::Required => "required",
            AccountIdEndpointMode::Disabled => "disabled",
        }
    }

    /// The mode a setting names (case-insensitive), if any.
    pub fn parse(value: &str) -> Option<Self> {
        [Self::Preferred, Self::Required, Self::Disabled]
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(value.trim()))
    }
}

/// Everything that decides endpoints, gathered when the client is built.
#[derive(Debug, Clone, Default)]
pub(crate) struct EndpointConfig {
    /// [`ClientBuilder::endpoint_url`](crate::ClientBuilder::endpoint_url).
    pub(crate) code_url: Option<String>,
    pub(crate) variant: Variant,
    /// `AWS_ENDPOINT_URL_<SERVICE_ID>` by variable name (empty when ignored).
    pub(crate) service_env: HashMap<String, String>,
    /// `AWS_ENDPOINT_URL` (unset when ignored).
    pub(crate) global_env: Option<String>,
    /// The profile's `services` section and `endpoint_url` (unset when ignored).
    pub(crate) profile: Option<Arc<ProfileSet>>,
    /// `AWS_ACCOUNT_ID_ENDPOINT_MODE` / `account_id_endpoint_mode`; unset is the rule
    /// sets' default, `preferred`.
    pub(crate) account_id_endpoint_mode: Option<String>,
}

impl EndpointConfig {
    /// The endpoint for `service` in `region`.
    pub(crate) fn resolve(
        &self,
        service: &ServiceMeta,
        region: &str,
    ) -> Result<ResolvedEndpoint, String> {
        self.resolve_with(service, region, &[])
    }

    /// The endpoint for `service` in `region`; `context` gives the rule set's
    /// parameters that come from the call (its input, the credentials' account id).
    pub(crate) fn resolve_with(
        &self,
        service: &ServiceMeta,
        region: &str,
        context: &[(&str, Param)],
    ) -> Result<ResolvedEndpoint, String> {
        if let Some(rules) = service.endpoint_rules {
            return self.resolve_by_rules(service, rules, region, context);
        }
        if let Some(url) = self.configured_url(service) {
            if self.variant.fips {
                return Err(format!(
                    "FIPS and a custom endpoint ({url}) are not supported together \
                     (AWS_USE_FIPS_ENDPOINT / use_fips_endpoint)"
                ));
            }
            if self.variant.dual_stack {
                return Err(format!(
                    "dual-stack and a custom endpoint ({url}) are not supported together \
                     (AWS_USE_DUALSTACK_ENDPOINT / use_dualstack_endpoint)"
                ));
            }
            return Ok(ResolvedEndpoint {
                url: url.to_owned(),
                signing_region: None,
                signing_name: None,
            });
        }
        if region.is_empty()
            || !region
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            return Err(format!("{region:?} is not a valid region name"));
        }
        let partition = partition_of(region);
        if self.variant.fips && !partition.supports_fips {
            return Err(format!(
                "FIPS is enabled but partition {} does not support FIPS",
                partition.id
            ));
        }
        if self.variant.dual_stack && !partition.supports_dual_stack {
            return Err(format!(
                "dual-stack is enabled but partition {} does not support dual-stack",
                partition.id
            ));
        }
        Ok(default_endpoint(service, region, self.variant))
    }

    /// The service's own rule set, with the parameters every client knows and those of
    /// the call.
    fn resolve_by_rules(
        &self,
        service: &ServiceMeta,
        rules: &'static str,
        region: &str,
        context: &[(&str, Param)],
    ) -> Result<ResolvedEndpoint, String> {
        let rules = RuleSet::get(rules)?;
        let mut params: Vec<(&str, Param)> = Vec::with_capacity(context.len() + 4);
        if !region.is_empty() {
            params.push(("Region", Param::Str(region.to_owned())));
        }
        params.push(("UseFIPS", Param::Bool(self.variant.fips)));
        params.push(("UseDualStack", Param::Bool(self.variant.dual_stack)));
        if let Some(url) = self.configured_url(service) {
            params.push(("Endpoint", Param::Str(url.to_owned())));
        }
        if let Some(mode) = &self.account_id_endpoint_mode {
            params.push(("AccountIdEndpointMode", Param::Str(mode.clone())));
        }
        // Parameters the rule set does not declare are not its business (an account id
        // for a service without account endpoints).
        params.extend(
            context
                .iter()
                .filter(|(name, _)| rules.has_parameter(name))
                .cloned(),
        );
        let endpoint = rules.resolve(&params)?;
        // The rules' own errors come first (some check the region); a region that
        // would make a bad host name is refused even where they do not.
        if !params.iter().any(|(name, _)| *name == "Endpoint")
            && !region
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            return Err(format!("{region:?} is not a valid region name"));
        }
        let (signing_region, signing_name) = endpoint.sigv4();
        Ok(ResolvedEndpoint {
            signing_region: signing_region.filter(|r| *r != region).map(str::to_owned),
            signing_name: signing_name
                .filter(|n| *n != service.signing_name)
                .map(str::to_owned),
            url: endpoint.url,
        })
    }

    fn configured_url(&self, service: &ServiceMeta) -> Option<&str> {
        if let Some(url) = &self.code_url {
            return Some(url);
        }
        // The variable's name is only worth making when some such variable is set.
        if let Some(url) = (!self.service_env.is_empty())
            .then(|| self.service_env.get(&service.endpoint_url_env_var()))
            .flatten()
        {
            return Some(url);
        }
        if let Some(url) = &self.global_env {
            return Some(url);
        }
        let profile = self.profile.as_deref()?;
        profile
            .service_endpoint(&service.config_key())
            .or_else(|| profile.get("endpoint_url"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partitions_by_region() {
        let id = |r| partition_of(r).id;
        assert_eq!(id("us-east-1"), "aws");
        assert_eq!(id("mx-central-1"), "aws");
        assert_eq!(id("aws-global"), "aws");
        assert_eq!(id("cn-northwest-1"), "aws-cn");
        assert_eq!(id("us-gov-west-1"), "aws-us-gov");
        assert_eq!(id("us-iso-east-1"), "aws-iso");
        assert_eq!(id("us-isob-east-1"), "aws-iso-b");
        assert_eq!(id("eu-isoe-west-1"), "aws-iso-e");
        assert_eq!(id("us-isof-south-1"), "aws-iso-f");
        assert_eq!(id("eusc-de-east-1"), "aws-eusc");
        assert_eq!(id("eusc-fr-east-1"), "aws");
        assert_eq!(id("local"), "aws");
        assert_eq!(id("xx-unknown-9"), "aws");
        assert_eq!(
            partition_of("aws-us-gov-global").implicit_global_region,
            "us-gov-west-1"
        );
    }

    #[test]
    fn global_endpoints_sign_for_their_region() {
        use crate::service::{EndpointVariant, JsonVersion};
        const ORGS: ServiceMeta = ServiceMeta {
            target_prefix: "AWSOrganizationsV20161128",
            json_version: JsonVersion::V1_1,
            signing_name: "organizations",
            endpoint_prefix: "organizations",
            service_id: "Organizations",
            hostname: "organizations.{region}.{dnsSuffix}",
            endpoints: &[
                EndpointVariant {
                    partition: "aws",
                    fips: false,
                    dual_stack: false,
                    region: None,
                    hostname: "https://organizations.us-east-1.amazonaws.com",
                    signing_region: Some("us-east-1"),
                    signing_name: None,
                },
                EndpointVariant {
                    partition: "aws-cn",
                    fips: false,
                    dual_stack: false,
                    region: Some("cn-northwest-1"),
                    hostname: "organizations.cn-northwest-1.amazonaws.com.cn",
                    signing_region: Some("cn-northwest-1"),
                    signing_name: Some("orgs"),
                },
            ],
            endpoint_rules: None,
        };
        let resolve = |region: &str| default_endpoint(&ORGS, region, Variant::default());
        assert_eq!(
            resolve("eu-west-1"),
            ResolvedEndpoint {
                url: "https://organizations.us-east-1.amazonaws.com".into(),
                signing_region: Some("us-east-1".into()),
                signing_name: None,
            }
        );
        assert_eq!(
            resolve("cn-north-1").url,
            "https://organizations.cn-north-1.amazonaws.com.cn"
        );
        assert_eq!(resolve("cn-north-1").signing_region, None);
        assert_eq!(
            resolve("cn-northwest-1").signing_region.as_deref(),
            Some("cn-northwest-1")
        );
        assert_eq!(
            resolve("cn-northwest-1").signing_name.as_deref(),
            Some("orgs")
        );
        assert_eq!(
            resolve("aws-cn-global").signing_region.as_deref(),
            Some("cn-northwest-1")
        );
        let fips = Variant {
            fips: true,
            dual_stack: false,
        };
        assert_eq!(
            default_endpoint(&ORGS, "us-gov-west-1", fips).url,
            "https://organizations-fips.us-gov-west-1.amazonaws.com"
        );
    }
}
