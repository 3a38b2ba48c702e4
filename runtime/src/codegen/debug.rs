//! `Debug` of declared structures: the macro takes over the user's `#[derive(Debug)]`
//! and writes one call here per structure, with a table of its members, sensitive ones
//! in place of their values.
//!
//! One shared function instead of the derive's per-type code keeps each structure's
//! impl to one table (issue 20): every value goes through `&dyn Debug`, where the
//! derive instantiates `<&T as Debug>::fmt` for the last member's type of each struct.

use core::fmt;

/// What a sensitive member prints in place of its value (the official SDKs' text),
/// quoted as a string's `Debug` is.
pub const REDACTED: &str = "*** Sensitive Data Redacted ***";

/// `name { label: value, .. }` as `#[derive(Debug)]` prints a struct with named fields,
/// `{:#?}` included.
pub fn debug_struct(
    f: &mut fmt::Formatter<'_>,
    name: &str,
    members: &[(&str, &dyn fmt::Debug)],
) -> fmt::Result {
    let mut s = f.debug_struct(name);
    for (label, value) in members {
        s.field(label, value);
    }
    s.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Table;

    impl fmt::Debug for Table {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            debug_struct(
                f,
                "Derived",
                &[("a", &1), ("b", &Some("x")), ("c", &REDACTED)],
            )
        }
    }

    #[derive(Debug)]
    #[allow(dead_code)]
    struct Derived {
        a: i32,
        b: Option<&'static str>,
        c: &'static str,
    }

    #[test]
    fn prints_as_the_derive_does() {
        let derived = Derived {
            a: 1,
            b: Some("x"),
            c: REDACTED,
        };
        assert_eq!(format!("{Table:?}"), format!("{derived:?}"));
        assert_eq!(format!("{Table:#?}"), format!("{derived:#?}"));
    }

    struct NoMembers;

    impl fmt::Debug for NoMembers {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            debug_struct(f, "Empty", &[])
        }
    }

    #[test]
    fn a_struct_without_members_prints_its_name() {
        #[derive(Debug)]
        struct Empty {}
        assert_eq!(format!("{NoMembers:?}"), format!("{:?}", Empty {}));
        assert_eq!(format!("{NoMembers:#?}"), format!("{:#?}", Empty {}));
    }
}
