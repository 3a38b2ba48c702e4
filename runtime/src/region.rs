//! The region chain: environment → profile → instance metadata.

use crate::config::{Env, ProfileSet};
use crate::credentials::imds::Imds;

/// The region, or every place looked at and why it gave nothing.
pub(crate) async fn resolve(
    env: &Env,
    profiles: &ProfileSet,
    imds: &Imds,
) -> Result<String, String> {
    if let Some(region) = env
        .var("AWS_REGION")
        .or_else(|| env.var("AWS_DEFAULT_REGION"))
    {
        return Ok(region);
    }
    if let Some(region) = profiles.get("region") {
        return Ok(region.to_owned());
    }
    let profile_why = match profiles.selected_profile() {
        Some(_) => format!("profile `{}` has no region", profiles.selected),
        None => format!("no profile `{}`", profiles.selected),
    };
    match imds.region().await {
        Ok(region) => Ok(region),
        Err(imds_why) => Err(format!(
            "no region found; tried, in order: environment: AWS_REGION and AWS_DEFAULT_REGION \
             are not set; {profile_why} ({}); EC2 instance metadata: {imds_why}",
            if profiles.sources.is_empty() {
                "no config files"
            } else {
                &profiles.sources
            }
        )),
    }
}
