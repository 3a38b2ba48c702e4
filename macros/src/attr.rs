//! The options of the two attributes and of `#[aws(...)]` / `#[idempotency]` on fields
//! and variants.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::{LitStr, Token};

use crate::case::{RULE_NAMES, RenameRule};
use crate::crate_path::CratePath;
use crate::ctxt::Ctxt;
use crate::suggest::{backticked, did_you_mean, quoted};

/// Runs the branch of the key `meta` names. The keys are written once, as the arms; a
/// key that no arm names falls through to the unknown-key error, which lists the same
/// keys and suggests the closest.
macro_rules! keys {
    ($cx:expr, $meta:ident in $attr:expr => { $($key:literal => $branch:expr),* $(,)? }) => {{
        const KEYS: &[&str] = &[$($key),*];
        match key_name(&$meta.path).as_str() {
            $($key => {
                $branch;
                Ok(())
            })*
            _ => unknown_key($cx, &$meta, $attr, KEYS),
        }
    }};
}

pub(crate) const COMPRESSIONS: &[&str] = &["gzip"];
pub(crate) const TIMESTAMP_FORMATS: &[&str] = &["epoch-seconds", "date-time", "http-date"];

/// A value with the span of the tokens it came from.
pub(crate) struct Sp<T> {
    pub(crate) value: T,
    pub(crate) span: Span,
}

#[derive(Default)]
pub(crate) struct OperationArgs {
    pub(crate) target: Option<LitStr>,
    /// `operation = "<service>#<Operation>"`: the catalog's operation, either protocol.
    pub(crate) operation: Option<LitStr>,
    pub(crate) output: Option<syn::Type>,
    pub(crate) errors: Vec<syn::Path>,
    pub(crate) rename_all: Option<RenameRule>,
    pub(crate) json_version: Option<LitStr>,
    pub(crate) signing_name: Option<LitStr>,
    pub(crate) endpoint_prefix: Option<LitStr>,
    pub(crate) service_id: Option<LitStr>,
    pub(crate) hostname: Option<LitStr>,
    pub(crate) paginate: Option<PaginateArgs>,
    /// `query_compatible`: the path, for spans.
    pub(crate) query_compatible: Option<syn::Path>,
    pub(crate) request_compression: Option<LitStr>,
    pub(crate) host_prefix: Option<LitStr>,
    /// `deserialize`, its span: the input also implements `Deserialize`.
    pub(crate) deserialize: Option<Span>,
    /// `crate = "my_facade::awsjson"`.
    pub(crate) krate: Option<CratePath>,
    /// restJson1: `http = "METHOD /uri/{Label}?literal"`.
    pub(crate) http: Option<LitStr>,
    /// restJson1: `code = 201`, the success status.
    pub(crate) code: Option<syn::LitInt>,
    /// restJson1: `checksum_required` (`httpChecksumRequired`), its span.
    pub(crate) checksum_required: Option<Span>,
}

/// `paginate(input_token = a, output_token = b, page_size = c, items = d: Item)`.
pub(crate) struct PaginateArgs {
    /// The `paginate` keyword, for errors about the whole list.
    pub(crate) span: Span,
    /// A value was malformed and already reported: missing keys are not reported too.
    pub(crate) malformed: bool,
    /// The operation's member that carries the token of the page to fetch.
    pub(crate) input_token: Option<syn::Ident>,
    /// The output's member that carries the token of the next page.
    pub(crate) output_token: Option<syn::Ident>,
    /// The operation's member that limits a page's size.
    pub(crate) page_size: Option<syn::Ident>,
    /// The output's member holding the page's items, and the item type.
    pub(crate) items: Option<(syn::Ident, syn::Type)>,
}

#[derive(Default)]
pub(crate) struct ShapeArgs {
    pub(crate) rename_all: Option<RenameRule>,
    /// The catalog shape this type mirrors, `"<service>#<Shape>"`.
    pub(crate) shape: Option<LitStr>,
    /// `crate = "my_facade::awsjson"`.
    pub(crate) krate: Option<CratePath>,
}

