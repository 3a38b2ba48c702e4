//! `customize()` on every operation: one call sent with its own settings
//! ([`CallConfig`]).

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use crate::Client;
use crate::call_config::{CallConfig, setters};
use crate::credentials::ProvideCredentials;
use crate::error::Error;
use crate::interceptor::Interceptor;
use crate::operation::Operation;

/// One call of an operation with its own settings, from [`Customize::customize`].
#[must_use = "a customized call does nothing until sent"]
pub struct Customized<'a, O> {
    op: &'a O,
    config: CallConfig,
}

impl<O> fmt::Debug for Customized<'_, O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Customized")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl<'a, O: Operation> Customized<'a, O> {
    setters!(config);

    /// Replaces the settings made so far with `config`.
    pub fn config(mut self, config: CallConfig) -> Self {
        self.config = config;
        self
    }

    /// Sends the call, as `send` does, with these settings.
    pub fn send(
        self,
        client: &'a Client,
    ) -> impl Future<Output = Result<O::Output, Error<O::Error>>> + Send + 'a {
        let Customized { op, config } = self;
        async move { crate::call::send(client, op, Some(&config)).await }
    }
}

/// `customize()` on every operation: one call with its own timeouts, attempts,
/// region, endpoint, headers, credentials or interceptors ([`CallConfig`]).
///
/// ```
/// use std::time::Duration;
/// use awsjson::{Customize, aws_json_operation, aws_json_shape};
///
/// #[aws_json_operation(target = "DynamoDB_20120810.ListTables", output = ListTablesOutput)]
/// pub struct ListTables {}
///
/// #[aws_json_shape]
/// pub struct ListTablesOutput {
///     pub table_names: Option<Vec<String>>,
/// }
///
/// # async fn demo(client: &awsjson::Client) -> Result<(), Box<dyn std::error::Error>> {
/// let tables = ListTables {}
///     .customize()
///     .operation_timeout(Duration::from_secs(2))
///     .region("eu-west-1")
///     .send(client)
///     .await?;
/// # let _ = tables; Ok(()) }
/// ```
pub trait Customize: Operation + Sized {
    /// This operation, to send with settings of its own.
    fn customize(&self) -> Customized<'_, Self> {
        Customized {
            op: self,
            config: CallConfig::default(),
        }
    }
}

impl<O: Operation> Customize for O {}
