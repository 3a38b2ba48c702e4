//! Compile-time checks that a type an operation names mirrors the model shape it
//! stands for: the expansion evaluates these in `const`s, so a misfit is a compile
//! error at the type, naming the model's members.

use crate::operation::{Operation, OutputShape};

/// How a type an operation names (its output or an error, declared in another macro
/// invocation) misfits the model shape it stands for, if it does.
#[derive(Debug, Clone, Copy)]
pub enum Misfit {
    /// It mirrors another model shape (`shape = ...`): the error to report.
    OtherShape(&'static str),
    /// A field is no member of the model shape: the error naming that field.
    Field(&'static str),
}

/// Compile-time check that `T` fits model shape `shape` with `members`. The expansion
/// evaluates it in a `const` and reports the misfit there, at the type the operation
/// names, with the model's members.
pub const fn mirror_misfit<T: OutputShape>(
    shape: &str,
    members: &[&str],
    other_shape: &'static str,
) -> Option<Misfit> {
    if !T::MODEL_SHAPE.is_empty() {
        if !const_str_eq(T::MODEL_SHAPE, shape) {
            return Some(Misfit::OtherShape(other_shape));
        }
        return None;
    }
    let mut i = 0;
    while i < T::MEMBERS.len() {
        let (wire, message) = T::MEMBERS[i];
        let mut j = 0;
        while j < members.len() && !const_str_eq(wire, members[j]) {
            j += 1;
        }
        if j == members.len() {
            return Some(Misfit::Field(message));
        }
        i += 1;
    }
    None
}

/// [`mirror_misfit`] of `O`'s output: bound through `Operation` only, so an output
/// type that is no shape is reported once, at the `Operation` impl.
pub const fn output_misfit<O: Operation>(
    shape: &str,
    members: &[&str],
    other_shape: &'static str,
) -> Option<Misfit> {
    mirror_misfit::<O::Output>(shape, members, other_shape)
}

/// `a` then `b` in a buffer of `N` bytes (cut at a character boundary when longer),
/// and the length used: a message for a `const` panic, which takes one `&str`.
pub const fn concat_message<const N: usize>(a: &str, b: &str) -> ([u8; N], usize) {
    let mut buf = [0u8; N];
    let mut len = 0;
    // The first byte that did not fit, if any.
    let mut cut = None;
    let mut part = 0;
    while part < 2 {
        let bytes = if part == 0 {
            a.as_bytes()
        } else {
            b.as_bytes()
        };
        let mut i = 0;
        while i < bytes.len() {
            if len == N {
                if cut.is_none() {
                    cut = Some(bytes[i]);
                }
                break;
            }
            buf[len] = bytes[i];
            len += 1;
            i += 1;
        }
        part += 1;
    }
    // A cut inside a character drops the character's first bytes too.
    if matches!(cut, Some(next) if next & 0b1100_0000 == 0b1000_0000) {
        while len > 0 && buf[len - 1] & 0b1100_0000 == 0b1000_0000 {
            len -= 1;
        }
        len = len.saturating_sub(1);
    }
    (buf, len)
}

/// Compile-time check that `T` redacts each of the model's `sensitive` members it has
/// a field for: `(wire name, error)` pairs; the error of the first it does not. A type
/// that names its model shape (`shape = ...`) took the flags from the catalog itself.
pub const fn unredacted<T: OutputShape>(
    sensitive: &[(&str, &'static str)],
) -> Option<&'static str> {
    if !T::MODEL_SHAPE.is_empty() {
        return None;
    }
    let mut i = 0;
    while i < sensitive.len() {
        let (wire, message) = sensitive[i];
        if contains(T::MEMBERS, wire) && !contains_str(T::REDACTED, wire) {
            return Some(message);
        }
        i += 1;
    }
    None
}

/// [`unredacted`] of `O`'s output, bound through `Operation` only (see
/// [`output_misfit`]).
pub const fn output_unredacted<O: Operation>(
    sensitive: &[(&str, &'static str)],
) -> Option<&'static str> {
    unredacted::<O::Output>(sensitive)
}

const fn contains(members: &[(&str, &str)], wire: &str) -> bool {
    let mut i = 0;
    while i < members.len() {
        if const_str_eq(members[i].0, wire) {
            return true;
        }
        i += 1;
    }
    false
}

const fn contains_str(names: &[&str], wire: &str) -> bool {
    let mut i = 0;
    while i < names.len() {
        if const_str_eq(names[i], wire) {
            return true;
        }
        i += 1;
    }
    false
}

const fn const_str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_const_message_is_cut_at_a_character_boundary() {
        let text = |(buf, len): ([u8; 6], usize)| String::from_utf8(buf[..len].to_vec()).unwrap();
        assert_eq!(text(concat_message("ab", "cd")), "abcd");
        assert_eq!(text(concat_message("abcd", "efgh")), "abcdef");
        // `é` is two bytes: the sixth byte would split it.
        assert_eq!(text(concat_message("abcd", "xé")), "abcdx");
        assert_eq!(text(concat_message("abcdé", "")), "abcdé");
    }
}