/// Parses `#[aws_json_operation(...)]`'s arguments, pushing every mistake to `cx`.
pub(crate) fn operation_args(cx: &Ctxt, input: ParseStream) -> OperationArgs {
    let mut args = OperationArgs::default();
    parse_list(cx, input, |meta| {
        keys!(cx, meta in "aws_json_operation" => {
                // target = "DynamoDB_20120810.PutItem"
                "target" => set_once(cx, &meta, &mut args.target, meta.value()?.parse()?),
                // operation = "lambda#Invoke"
                "operation" => {
                    set_once(cx, &meta, &mut args.operation, meta.value()?.parse()?)
                },
                // output = PutItemOutput
                "output" => {
                    let ty: syn::Type = meta.value()?.parse()?;
                    set_once(cx, &meta, &mut args.output, ty);
                },
                // errors(ResourceNotFoundException, ConditionalCheckFailedException)
                "errors" => {
                    if !args.errors.is_empty() {
                        cx.error_spanned_by(
                            &meta.path,
                            "duplicate `errors` in #[aws_json_operation]",
                        );
                    }
                    meta.parse_nested_meta(|inner| {
                    if !inner.input.is_empty() && !inner.input.peek(Token![,]) {
                        return Err(inner.error("expected an error type name, such as `errors(ValidationException)`"));
                    }
                    args.errors.push(inner.path);
                    Ok(())
                })?;
                },
                // rename_all = "camelCase"
                "rename_all" => {
                    let rule = rename_rule(cx, meta.value()?.parse()?);
                    set_once(
                        cx,
                        &meta,
                        &mut args.rename_all,
                        rule.unwrap_or(RenameRule::PascalCase),
                    );
                },
                // json_version = "1.1", signing_name = "kms", endpoint_prefix = "kms", ...
                "json_version" => {
                    set_once(cx, &meta, &mut args.json_version, meta.value()?.parse()?)
                },
                "signing_name" => {
                    set_once(cx, &meta, &mut args.signing_name, meta.value()?.parse()?)
                },
                "endpoint_prefix" => {
                    set_once(cx, &meta, &mut args.endpoint_prefix, meta.value()?.parse()?)
                },
                "service_id" => set_once(cx, &meta, &mut args.service_id, meta.value()?.parse()?),
                "hostname" => set_once(cx, &meta, &mut args.hostname, meta.value()?.parse()?),
                // paginate(input_token = next_token, output_token = next_token,
                //          page_size = max_results, items = secret_list: SecretListEntry)
                "paginate" => {
                    let paginate = paginate_args(cx, &meta)?;
                    set_once(cx, &meta, &mut args.paginate, paginate);
                },
                // query_compatible
                "query_compatible" => {
                    let path = meta.path.clone();
                    set_flag(
                        cx,
                        &meta,
                        &mut args.query_compatible,
                        path,
                        "`query_compatible` is a flag: write `query_compatible` alone",
                    )?;
                },
                // request_compression = "gzip"
                "request_compression" => {
                    let lit: LitStr = meta.value()?.parse()?;
                    if COMPRESSIONS.contains(&lit.value().as_str()) {
                        set_once(cx, &meta, &mut args.request_compression, lit);
                    } else {
                        cx.error_spanned_by(
                            &lit,
                            format!(
                                "unknown `request_compression` {:?}; expected {}",
                                lit.value(),
                                quoted(COMPRESSIONS)
                            ),
                        );
                    }
                },
                // deserialize
                "deserialize" => {
                    let span = meta.path.span();
                    set_flag(
                        cx,
                        &meta,
                        &mut args.deserialize,
                        span,
                        "`deserialize` is a flag: write `deserialize` alone",
                    )?;
                },
                // host_prefix = "foo.{Label}."
                "host_prefix" => set_once(cx, &meta, &mut args.host_prefix, meta.value()?.parse()?),
                // crate = "my_facade::awsjson"
                "crate" => crate_path(cx, &meta, &mut args.krate)?,
                // restJson1: http = "POST /2015-03-31/functions/{FunctionName}/invocations"
                "http" => set_once(cx, &meta, &mut args.http, meta.value()?.parse()?),
                // restJson1: code = 201
                "code" => set_once(cx, &meta, &mut args.code, meta.value()?.parse()?),
                // restJson1: checksum_required
                "checksum_required" => {
                    let span = meta.path.span();
                    set_flag(
                        cx,
                        &meta,
                        &mut args.checksum_required,
                        span,
                        "`checksum_required` is a flag: write `checksum_required` alone",
                    )?;
                },
        })
    });
    args
}

