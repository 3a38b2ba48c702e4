//! Shared helpers of the awsjson test suite.

pub mod fault;
pub mod moto;
pub mod tls;
