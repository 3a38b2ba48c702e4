//! The Smithy protocol-test services, declared with awsjson's macros.

// The declarations mirror the test models member for member; the models document them.
#![allow(missing_docs)]

pub mod json10;
pub mod json11;