fn paginate_args(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<PaginateArgs> {
    let mut args = PaginateArgs {
        span: meta.path.span(),
        malformed: false,
        input_token: None,
        output_token: None,
        page_size: None,
        items: None,
    };
    let content;
    syn::parenthesized!(content in meta.input);
    parse_list(cx, &content, |inner| {
        keys!(cx, inner in "aws_json_operation(paginate(...))" => {
                // input_token = next_token
                "input_token" => paginate_member(cx, &inner, &mut args.malformed, &mut args.input_token)?,
                // output_token = next_token
                "output_token" => paginate_member(cx, &inner, &mut args.malformed, &mut args.output_token)?,
                // page_size = max_results
                "page_size" => paginate_member(cx, &inner, &mut args.malformed, &mut args.page_size)?,
                // items = secret_list: SecretListEntry
                "items" => {
                    // A malformed value is reported and skipped, so that later keys are still read.
                    let Some(field) = member(cx, &inner)? else {
                        args.malformed = true;
                        return skip_value(inner.input);
                    };
                    if inner.input.peek(Token![:]) {
                        inner.input.parse::<Token![:]>()?;
                        let ty: syn::Type = inner.input.parse()?;
                        set_once(cx, &inner, &mut args.items, (field, ty));
                    } else {
                        args.malformed = true;
                        cx.error_spanned_by(
                            &field,
                            format!(
                                "`items` needs the item type: `items = {field}: ItemType`, such as `items = {field}: SecretListEntry`"
                            ),
                        );
                        skip_value(inner.input)?;
                    }
                },
        })
    });
    Ok(args)
}

/// A `paginate(...)` key naming a member; a malformed value is reported and skipped,
/// so that later keys are still read.
fn paginate_member(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    malformed: &mut bool,
    slot: &mut Option<syn::Ident>,
) -> syn::Result<()> {
    match member(cx, meta)? {
        Some(field) => set_once(cx, meta, slot, field),
        None => {
            *malformed = true;
            skip_value(meta.input)?;
        }
    }
    Ok(())
}

/// `= member`: a field name of the operation or its output (its Rust name); `None`
/// after reporting anything else.
fn member(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<syn::Ident>> {
    let value = meta.value()?;
    if value.peek(syn::Ident) && !value.peek2(Token![::]) {
        return value.parse().map(Some);
    }
    let found: proc_macro2::TokenTree = value.parse()?;
    let message = if matches!(&found, proc_macro2::TokenTree::Literal(_)) {
        "expected the member's Rust field name, not a literal, such as `next_token`"
    } else {
        "expected the member's Rust field name, such as `next_token`"
    };
    cx.error_spanned_by(&found, message);
    Ok(None)
}

/// Parses `#[aws_json_shape(...)]`'s arguments.
pub(crate) fn shape_args(cx: &Ctxt, input: ParseStream) -> ShapeArgs {
    let mut args = ShapeArgs::default();
    parse_list(cx, input, |meta| {
        keys!(cx, meta in "aws_json_shape" => {
            // rename_all = "camelCase"
            "rename_all" => {
                let rule = rename_rule(cx, meta.value()?.parse()?);
                set_once(
                    cx,
                    &meta,
                    &mut args.rename_all,
                    rule.unwrap_or(RenameRule::PascalCase),
                );
            },
            // shape = "ecr#Repository"
            "shape" => set_once(cx, &meta, &mut args.shape, meta.value()?.parse()?),
            // crate = "my_facade::awsjson"
            "crate" => crate_path(cx, &meta, &mut args.krate)?,
        })
    });
    args
}

/// `crate = "path"`: a string, as serde's `crate`, holding a path without generics.
fn crate_path(cx: &Ctxt, meta: &ParseNestedMeta, slot: &mut Option<CratePath>) -> syn::Result<()> {
    let value = meta.value()?;
    if !value.peek(LitStr) {
        let found: proc_macro2::TokenTree = value.parse()?;
        cx.error_spanned_by(
            &found,
            "`crate` takes a string: `crate = \"my_facade::awsjson\"`",
        );
        return skip_value(value);
    }
    let lit: LitStr = value.parse()?;
    match CratePath::from_lit(&lit) {
        Ok(path) => set_once(cx, meta, slot, path),
        Err(err) => cx.syn_error(err),
    }
    Ok(())
}

/// Whether attribute arguments give `crate = ...` (looked for before parsing, which
/// then reads the protected tokens; see `crate_path`).
pub(crate) fn has_crate_key(args: &proc_macro2::TokenStream) -> bool {
    let mut tokens = args.clone().into_iter().peekable();
    let mut at_key = true;
    while let Some(tree) = tokens.next() {
        match &tree {
            proc_macro2::TokenTree::Ident(i) if at_key && i == "crate" => {
                if matches!(tokens.peek(), Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == '=')
                {
                    return true;
                }
            }
            proc_macro2::TokenTree::Punct(p) if p.as_char() == ',' => {
                at_key = true;
                continue;
            }
            _ => {}
        }
        at_key = false;
    }
    false
}

/// The value of `#[aws(default = ...)]`.
pub(crate) enum DefaultValue {
    /// A literal, with a leading `-` for negative numbers.
    Lit { negative: bool, lit: syn::Lit },
    /// `[]`
    EmptyList,
    /// `{}`
    EmptyMap,
}

/// Options of one field.
#[derive(Default)]
pub(crate) struct FieldAttrs {
    pub(crate) rename: Option<Sp<String>>,
    pub(crate) timestamp: Option<&'static str>,
    pub(crate) default: Option<Sp<DefaultValue>>,
    /// `#[aws(host_label)]`, its span.
    pub(crate) host_label: Option<Span>,
    /// `#[aws(endpoint_url)]`, its span.
    pub(crate) endpoint_url: Option<Span>,
    /// The `#[idempotency]` attribute, for spans.
    pub(crate) idempotency: Option<syn::Attribute>,
    /// `#[aws(sensitive)]`, its span (a member sensitive in the model is redacted too:
    /// `checked::Field::sensitive`).
    pub(crate) sensitive: Option<Span>,
    /// restJson1's HTTP bindings as declared (`label`, `query = "..."`, `header = "..."`,
    /// ...), each with the span of its key; `check::http` allows one per field.
    pub(crate) bindings: Vec<Sp<DeclaredBinding>>,
    /// `#[aws(media_type = "...")]` on a payload or header member.
    pub(crate) media_type: Option<LitStr>,
}

/// A binding key of `#[aws(...)]`, as written.
#[derive(Clone)]
pub(crate) enum DeclaredBinding {
    Label,
    Query(LitStr),
    QueryParams,
    Header(LitStr),
    PrefixHeaders(LitStr),
    Payload,
    ResponseCode,
    /// `event_header`: the member is a header of its event's message.
    EventHeader,
    /// `event_payload`: the member is its event's whole payload.
    EventPayload,
}

impl DeclaredBinding {
    /// The key as written, for errors.
    pub(crate) fn key(&self) -> &'static str {
        match self {
            DeclaredBinding::Label => "label",
            DeclaredBinding::Query(_) => "query",
            DeclaredBinding::QueryParams => "query_params",
            DeclaredBinding::Header(_) => "header",
            DeclaredBinding::PrefixHeaders(_) => "prefix_headers",
            DeclaredBinding::Payload => "payload",
            DeclaredBinding::ResponseCode => "response_code",
            DeclaredBinding::EventHeader => "event_header",
            DeclaredBinding::EventPayload => "event_payload",
        }
    }
}

/// A flag binding key (`label`, `payload`, ...): no value.
fn binding_flag(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    out: &mut Vec<Sp<DeclaredBinding>>,
    binding: DeclaredBinding,
) -> syn::Result<()> {
    if meta.input.is_empty() || meta.input.peek(Token![,]) {
        out.push(Sp {
            value: binding,
            span: meta.path.span(),
        });
    } else {
        let key = binding.key();
        cx.error_spanned_by(
            &meta.path,
            format!("`{key}` is a flag: write `#[aws({key})]`"),
        );
        skip_value(meta.input)?;
    }
    Ok(())
}

/// A binding key with a name (`query = "..."`, `header = "..."`, `prefix_headers = "..."`).
fn binding_named(
    meta: &ParseNestedMeta,
    out: &mut Vec<Sp<DeclaredBinding>>,
    make: fn(LitStr) -> DeclaredBinding,
) -> syn::Result<()> {
    let lit: LitStr = meta.value()?.parse()?;
    out.push(Sp {
        value: make(lit),
        span: meta.path.span(),
    });
    Ok(())
}

/// Reads and removes `#[aws(...)]` and `#[idempotency]` from `attrs`.
pub(crate) fn field_attrs(cx: &Ctxt, attrs: &mut Vec<syn::Attribute>) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    attrs.retain(|attr| {
        if attr.path().is_ident("idempotency") {
            if !matches!(attr.meta, syn::Meta::Path(_)) {
                cx.error_spanned_by(attr, "`#[idempotency]` takes no arguments");
            } else if out.idempotency.is_some() {
                cx.error_spanned_by(attr, "duplicate `#[idempotency]` on one field");
            }
            out.idempotency = Some(attr.clone());
            return false;
        }
        if !attr.path().is_ident("aws") {
            return true;
        }
        let result = attr.parse_args_with(|input: ParseStream| {
            parse_list(cx, input, |meta| {
                keys!(cx, meta in "aws" => {
                    // #[aws(rename = "KMSKeyId")]
                    "rename" => {
                        let lit: LitStr = meta.value()?.parse()?;
                        let value = Sp {
                            value: lit.value(),
                            span: lit.span(),
                        };
                        set_once(cx, &meta, &mut out.rename, value);
                    },
                    // #[aws(timestamp = "date-time")]
                    "timestamp" => timestamp(cx, &meta, &mut out.timestamp)?,
                    // #[aws(default = "hi")], #[aws(default = 10)], #[aws(default = [])]
                    "default" => {
                        let value = default_value(&meta)?;
                        set_once(cx, &meta, &mut out.default, value);
                    },
                    // #[aws(host_label)]
                    "host_label" => {
                        let span = meta.path.span();
                        set_flag(
                            cx,
                            &meta,
                            &mut out.host_label,
                            span,
                            "`host_label` is a flag: write `#[aws(host_label)]`",
                        )?;
                    },
                    // #[aws(endpoint_url)]
                    "endpoint_url" => {
                        let span = meta.path.span();
                        set_flag(
                            cx,
                            &meta,
                            &mut out.endpoint_url,
                            span,
                            "`endpoint_url` is a flag: write `#[aws(endpoint_url)]`",
                        )?;
                    },
                    // #[aws(sensitive)]
                    "sensitive" => {
                        let span = meta.path.span();
                        set_flag(
                            cx,
                            &meta,
                            &mut out.sensitive,
                            span,
                            "`sensitive` is a flag: write `#[aws(sensitive)]`",
                        )?;
                    },
                    // restJson1: #[aws(label)], #[aws(query = "Qualifier")], ...
                    "label" => binding_flag(cx, &meta, &mut out.bindings, DeclaredBinding::Label)?,
                    "query" => binding_named(&meta, &mut out.bindings, DeclaredBinding::Query)?,
                    "query_params" => {
                        binding_flag(cx, &meta, &mut out.bindings, DeclaredBinding::QueryParams)?
                    },
                    "header" => binding_named(&meta, &mut out.bindings, DeclaredBinding::Header)?,
                    "prefix_headers" => {
                        binding_named(&meta, &mut out.bindings, DeclaredBinding::PrefixHeaders)?
                    },
                    "payload" => binding_flag(cx, &meta, &mut out.bindings, DeclaredBinding::Payload)?,
                    "response_code" => {
                        binding_flag(cx, &meta, &mut out.bindings, DeclaredBinding::ResponseCode)?
                    },
                    // event structures: #[aws(event_header)], #[aws(event_payload)]
                    "event_header" => {
                        binding_flag(cx, &meta, &mut out.bindings, DeclaredBinding::EventHeader)?
                    },
                    "event_payload" => {
                        binding_flag(cx, &meta, &mut out.bindings, DeclaredBinding::EventPayload)?
                    },
                    // #[aws(media_type = "text/plain")]
                    "media_type" => set_once(cx, &meta, &mut out.media_type, meta.value()?.parse()?),
                })
            });
            Ok(())
        });
        if let Err(err) = result {
            cx.syn_error(err);
        }
        false
    });
    out
}

