//! Generic code that every expansion of the macros shares, so that each declaration's
//! own code is tables and one line per member rather than a copy of the same logic.
//! Each module is re-exported as `::awsjson::__private::<module>` for generated code; not public API.

pub mod debug;
pub mod enumeration;
pub mod member;
