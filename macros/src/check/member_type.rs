//! Whether a field's Rust type can hold a member's model type.
//!
//! Only what is decidable from the tokens is checked: std and awsjson types are
//! matched against the model, while any other path (a user shape, an enum, a type
//! alias) is trusted, because one macro invocation cannot see another's item.

use crate::catalog::{Kind, Service, ShapeId};

/// Why a type does not fit: the type as written and what the model wants.
pub(crate) struct Misfit {
    /// The offending (sub)type, for the error's span.
    pub(crate) ty: Box<syn::Type>,
    pub(crate) expected: &'static str,
    pub(crate) kind: &'static str,
}

/// Checks `ty` (without the field's outer `Option`) against shape `id`.
pub(crate) fn fits(service: &Service, id: ShapeId, ty: &syn::Type) -> Result<(), Misfit> {
    let shape = service.shape(id);
    let kind = &shape.kind;
    // A restJson1 payload blob marked `streaming` is read and sent as a stream.
    let streaming = shape.is_streaming();
    let misfit = |expected: &'static str| {
        Err(Misfit {
            ty: Box::new(ty.clone()),
            expected,
            kind: if streaming {
                "streaming blob"
            } else {
                kind.describe()
            },
        })
    };
    let expected = || match kind {
        Kind::Blob if streaming => "`awsjson::ByteStream`",
        _ => expected(kind),
    };
    let Some((name, args)) = last_segment(ty) else {
        return misfit(expected());
    };
    // An event-stream member is the stream of the response, never a JSON value.
    // An input's is `InputStream<Events>`, the events the call sends.
    let stream =
        (name == "EventStream" && args.len() == 2) || (name == "InputStream" && args.len() == 1);
    if service.shape(id).is_event_stream() != stream {
        return match stream {
            true => misfit(expected()),
            false => misfit(EVENT_STREAM),
        };
    }
    if stream {
        return Ok(());
    }
    // Transparent wrappers: `Option` inside a container, `Box` for recursion.
    if matches!(name.as_str(), "Option" | "Box") && args.len() == 1 {
        return fits(service, id, &args[0]);
    }
    if !KNOWN.contains(&name.as_str()) {
        return Ok(());
    }
    let ok = match (kind, name.as_str()) {
        (Kind::String { .. }, "String")
        | (Kind::Boolean, "bool")
        | (Kind::Integer, "i32" | "i64" | "i128")
        | (Kind::Long, "i64" | "i128")
        | (Kind::Float, "f32" | "f64")
        | (Kind::Double, "f64")
        | (Kind::Timestamp(_), "DateTime") => true,
        (Kind::Blob, "Blob") => !streaming,
        (Kind::Blob, "ByteStream") => streaming,
        (Kind::List(member), "Vec") if args.len() == 1 => return fits(service, *member, &args[0]),
        (Kind::Map(k, v), "HashMap" | "BTreeMap") if args.len() == 2 => {
            fits(service, *k, &args[0])?;
            return fits(service, *v, &args[1]);
        }
        _ => false,
    };
    if ok { Ok(()) } else { misfit(expected()) }
}

/// Type names this check understands; any other path is a user type. `Document` and
/// `Value` are not among them: they are common names for user shapes too, so a
/// document member trusts whatever path it is given.
const KNOWN: &[&str] = &[
    "String",
    "str",
    "char",
    "bool",
    "i8",
    "i16",
    "i32",
    "i64",
    "i128",
    "isize",
    "u8",
    "u16",
    "u32",
    "u64",
    "u128",
    "usize",
    "f32",
    "f64",
    "Vec",
    "VecDeque",
    "HashMap",
    "BTreeMap",
    "HashSet",
    "BTreeSet",
    "Blob",
    "ByteStream",
    "DateTime",
    "SystemTime",
];

const EVENT_STREAM: &str = "`awsjson::EventStream<Events, OperationError>`, the stream of the union's events (`awsjson::InputStream<Events>` in an input)";