/// Options of one enum variant.
#[derive(Default)]
pub(crate) struct VariantAttrs {
    pub(crate) rename: Option<Sp<String>>,
    /// A union member's timestamp format, with the span of the key.
    pub(crate) timestamp: Option<Sp<&'static str>>,
    /// `#[aws(sensitive)]` on a union member, its span.
    pub(crate) sensitive: Option<Span>,
    /// `#[aws(exception)]` on a member of an event-stream union: the member is an
    /// error, sent and received as an `exception` message.
    pub(crate) exception: Option<Span>,
}

/// Reads and removes `#[aws(...)]` from an enum variant's attributes.
pub(crate) fn variant_attrs(cx: &Ctxt, attrs: &mut Vec<syn::Attribute>) -> VariantAttrs {
    let mut out = VariantAttrs::default();
    attrs.retain(|attr| {
        if !attr.path().is_ident("aws") {
            return true;
        }
        let result = attr.parse_args_with(|input: ParseStream| {
            parse_list(cx, input, |meta| {
                keys!(cx, meta in "aws" => {
                    // #[aws(rename = "REQUEST_VALIDATION_FAILED")]
                    "rename" => {
                        let lit: LitStr = meta.value()?.parse()?;
                        let value = Sp {
                            value: lit.value(),
                            span: lit.span(),
                        };
                        set_once(cx, &meta, &mut out.rename, value);
                    },
                    // #[aws(timestamp = "date-time")] on a union member
                    "timestamp" => {
                        let span = meta.path.span();
                        let mut format = None;
                        timestamp(cx, &meta, &mut format)?;
                        if let Some(value) = format {
                            set_once(cx, &meta, &mut out.timestamp, Sp { value, span });
                        }
                    },
                    // #[aws(sensitive)] on a union member
                    "sensitive" => {
                        let span = meta.path.span();
                        set_flag(
                            cx,
                            &meta,
                            &mut out.sensitive,
                            span,
                            "`sensitive` is a flag: write `#[aws(sensitive)]`",
                        )?;
                    },
                    // #[aws(exception)] on an event-stream union's error member
                    "exception" => {
                        let span = meta.path.span();
                        set_flag(
                            cx,
                            &meta,
                            &mut out.exception,
                            span,
                            "`exception` is a flag: write `#[aws(exception)]`",
                        )?;
                    },
                })
            });
            Ok(())
        });
        if let Err(err) = result {
            cx.syn_error(err);
        }
        false
    });
    out
}

