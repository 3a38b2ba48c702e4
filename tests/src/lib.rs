//! Shared helpers of the awsjson test suite.
