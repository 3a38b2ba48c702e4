//! Member defaults: the literal of `#[aws(default = ...)]` as the member's value.

use crate::DateTime;

/// Empty list literal `[]` of `#[aws(default = [])]`.
#[derive(Debug, Clone, Copy)]
pub struct EmptyList;

/// Empty map literal `{}` of `#[aws(default = {})]`.
#[derive(Debug, Clone, Copy)]
pub struct EmptyMap;

/// A member type whose default can be written as the literal `L`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot take a default written as `{L}`",
    note = "strings, enums and documents take \"...\", numbers, int enums and timestamps take numbers, blobs take b\"...\", lists take [] and maps take {{}}"
)]
pub trait DefaultFrom<L> {
    /// The value the literal stands for.
    fn default_from(literal: L) -> Self;
}

/// The default value of a member, from the literal of `#[aws(default = ...)]`.
pub fn default_value<T: DefaultFrom<L>, L>(literal: L) -> T {
    T::default_from(literal)
}

macro_rules! default_from {
    ($($ty:ty: $lit:ty => |$v:ident| $e:expr;)*) => {
        $(impl DefaultFrom<$lit> for $ty {
            fn default_from($v: $lit) -> Self {
                $e
            }
        })*
    };
}

default_from! {
    String: &'static str => |v| v.to_owned();
    bool: bool => |v| v;
    i8: i64 => |v| v as i8;
    i16: i64 => |v| v as i16;
    i32: i64 => |v| v as i32;
    i64: i64 => |v| v;
    u8: i64 => |v| v as u8;
    u16: i64 => |v| v as u16;
    u32: i64 => |v| v as u32;
    u64: i64 => |v| v as u64;
    f32: f64 => |v| v as f32;
    f64: f64 => |v| v;
    f32: i64 => |v| v as f32;
    f64: i64 => |v| v as f64;
    DateTime: i64 => |v| DateTime::from_secs(v);
    DateTime: f64 => |v| DateTime::from_fractional_secs(v).unwrap_or(DateTime::from_secs(0));
    crate::Blob: &'static [u8] => |v| crate::Blob::new(v);
    crate::Blob: &'static str => |v| crate::Blob::from(v);
    crate::Document: &'static str => |v| crate::Document::from(v);
    crate::Document: bool => |v| crate::Document::Bool(v);
    crate::Document: i64 => |v| crate::Document::from(v);
    crate::Document: f64 => |v| crate::Document::from(v);
    crate::Document: EmptyList => |_v| crate::Document::Array(Vec::new());
    crate::Document: EmptyMap => |_v| crate::Document::Object(Default::default());
}

impl<T> DefaultFrom<EmptyList> for Vec<T> {
    fn default_from(_: EmptyList) -> Self {
        Vec::new()
    }
}

impl<K, V, S: Default> DefaultFrom<EmptyMap> for std::collections::HashMap<K, V, S> {
    fn default_from(_: EmptyMap) -> Self {
        Self::default()
    }
}

impl<K, V> DefaultFrom<EmptyMap> for std::collections::BTreeMap<K, V> {
    fn default_from(_: EmptyMap) -> Self {
        Self::new()
    }
}