fn timestamp(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    slot: &mut Option<&'static str>,
) -> syn::Result<()> {
    let lit: LitStr = meta.value()?.parse()?;
    match TIMESTAMP_FORMATS.iter().find(|f| **f == lit.value()) {
        Some(format) => set_once(cx, meta, slot, format),
        None => cx.error_spanned_by(
            &lit,
            format!(
                "unknown timestamp format {:?}; expected one of {}",
                lit.value(),
                quoted(TIMESTAMP_FORMATS)
            ),
        ),
    }
    Ok(())
}

fn default_value(meta: &ParseNestedMeta) -> syn::Result<Sp<DefaultValue>> {
    let input = meta.value()?;
    let span = input.span();
    let value = if input.peek(syn::token::Bracket) || input.peek(syn::token::Brace) {
        let is_list = input.peek(syn::token::Bracket);
        let group: proc_macro2::Group = input.parse()?;
        if !group.stream().is_empty() {
            return Err(syn::Error::new(
                group.span(),
                "a list or map default can only be empty: `[]` or `{}`",
            ));
        }
        if is_list {
            DefaultValue::EmptyList
        } else {
            DefaultValue::EmptyMap
        }
    } else {
        let negative = input.parse::<Option<Token![-]>>()?.is_some();
        let lit: syn::Lit = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected a literal default: \"text\", a number, true/false, b\"bytes\", `[]` or `{}`",
            )
        })?;
        let ok = match &lit {
            syn::Lit::Int(i) => i.suffix().is_empty(),
            syn::Lit::Float(f) => f.suffix().is_empty(),
            syn::Lit::Str(_) | syn::Lit::ByteStr(_) | syn::Lit::Bool(_) => !negative,
            _ => false,
        };
        if !ok {
            return Err(syn::Error::new(
                lit.span(),
                "unsupported default: write \"text\", a number without suffix, true/false, b\"bytes\", `[]` or `{}`",
            ));
        }
        DefaultValue::Lit { negative, lit }
    };
    Ok(Sp { value, span })
}

