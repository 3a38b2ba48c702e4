//! Shared helpers of the awsjson test suite.

pub mod base64;
pub mod fault;
pub mod fixture;
pub mod moto;
pub mod timestamp;
pub mod tls;
