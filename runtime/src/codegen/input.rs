//! An operation input's read side (`Deserialize`, its error correction and declared
//! defaults) is generated only on request (`deserialize`) or for the typed mock, which
//! reads each request back into its input type: with the `test-util` feature the
//! generated code passes those items through this macro, which keeps them, and
//! without it drops them. The feature is awsjson's, so the macro (which cannot see it)
//! leaves the choice to this crate.

/// Keeps the items: the `test-util` feature is on.
#[cfg(feature = "test-util")]
#[doc(hidden)]
#[macro_export]
macro_rules! __awsjson_mock_input {
    ($($item:item)*) => { $($item)* };
}

/// Drops the items: the `test-util` feature is off.
#[cfg(not(feature = "test-util"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __awsjson_mock_input {
    ($($item:item)*) => {};
}
