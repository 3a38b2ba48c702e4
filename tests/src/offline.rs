//! What `send` would send, for synchronous tests: requests built by the public
//! `Client::build_request` (encoded, idempotency token filled, endpoint resolved,
//! signed), with no network.

use awsjson::{Client, HttpRequest, Operation};

/// A client for a closed loopback port, with a runtime of its own to build requests on.
#[derive(Debug)]
pub struct OfflineClient {
    client: Client,
    runtime: tokio::runtime::Runtime,
}

impl OfflineClient {
    /// A client built by [`crate::server::client_builder`] for `http://127.0.0.1:9`.
    pub fn new() -> OfflineClient {
        let client = crate::server::client_builder("http://127.0.0.1:9")
            .build()
            .expect("a valid client");
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a tokio runtime");
        OfflineClient { client, runtime }
    }

    /// The signed request `op.send` would send first.
    pub fn request<O: Operation>(&self, op: &O) -> HttpRequest {
        self.runtime
            .block_on(self.client.build_request(op))
            .unwrap_or_else(|e| panic!("building the {} request: {e}", O::TARGET))
    }

    /// The JSON body of [`request`](Self::request).
    pub fn body<O: Operation>(&self, op: &O) -> serde_json::Value {
        let request = self.request(op);
        serde_json::from_slice(&request.body)
            .unwrap_or_else(|e| panic!("the {} body is not JSON: {e}", O::TARGET))
    }
}

impl Default for OfflineClient {
    fn default() -> Self {
        OfflineClient::new()
    }
}
