//! Shared helpers of the awsjson test suite: one home each (tests/README.md).

pub mod base64;
pub mod capture;
pub mod env;
pub mod event_server;
pub mod fixture;

pub mod moto;
pub mod offline;
pub mod server;
pub mod smithy_node;
pub mod temp_dir;
pub mod timestamp;
pub mod tls;
pub mod wire;
