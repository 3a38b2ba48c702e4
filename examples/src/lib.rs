//! Operations declared with awsjson, shared by the example programs (and the tests).

pub mod partner_central;
