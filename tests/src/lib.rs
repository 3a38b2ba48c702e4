//! Shared helpers of the awsjson test suite.

pub mod base64;
pub mod event_server;
pub mod fault;
pub mod moto;
pub mod timestamp;
pub mod tls;