fn expected(kind: &Kind) -> &'static str {
    match kind {
        Kind::Structure { .. } => "a struct declared with #[aws_json_shape]",
        Kind::String { enum_values } if !enum_values.is_empty() => {
            "`String` or an enum declared with #[aws_json_shape]"
        }
        Kind::String { .. } => "`String`",
        Kind::List(_) => "`Vec<_>`",
        Kind::Map(..) => "`HashMap<String, _>` or `BTreeMap<String, _>`",
        Kind::Boolean => "`bool`",
        Kind::Integer => "`i32` or `i64`",
        Kind::Long => "`i64`",
        Kind::Float => "`f32` or `f64`",
        Kind::Double => "`f64`",
        Kind::Blob => "`awsjson::Blob`",
        Kind::Timestamp(_) => "`awsjson::DateTime`",
        Kind::Document => "`awsjson::Document`",
    }
}

/// The last path segment's name and its type arguments; `None` for non-path types
/// (references, tuples, arrays), which never fit.
fn last_segment(ty: &syn::Type) -> Option<(String, Vec<syn::Type>)> {
    match ty {
        syn::Type::Path(p) if p.qself.is_none() => {
            let seg = p.path.segments.last()?;
            let args = match &seg.arguments {
                syn::PathArguments::AngleBracketed(a) => a
                    .args
                    .iter()
                    .filter_map(|a| match a {
                        syn::GenericArgument::Type(t) => Some(t.clone()),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            Some((seg.ident.to_string(), args))
        }
        syn::Type::Group(g) => last_segment(&g.elem),
        syn::Type::Paren(p) => last_segment(&p.elem),
        _ => None,
    }
}

#[cfg(all(test, feature = "catalog"))]
mod tests {
    use super::fits;
    use crate::catalog::catalog;

    fn check(service: &str, shape: &str, member: &str, ty: &str) -> Result<(), String> {
        let s = catalog().service(service).unwrap();
        let (_, sh) = s.shape_named(shape).unwrap();
        let m = sh.member(member).unwrap();
        let ty: syn::Type = syn::parse_str(ty).unwrap();
        fits(s, m.target, &ty).map_err(|m| format!("{} wants {}", m.kind, m.expected))
    }

    #[test]
    fn primitives() {
        assert!(check("dynamodb", "ScanInput", "Limit", "i32").is_ok());
        assert!(check("dynamodb", "ScanInput", "Limit", "i64").is_ok());
        assert_eq!(
            check("dynamodb", "ScanInput", "Limit", "String").unwrap_err(),
            "integer wants `i32` or `i64`"
        );
        assert!(check("dynamodb", "ScanInput", "Limit", "u8").is_err());
        assert!(check("dynamodb", "ScanInput", "ConsistentRead", "bool").is_ok());
        assert!(check("dynamodb", "ScanInput", "TableName", "String").is_ok());
        assert!(check("dynamodb", "ScanInput", "TableName", "&str").is_err());
        assert!(check("kms", "EncryptRequest", "Plaintext", "awsjson::Blob").is_ok());
        assert!(check("kms", "EncryptRequest", "Plaintext", "Vec<u8>").is_err());
    }

    #[test]
    fn containers_and_user_types() {
        assert!(
            check(
                "dynamodb",
                "PutItemInput",
                "Item",
                "HashMap<String, AttributeValue>"
            )
            .is_ok()
        );
        assert!(
            check(
                "dynamodb",
                "PutItemInput",
                "Item",
                "std::collections::BTreeMap<String, Box<AttributeValue>>"
            )
            .is_ok()
        );
        assert!(check("dynamodb", "PutItemInput", "Item", "Vec<AttributeValue>").is_err());
        assert!(
            check("dynamodb", "PutItemInput", "Item", "Item").is_ok(),
            "a type alias is trusted"
        );
        assert_eq!(
            check(
                "dynamodb",
                "PutItemInput",
                "Item",
                "HashMap<String, String>"
            )
            .unwrap_err(),
            "structure wants a struct declared with #[aws_json_shape]"
        );
        assert!(check("dynamodb", "ScanInput", "AttributesToGet", "Vec<String>").is_ok());
        assert!(check("dynamodb", "ScanInput", "AttributesToGet", "String").is_err());
        assert!(check("dynamodb", "PutItemInput", "ReturnValues", "ReturnValue").is_ok());
        assert!(check("dynamodb", "PutItemInput", "ReturnValues", "String").is_ok());
        assert!(check("dynamodb", "PutItemInput", "ReturnValues", "bool").is_err());
        assert!(
            check(
                "dynamodb",
                "PutItemInput",
                "Expected",
                "Vec<ExpectedAttributeValue>"
            )
            .is_err()
        );
    }
}
