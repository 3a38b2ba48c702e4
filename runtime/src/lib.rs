//! awsjson.

pub mod sigv4;

pub use awsjson_macros::{aws_json_operation, aws_json_shape};
