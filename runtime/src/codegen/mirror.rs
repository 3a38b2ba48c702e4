//! The message of an output or error type that does not fit its model shape, built at
//! compile time: the generated `const` only asks for it and panics with it, so that
//! each mirror check is a few lines and the error still points at the user's type.

use crate::__private::{Misfit, concat_message};

/// A misfit's text, and for a field misfit the model's members, in a buffer of `N`
/// bytes (a `const` panic takes one `&str`).
pub struct Message<const N: usize> {
    buf: [u8; N],
    len: usize,
    /// The misfit's own text, should the joined one not be UTF-8.
    text: &'static str,
}

impl<const N: usize> Message<N> {
    /// The message.
    pub const fn as_str(&self) -> &str {
        match core::str::from_utf8(self.buf.split_at(self.len).0) {
            Ok(message) => message,
            Err(_) => self.text,
        }
    }
}

/// The message for `misfit` (`None` when the type fits); `listed` names the model
/// shape's members and follows a field misfit.
pub const fn misfit_message<const N: usize>(
    misfit: Option<Misfit>,
    listed: &'static str,
) -> Option<Message<N>> {
    let (text, members) = match misfit {
        None => return None,
        Some(Misfit::OtherShape(text)) => (text, ""),
        Some(Misfit::Field(text)) => (text, listed),
    };
    let (buf, len) = concat_message::<N>(text, members);
    Some(Message { buf, len, text })
}