/// Parses `key = value, key(...), ...`, calling `each` (a [`keys!`] dispatch) for each
/// key; a syntax error ends the list and is reported.
fn parse_list(cx: &Ctxt, input: ParseStream, each: impl FnMut(ParseNestedMeta) -> syn::Result<()>) {
    let parser = syn::meta::parser(each);
    if let Err(err) = syn::parse::Parser::parse2(parser, input.parse().unwrap_or_default()) {
        cx.syn_error(err);
    }
}

fn key_name(path: &syn::Path) -> String {
    path.get_ident()
        .map(ToString::to_string)
        .unwrap_or_default()
}

/// An unknown key, reported with the valid ones and skipped, so that later keys are
/// still checked.
fn unknown_key(cx: &Ctxt, meta: &ParseNestedMeta, attr: &str, known: &[&str]) -> syn::Result<()> {
    let name = key_name(&meta.path);
    let close = did_you_mean(&name, known.iter().copied());
    let message = if close.is_empty() {
        format!(
            "unknown key `{}` in #[{attr}]; expected one of {}",
            path_text(&meta.path),
            backticked(known)
        )
    } else {
        format!(
            "unknown key `{}` in #[{attr}]{close} (expected one of {})",
            path_text(&meta.path),
            backticked(known)
        )
    };
    cx.error_spanned_by(&meta.path, message);
    skip_value(meta.input)
}

