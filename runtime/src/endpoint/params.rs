//! Endpoint-rule parameters: those of a call's input, and those a client knows, with
//! resolution from them for awsjson's own conformance tests.

use super::rules::Param as EndpointParam;
use crate::service::ServiceMeta;

/// An input member as an endpoint-rule parameter: strings, booleans and their
/// `Option`s; unset gives none.
pub trait IntoEndpointParam {
    /// The parameter's value, if set.
    fn endpoint_param(&self) -> Option<EndpointParam>;
}

impl IntoEndpointParam for String {
    fn endpoint_param(&self) -> Option<EndpointParam> {
        Some(EndpointParam::Str(self.clone()))
    }
}

impl IntoEndpointParam for bool {
    fn endpoint_param(&self) -> Option<EndpointParam> {
        Some(EndpointParam::Bool(*self))
    }
}

impl<T: IntoEndpointParam> IntoEndpointParam for Option<T> {
    fn endpoint_param(&self) -> Option<EndpointParam> {
        self.as_ref().and_then(T::endpoint_param)
    }
}

/// An endpoint as the client resolves it, for awsjson's own conformance tests: the URL,
/// and the signing region and name when the endpoint asks for others than the
/// client's region and the service's signing name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointView {
    /// The URL requests go to.
    pub url: String,
    /// The region to sign for, when not the client's.
    pub signing_region: Option<String>,
    /// The signing name, when not the service's.
    pub signing_name: Option<String>,
}

/// The endpoint-rule parameters a client knows, in the rule sets' names.
#[derive(Debug, Clone, Default)]
pub struct EndpointParams {
    /// `Region`; `None` when the client has none.
    pub region: Option<String>,
    /// `UseFIPS`.
    pub use_fips: bool,
    /// `UseDualStack`.
    pub use_dual_stack: bool,
    /// `Endpoint`: a URL configured in code, the environment or the profile.
    pub endpoint: Option<String>,
    /// `AccountIdEndpointMode`, as the client's configuration gives it.
    pub account_id_endpoint_mode: Option<String>,
    /// The parameters of the call: the credentials' `AccountId`, the operation's
    /// context parameters.
    pub context: Vec<(String, EndpointParam)>,
}

/// Resolves `service`'s endpoint for `params` with the resolver `send` uses.
pub fn resolve_endpoint(
    service: &ServiceMeta,
    params: &EndpointParams,
) -> Result<EndpointView, String> {
    let config = crate::endpoint::EndpointConfig {
        code_url: params.endpoint.clone(),
        variant: crate::endpoint::Variant {
            fips: params.use_fips,
            dual_stack: params.use_dual_stack,
        },
        account_id_endpoint_mode: params.account_id_endpoint_mode.clone(),
        ..Default::default()
    };
    let context: Vec<(&str, EndpointParam)> = params
        .context
        .iter()
        .map(|(name, value)| (name.as_str(), value.clone()))
        .collect();
    let resolved =
        config.resolve_with(service, params.region.as_deref().unwrap_or(""), &context)?;
    Ok(EndpointView {
        url: resolved.url,
        signing_region: resolved.signing_region,
        signing_name: resolved.signing_name,
    })
}
