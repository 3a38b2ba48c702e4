//! Syntactic questions about field types.

/// `Option<T>` → `Some(T)`.
pub(crate) fn option_inner(ty: &syn::Type) -> Option<&syn::Type> {
    generic_arg(ty, "Option")
}

/// Whether `ty` is written `String` (or a path ending in `String`).
pub(crate) fn is_string(ty: &syn::Type) -> bool {
    last_segment(ty).is_some_and(|seg| seg.ident == "String" && seg.arguments.is_none())
}

fn last_segment(ty: &syn::Type) -> Option<&syn::PathSegment> {
    match ty {
        syn::Type::Path(p) if p.qself.is_none() => p.path.segments.last(),
        syn::Type::Group(g) => last_segment(&g.elem),
        syn::Type::Paren(p) => last_segment(&p.elem),
        _ => None,
    }
}

/// The element type of `Vec<T>` or the value type of `HashMap<K, V>` / `BTreeMap<K, V>`.
pub(crate) fn collection_item(ty: &syn::Type) -> Option<&syn::Type> {
    let seg = last_segment(ty)?;
    let syn::PathArguments::AngleBracketed(args) = &seg.arguments else {
        return None;
    };
    let index = match seg.ident.to_string().as_str() {
        "Vec" => 0,
        "HashMap" | "BTreeMap" => 1,
        _ => return None,
    };
    match args.args.get(index)? {
        syn::GenericArgument::Type(inner) => Some(inner),
        _ => None,
    }
}

/// `Option<T>` or `Box<T>` → `T`, as often as they nest.
pub(crate) fn unwrapped(mut ty: &syn::Type) -> &syn::Type {
    while let Some(inner) = option_inner(ty).or_else(|| generic_arg(ty, "Box")) {
        ty = inner;
    }
    ty
}

fn generic_arg<'a>(ty: &'a syn::Type, name: &str) -> Option<&'a syn::Type> {
    let seg = last_segment(ty)?;
    if seg.ident != name {
        return None;
    }
    match &seg.arguments {
        syn::PathArguments::AngleBracketed(args) if args.args.len() == 1 => match &args.args[0] {
            syn::GenericArgument::Type(inner) => Some(inner),
            _ => None,
        },
        _ => None,
    }
}

/// Whether `f32` or `f64` appears anywhere in `ty` (so the member needs the float
/// adapter for `NaN` and infinities).
pub(crate) fn mentions_float(ty: &syn::Type) -> bool {
    mentions(ty, &["f32", "f64"])
}

/// Whether `DateTime` appears anywhere in `ty`: a timestamp member, whose format
/// outside the body defaults by location (restJson1).
pub(crate) fn mentions_date_time(ty: &syn::Type) -> bool {
    mentions(ty, &["DateTime"])
}

fn mentions(ty: &syn::Type, names: &[&str]) -> bool {
    match ty {
        syn::Type::Path(p) => p.path.segments.iter().any(|seg| {
            (seg.arguments.is_none() && names.iter().any(|n| seg.ident == n))
                || match &seg.arguments {
                    syn::PathArguments::AngleBracketed(args) => args.args.iter().any(|a| match a {
                        syn::GenericArgument::Type(t) => mentions(t, names),
                        _ => false,
                    }),
                    _ => false,
                }
        }),
        syn::Type::Group(g) => mentions(&g.elem, names),
        syn::Type::Paren(p) => mentions(&p.elem, names),
        _ => false,
    }
}

/// The last path segment's name of `ty` under `Option` and `Box`: `Blob`, `String`, ...
pub(crate) fn base_name(ty: &syn::Type) -> Option<String> {
    last_segment(unwrapped(ty)).map(|seg| seg.ident.to_string())
}

/// Whether a missing required member of this type can be filled with its zero value
/// (Smithy's client error correction): scalars, strings, blobs, timestamps, documents,
/// lists and maps. Structures, unions and enums have no zero value.
pub(crate) fn has_zero_value(ty: &syn::Type) -> bool {
    const ZERO: &[&str] = &[
        "String", "bool", "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "f32", "f64",
        "Vec", "HashMap", "BTreeMap", "Blob", "DateTime", "Document",
    ];
    last_segment(ty).is_some_and(|seg| ZERO.iter().any(|z| seg.ident == z))
}

/// Whether `ty` is written `EventStream<Events, Error>` (or a path ending so): an
/// output's event-stream member, which the call's stream fills.
pub(crate) fn is_event_stream(ty: &syn::Type) -> bool {
    last_segment(ty).is_some_and(|seg| {
        seg.ident == "EventStream"
            && matches!(&seg.arguments, syn::PathArguments::AngleBracketed(a) if a.args.len() == 2)
    })
}

/// Whether `ty` is written `Document` (or a path ending in `Document`): the one member
/// type for which `null` is a value.
pub(crate) fn is_document(ty: &syn::Type) -> bool {
    last_segment(ty).is_some_and(|seg| seg.ident == "Document" && seg.arguments.is_none())
}