/// Sets a flag key, which must stand alone; a value after it is reported with
/// `message` and skipped, so that the keys after it are still checked.
fn set_flag<T>(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    slot: &mut Option<T>,
    value: T,
    message: &str,
) -> syn::Result<()> {
    if meta.input.is_empty() || meta.input.peek(Token![,]) {
        set_once(cx, meta, slot, value);
    } else {
        cx.error_spanned_by(&meta.path, message);
        skip_value(meta.input)?;
    }
    Ok(())
}

fn skip_value(input: ParseStream) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<proc_macro2::TokenTree>()?;
    }
    Ok(())
}

fn set_once<T>(cx: &Ctxt, meta: &ParseNestedMeta, slot: &mut Option<T>, value: T) {
    if slot.is_some() {
        cx.error_spanned_by(&meta.path, format!("duplicate `{}`", path_text(&meta.path)));
    } else {
        *slot = Some(value);
    }
}

fn rename_rule(cx: &Ctxt, lit: LitStr) -> Option<RenameRule> {
    let rule = RenameRule::from_str(&lit.value());
    if rule.is_none() {
        let names: Vec<&str> = RULE_NAMES.iter().map(|(n, _)| *n).collect();
        cx.error_spanned_by(
            &lit,
            format!(
                "unknown `rename_all` rule {:?}; expected one of {}",
                lit.value(),
                quoted(&names)
            ),
        );
    }
    rule
}

fn path_text(path: &syn::Path) -> String {
    quote::quote!(#path).to_string().replace(' ', "")
}
