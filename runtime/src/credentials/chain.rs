//! The default chain, in the official SDKs' order.

use std::fmt;
use std::sync::Arc;

use super::{
    CredentialsFuture, Loaded, ProvideCredentials, Sources, ecs, env, imds, profile, web_identity,
};
use crate::error::CredentialsError;

/// Environment → shared config files → web identity → ECS → EC2 instance metadata.
/// The first source with credentials wins; a source that is configured but fails
/// stops the chain with its error; when none has any, the error lists each source
/// and why it had nothing.
pub(crate) struct DefaultChain {
    sources: Arc<Sources>,
}

impl DefaultChain {
    pub(crate) fn new(sources: Sources) -> Self {
        DefaultChain {
            sources: Arc::new(sources),
        }
    }

    async fn load(&self) -> Result<super::Credentials, CredentialsError> {
        let s = &*self.sources;
        let mut tried = Vec::new();
        let mut note = |name: &str, loaded: Loaded| match loaded {
            Loaded::Found(creds) => Some(creds),
            Loaded::NotFound(why) => {
                tried.push(format!("{name}: {why}"));
                None
            }
        };
        if let Some(c) = note("environment", env::load(&s.env)) {
            return Ok(c);
        }
        if let Some(c) = note("profile", profile::load(s).await?) {
            return Ok(c);
        }
        if let Some(c) = note("web identity", web_identity::load(s).await?) {
            return Ok(c);
        }
        if let Some(c) = note("ECS container", ecs::load(s).await?) {
            return Ok(c);
        }
        if let Some(c) = note("EC2 instance metadata", imds::load(s).await?) {
            return Ok(c);
        }
        Err(CredentialsError::new(format!(
            "no credentials found; tried, in order: {}",
            tried.join("; ")
        )))
    }
}

impl ProvideCredentials for DefaultChain {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        Box::pin(self.load())
    }

    fn waiting_for(&self) -> Option<String> {
        self.sources.waiting.get()
    }
}

impl fmt::Debug for DefaultChain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DefaultChain")
            .field("profile", &self.sources.profiles.selected)
            .finish_non_exhaustive()
    }
}
