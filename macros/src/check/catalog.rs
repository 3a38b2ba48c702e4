//! Checks against the service catalog: fields are mapped to model members (which
//! also gives them their wire names and timestamp formats), and every mismatch is a
//! spanned error that says what the model expects.

use std::collections::HashSet;

use proc_macro2::Span;
use quote::ToTokens;

use super::member_type;
use super::place::member_for;
use super::target::Known;
use crate::ast::{self, EnumKind};
use crate::attr::DeclaredBinding;
use crate::catalog::{
    self, Http, Kind, Location, Member, Protocol, Service, Shape, ShapeId, TimestampFormat,
    field_ident, variant_key,
};
use crate::checked::{Binding, Field, Mirror, Token, Variant};
use crate::ctxt::Ctxt;
use crate::suggest::alternatives;
use crate::ty;

/// Where a structure's rules come from, for messages and the required-member rules.
pub(crate) struct Owner<'a> {
    /// "the input of `DynamoDB_20120810.PutItem`" or "`ecr#Repository`".
    pub(crate) what: &'a str,
    /// Whether the shape is sent (an operation input, or nested in one): then a
    /// required member needs a field, and the field cannot be an `Option`.
    pub(crate) input: bool,
    /// Where "missing member" errors point: the struct's name.
    pub(crate) span: Span,
}

/// The model's sensitive members of `id`, each with the error for a field of `ty` that
/// holds one without `#[aws(sensitive)]`.
fn sensitive_members(service: &Service, ty: &syn::Type, id: ShapeId) -> Vec<(String, String)> {
    let shape = service.shape(id);
    let full = format!("{}#{}", service.name, shape.name);
    let ty = type_text(ty);
    shape
        .members()
        .iter()
        .filter(|m| shape.sensitive || service.redacts(m.target))
        .map(|m| {
            let message = format!(
                "`{ty}` holds `{}`, which is sensitive in `{full}`: mark its field `#[aws(sensitive)]` so that Debug redacts it",
                m.name
            );
            // Matched against the type's members by place (wire name and binding).
            (place(service, m), message)
        })
        .collect()
}

/// Structures the input's fields hold (through `Option`, `Box`, `Vec` and maps) whose
/// model shape has sensitive members: their declarations are checked at compile time,
/// as the output's are. A nested structure's own nested ones are its declaration's
/// business (`shape = ...` checks them).
fn nested_redactions(
    service: &'static Service,
    input: ShapeId,
    fields: &[Field],
) -> Vec<(syn::Type, Vec<(String, String)>)> {
    let shape = service.shape(input);
    let mut out: Vec<(syn::Type, Vec<(String, String)>)> = Vec::new();
    for field in fields {
        let Some(member) = member_for(shape, field) else {
            continue;
        };
        let (mut ty, mut id) = (ty::unwrapped(&field.decl.ty), member.target);
        while let (Kind::List(item) | Kind::Map(_, item), Some(inner)) =
            (&service.shape(id).kind, ty::collection_item(ty))
        {
            (ty, id) = (ty::unwrapped(inner), *item);
        }
        let target = service.shape(id);
        // Unions are enums, which the check cannot read; documents are not declared.
        if !matches!(target.kind, Kind::Structure { .. }) || target.is_union() {
            continue;
        }
        let sensitive = sensitive_members(service, ty, id);
        let text = type_text(ty);
        if !sensitive.is_empty() && !out.iter().any(|(t, _)| type_text(t) == text) {
            out.push((ty.clone(), sensitive));
        }
    }
    out
}

/// What the catalog checks of an operation resolve.
pub(crate) struct Against {
    pub(crate) token: Option<Token>,
    pub(crate) mirrors: Vec<Mirror>,
    pub(crate) nested: Vec<(syn::Type, Vec<(String, String)>)>,
}

/// The catalog checks of an operation: its fields against the input members (giving
/// them the model's wire names), its `errors(...)` against the modeled errors, its
/// `output` against the output shape.
pub(crate) fn operation(
    cx: &Ctxt,
    op: &ast::Operation,
    fields: &mut [Field],
    target: &str,
    (service, model_op): Known,
) -> Against {
    let what = format!("the input of `{target}`");
    let owner = Owner {
        what: &what,
        input: true,
        span: op.body.item.ident.span(),
    };
    let token = match model_op.input {
        Some(input) => self::fields(cx, service, input, fields, &owner, true, model_op.http),
        None => {
            for field in &op.body.fields {
                cx.error_spanned_by(
                    &field.ident,
                    format!(
                        "`{target}` takes no input members; remove `{}`",
                        field.ident
                    ),
                );
            }
            None
        }
    };
    let mut mirrors = Vec::new();
    let full = |id: ShapeId| format!("{}#{}", service.name, service.shape(id).name);
    let sensitive = |ty: &syn::Type, id: ShapeId| sensitive_members(service, ty, id);
    let members = |id: ShapeId| {
        let mut names: Vec<String> = service
            .shape(id)
            .members()
            .iter()
            .map(|m| place(service, m))
            .collect();
        // A `message` field reads each of the three spellings services use.
        let spellings = ["message", "Message", "errorMessage"];
        if names.iter().any(|n| spellings.contains(&n.as_str())) {
            names.extend(spellings.map(str::to_owned));
        }
        names
    };
    match (&op.args.output, model_op.output) {
        (Some(ty), Some(id)) => mirrors.push(Mirror {
            ty: ty.clone(),
            shape: full(id),
            members: members(id),
            model_members: service.shape(id).members().iter().map(|m| m.name).collect(),
            is_output: true,
            event_stream: event_stream_member(service, id),
            sensitive: sensitive(ty, id),
        }),
        (Some(ty), None) if !matches!(ty, syn::Type::Tuple(t) if t.elems.is_empty()) => {
            cx.error_spanned_by(
                ty,
                format!("`{target}` returns no output members; remove `output = ...`"),
            );
        }
        (None, Some(id)) => {
            if let Some(member) = event_stream_member(service, id) {
                cx.error_spanned_by(
                    &op.body.item.ident,
                    format!(
                        "`{target}` answers with an event stream (`{member}`): declare \
                         `output = ...`, a struct with a member `{member}` of type \
                         `awsjson::EventStream<Events, {}Error>`",
                        op.body.item.ident
                    ),
                );
            }
        }
        _ => {}
    }
    // The operation's errors, then those its event streams carry (the error members
    // of an input or output event-stream union), which a stream's exception decodes to.
    let stream_errors: Vec<ShapeId> = [model_op.input, model_op.output]
        .into_iter()
        .flatten()
        .flat_map(|id| service.shape(id).members())
        .filter(|m| service.shape(m.target).is_event_stream())
        .flat_map(|m| service.shape(m.target).members())
        .map(|m| m.target)
        .filter(|t| service.shape(*t).is_error())
        .collect();
    let errors: Vec<ShapeId> = model_op
        .errors
        .iter()
        .copied()
        .chain(stream_errors)
        .collect();
    let modeled: Vec<&str> = errors.iter().map(|e| service.shape(*e).name).collect();
    for path in &op.args.errors {
        let Some(name) = path.segments.last().map(|s| s.ident.to_string()) else {
            continue;
        };
        match errors.iter().find(|e| service.shape(**e).name == name) {
            Some(id) => {
                let ty: syn::Type = syn::parse_quote!(#path);
                mirrors.push(Mirror {
                    sensitive: sensitive(&ty, *id),
                    ty,
                    shape: full(*id),
                    members: members(*id),
                    model_members: service
                        .shape(*id)
                        .members()
                        .iter()
                        .map(|m| m.name)
                        .collect(),
                    is_output: false,
                    event_stream: None,
                });
            }
            None => cx.error_spanned_by(
                path,
                format!(
                    "`{name}` is not a modeled error of `{target}`{}",
                    alternatives(&name, modeled.iter().copied())
                ),
            ),
        }
    }
    let nested = model_op
        .input
        .map(|input| nested_redactions(service, input, fields))
        .unwrap_or_default();
    Against {
        token,
        mirrors,
        nested,
    }
}

/// The member of structure `id` whose type is an event-stream union, by wire name.
fn event_stream_member(service: &Service, id: ShapeId) -> Option<&'static str> {
    service
        .shape(id)
        .members()
        .iter()
        .find(|m| service.shape(m.target).is_event_stream())
        .map(|m| m.wire_name)
}

/// Checks a struct shape against the model shape `lit` names, which also gives its
/// fields their wire names (and restJson1 bindings). Returns the model shape's name and
/// its service's protocol.
pub(crate) fn struct_shape(
    cx: &Ctxt,
    lit: &syn::LitStr,
    s: &ast::Struct,
    fields: &mut [Field],
) -> Option<(String, Protocol)> {
    let (service, id) = shape_ref(cx, lit)?;
    let model = service.shape(id);
    let what = format!("`{}#{}`", service.name, model.name);
    if !matches!(model.kind, Kind::Structure { .. }) {
        cx.error_spanned_by(
            lit,
            format!(
                "{what} is {} in the model, not a structure{}",
                a(model.kind.describe()),
                if model.kind.describe() == "enum" {
                    ": declare an enum"
                } else {
                    ""
                }
            ),
        );
        return None;
    }
    let owner = Owner {
        what: &what,
        input: is_input(service, id),
        span: s.item.ident.span(),
    };
    self::fields(cx, service, id, fields, &owner, false, None);
    Some((format!("{}#{}", service.name, model.name), service.protocol))
}

/// Checks an enum's variants against the model shape `lit` names: a string enum's
/// against its values, a union's against its members.
pub(crate) fn enum_shape(cx: &Ctxt, lit: &syn::LitStr, kind: EnumKind, variants: &mut [Variant]) {
    let Some((service, id)) = shape_ref(cx, lit) else {
        return;
    };
    let m = service.shape(id);
    let what = format!("`{}#{}`", service.name, m.name);
    match (&m.kind, kind) {
        (Kind::String { enum_values }, EnumKind::String) if !enum_values.is_empty() => {
            self::variants(cx, enum_values, variants, &what);
        }
        // A union declared as an enum of one-field variants, one per member.
        (Kind::Structure { .. }, EnumKind::Union) => {
            union_variants(cx, service, id, variants, &what);
        }
        (Kind::Structure { .. }, _) => cx.error_spanned_by(
            lit,
            format!(
                "{what} is a structure in the model: declare a struct, or an enum of one-field variants for a union"
            ),
        ),
        (other, _) => cx.error_spanned_by(
            lit,
            format!("{what} is {} in the model, not an enum", a(other.describe())),
        ),
    }
}

/// Maps `fields` to the members of structure `id`, setting their wire names, timestamp
/// formats and (restJson1) HTTP bindings. `http` is the operation's route when `id` is
/// its input. Returns the operation's idempotency token, if the shape has one.
pub(crate) fn fields(
    cx: &Ctxt,
    service: &'static Service,
    id: ShapeId,
    fields: &mut [Field],
    owner: &Owner,
    operation: bool,
    http: Option<Http>,
) -> Option<Token> {
    let rest_json = service.protocol == Protocol::RestJson1;
    let shape = service.shape(id);
    let members = shape.members();
    let token_member = members.iter().find(|m| m.idempotency_token());
    let mut token = None;
    let mut mapped: HashSet<&str> = HashSet::new();
    for field in fields.iter_mut() {
        // An unknown member is reported (once) by `member_of`.
        let Some(member) = member_of(cx, shape, field.decl, owner) else {
            continue;
        };
        mapped.insert(member.name);
        // The member name in awsJson; restJson1's `jsonName`, label, query parameter
        // or header name.
        field.wire_name = member.wire_name.to_owned();
        if rest_json {
            bind(service, member, field, http);
        }
        // An event structure's members, in either protocol: headers and payload of its
        // message.
        let event = member.event_header() || member.event_payload();
        if member.event_header() {
            field.binding = Binding::EventHeader(member.name.to_owned());
        } else if member.event_payload() {
            field.binding = Binding::EventPayload;
        }
        if rest_json || event || stated_event(field.decl) {
            stated_binding(cx, field, member, owner);
        }
        // The model's `sensitive` trait wins even when the field does not say it.
        field.sensitive |= shape.sensitive || service.redacts(member.target);
        let decl = field.decl;
        let inner = ty::option_inner(&decl.ty);
        if member.idempotency_token() && operation {
            // Marked or not, the token member is the token, and `None` gets a fresh one.
            // A token declared as plain `String` is sent as given.
            if inner.is_some_and(ty::is_string) {
                token = Some(Token {
                    member: member.wire_name.to_owned(),
                    binding: field.binding.clone(),
                    field: Some(decl.ident.clone()),
                });
            }
        } else if let Some(attr) = &decl.attrs.idempotency {
            idempotency_misplaced(cx, attr, decl, member, token_member, owner);
        }
        let required_input =
            owner.input && required(member, rest_json) && !member.idempotency_token();
        if let (true, Some(inner)) = (required_input, inner) {
            cx.error_spanned_by(
                &decl.ty,
                format!(
                    "`{}` is required in {}: declare `{}` as `{}`, not `{}`",
                    member.name,
                    owner.what,
                    decl.ident,
                    type_text(inner),
                    type_text(&decl.ty),
                ),
            );
        }
        let held = inner.unwrap_or(&decl.ty);
        // A mistyped `#[idempotency]` field is reported by the attribute's own check.
        let reported = decl.attrs.idempotency.is_some() && !inner.is_some_and(ty::is_string);
        let fit = if reported {
            Ok(())
        } else {
            member_type::fits(service, member.target, held)
        };
        if let Err(misfit) = fit {
            cx.error_spanned_by(
                &misfit.ty,
                format!(
                    "`{}` cannot hold `{}`, {} in {}; use {}",
                    type_text(&misfit.ty),
                    member.name,
                    a(misfit.kind),
                    owner.what,
                    misfit.expected,
                ),
            );
        }
        timestamp(cx, service, member, field, owner);
    }
    if owner.input {
        for member in members {
            if required(member, rest_json)
                && !member.idempotency_token()
                && !mapped.contains(member.name)
            {
                let label = if member.location == Location::Label {
                    format!(", the URI label {{{}}}", member.wire_name)
                } else {
                    String::new()
                };
                cx.error_at(
                    owner.span,
                    format!(
                        "missing required member `{}` of {}: add a field `{}` ({}{label})",
                        member.name,
                        owner.what,
                        field_ident(member.name),
                        service.shape(member.target).kind.describe(),
                    ),
                );
            }
        }
    }
    match (operation, token, token_member) {
        (true, Some(token), _) => Some(token),
        // No field maps to the token member: awsjson sends a fresh token itself.
        (true, None, Some(m)) if !mapped.contains(m.name) => Some(Token {
            member: m.wire_name.to_owned(),
            binding: if rest_json {
                binding(m, http)
            } else {
                Binding::Body
            },
            field: None,
        }),
        _ => None,
    }
}

/// Where the model puts a member, as the mirror checks compare it
/// ([`Binding::place`]): awsJson's are all body members.
fn place(service: &Service, member: &Member) -> String {
    if member.event_header() {
        Binding::EventHeader(member.name.to_owned()).place(member.wire_name)
    } else if member.event_payload() {
        Binding::EventPayload.place(member.wire_name)
    } else if service.protocol == Protocol::RestJson1 {
        binding(member, None).place(member.wire_name)
    } else {
        member.wire_name.to_owned()
    }
}

/// Whether a member needs a value in a request: `required` in the model, or (restJson1)
/// bound to a URI label, which has no empty form.
fn required(member: &Member, rest_json: bool) -> bool {
    member.required() || (rest_json && member.location == Location::Label)
}

/// Gives a restJson1 field the model member's HTTP binding; `http` is the operation's
/// route when the structure is its input (labels read their greediness there).
fn bind(service: &Service, member: &Member, field: &mut Field, http: Option<Http>) {
    field.binding = binding(member, http);
    field.media_type = service.payload_media_type(member).map(str::to_owned);
    field.streaming =
        member.location == Location::Payload && service.shape(member.target).is_streaming();
}

/// A binding stated by hand on a field the model binds: it must say what the model
/// says (a header's name in any case). A `media_type` may name the payload's or a
/// header's media type, which botocore's models leave out.
fn stated_binding(cx: &Ctxt, field: &mut Field, member: &Member, owner: &Owner) {
    let decl = field.decl;
    if let Some(media_type) = &decl.attrs.media_type {
        if matches!(field.binding, Binding::Payload | Binding::Header(_)) {
            field.media_type = Some(media_type.value());
        } else {
            cx.error_spanned_by(
                media_type,
                format!(
                    "`media_type` goes on a payload or header member; `{}` is {} in {}",
                    member.name,
                    where_bound(&field.binding),
                    owner.what
                ),
            );
        }
    }
    let Some((first, more)) = decl.attrs.bindings.split_first() else {
        return;
    };
    for extra in more {
        cx.error_at(
            extra.span,
            format!(
                "`{}` already has `{}`: a member has one binding",
                decl.ident,
                first.value.key()
            ),
        );
    }
    let agrees = match (&first.value, &field.binding) {
        (DeclaredBinding::Label, Binding::Label { .. })
        | (DeclaredBinding::QueryParams, Binding::QueryParams)
        | (DeclaredBinding::Payload, Binding::Payload)
        | (DeclaredBinding::ResponseCode, Binding::ResponseCode)
        | (DeclaredBinding::EventHeader, Binding::EventHeader(_))
        | (DeclaredBinding::EventPayload, Binding::EventPayload) => true,
        (DeclaredBinding::Query(lit), Binding::Query(name)) => lit.value() == *name,
        (DeclaredBinding::Header(lit), Binding::Header(name))
        | (DeclaredBinding::PrefixHeaders(lit), Binding::PrefixHeaders(name)) => {
            lit.value().eq_ignore_ascii_case(name)
        }
        _ => false,
    };
    if !agrees {
        let stated = match &first.value {
            DeclaredBinding::Query(lit)
            | DeclaredBinding::Header(lit)
            | DeclaredBinding::PrefixHeaders(lit) => {
                format!("{} = {:?}", first.value.key(), lit.value())
            }
            other => other.key().to_owned(),
        };
        cx.error_at(
            first.span,
            format!(
                "`{}` is {} in {}, not `#[aws({stated})]`: leave the binding out and the catalog supplies it",
                member.name,
                where_bound(&field.binding),
                owner.what
            ),
        );
    }
}

/// Where a binding puts a member, for messages.
fn where_bound(binding: &Binding) -> String {
    match binding {
        Binding::Body => "a member of the JSON body".to_owned(),
        Binding::Label { greedy: false } => "a URI label".to_owned(),
        Binding::Label { greedy: true } => "a greedy URI label".to_owned(),
        Binding::Query(name) => format!("the query parameter `{name}`"),
        Binding::QueryParams => "the map of query parameters".to_owned(),
        Binding::Header(name) => format!("the header `{name}`"),
        Binding::PrefixHeaders(prefix) => format!("the headers prefixed `{prefix}`"),
        Binding::Payload => "the HTTP payload".to_owned(),
        Binding::ResponseCode => "the status code".to_owned(),
        Binding::EventHeader(name) => format!("the event header `{name}`"),
        Binding::EventPayload => "the event payload".to_owned(),
    }
}

/// Whether a field states an event binding (`event_header`, `event_payload`).
pub(crate) fn stated_event(field: &ast::Field) -> bool {
    field.attrs.bindings.iter().any(|b| {
        matches!(
            b.value,
            DeclaredBinding::EventHeader | DeclaredBinding::EventPayload
        )
    })
}

/// A restJson1 member's binding, as the seam spells it.
fn binding(member: &Member, http: Option<Http>) -> Binding {
    let name = member.wire_name.to_owned();
    match member.location {
        Location::Body => Binding::Body,
        Location::Label => Binding::Label {
            greedy: http
                .and_then(|h| h.label(member.wire_name))
                .is_some_and(|l| l.greedy),
        },
        Location::Query => Binding::Query(name),
        Location::QueryParams => Binding::QueryParams,
        Location::Header => Binding::Header(name),
        Location::PrefixHeaders => Binding::PrefixHeaders(name),
        Location::Payload => Binding::Payload,
        Location::ResponseCode => Binding::ResponseCode,
    }
}

fn member_of<'s>(
    cx: &Ctxt,
    shape: &'s Shape,
    field: &ast::Field,
    owner: &Owner,
) -> Option<&'s Member> {
    let names = || shape.members().iter().map(|m| m.name);
    if let Some(rename) = &field.attrs.rename {
        let found = shape.member(&rename.value);
        if found.is_none() {
            cx.error_at(
                rename.span,
                format!(
                    "`#[aws(rename = {:?})]` names no member of {}{}",
                    rename.value,
                    owner.what,
                    alternatives(&rename.value, names()),
                ),
            );
        }
        return found;
    }
    let ident = field.ident.to_string();
    let found = shape.member_for_field(&ident);
    if found.is_none() {
        cx.error_spanned_by(
            &field.ident,
            format!(
                "`{}` matches no member of {}{}",
                ident.trim_start_matches("r#"),
                owner.what,
                alternatives(&ident, names()),
            ),
        );
    }
    found
}

fn idempotency_misplaced(
    cx: &Ctxt,
    attr: &syn::Attribute,
    field: &ast::Field,
    member: &Member,
    token: Option<&Member>,
    owner: &Owner,
) {
    let hint = match token {
        Some(t) => format!("; the token of {} is `{}`", owner.what, t.name),
        None => format!("; {} has no idempotency token", owner.what),
    };
    cx.error_spanned_by(
        attr,
        format!(
            "`#[idempotency]` on `{}`, but the model does not mark `{}` as an idempotency token{hint}",
            field.ident, member.name
        ),
    );
}

/// Takes the member's timestamp format from the model (through lists and maps).
fn timestamp(cx: &Ctxt, service: &Service, member: &Member, field: &mut Field, owner: &Owner) {
    let mut id = member.target;
    // restJson1 resolves the format per location (http-date in a header, date-time in
    // a label or query); awsJson's is the shape's.
    let format = match member.timestamp_format() {
        Some(format) => format,
        None => loop {
            match service.shape(id).kind {
                Kind::Timestamp(format) => break format,
                Kind::List(m) | Kind::Map(_, m) => id = m,
                _ => return,
            }
        },
    };
    let wanted = match format {
        TimestampFormat::EpochSeconds => "epoch-seconds",
        TimestampFormat::Iso8601 => "date-time",
        TimestampFormat::Rfc822 => "http-date",
    };
    match field.decl.attrs.timestamp {
        Some(given) if given != wanted => cx.error_spanned_by(
            &field.decl.ident,
            format!(
                "`{}` is a {wanted:?} timestamp in {}, not {given:?}: remove `#[aws(timestamp = ...)]`",
                member.name, owner.what
            ),
        ),
        Some(_) => {}
        None if format == TimestampFormat::EpochSeconds => {}
        None => field.timestamp = Some(wanted),
    }
}

/// Maps unit variants to the enum's values, setting their wire values.
fn variants(cx: &Ctxt, values: &[&'static str], variants: &mut [Variant], what: &str) {
    for variant in variants {
        let ident = variant.decl.ident.to_string();
        if variant.decl.renamed || values.contains(&variant.wire_name.as_str()) {
            if !values.contains(&variant.wire_name.as_str()) {
                cx.error_at(
                    variant.decl.wire_span,
                    format!(
                        "{:?} is not a value of {what}{}",
                        variant.wire_name,
                        alternatives(&variant.wire_name, values.iter().copied())
                    ),
                );
            }
            continue;
        }
        let key = variant_key(&ident);
        let mut matches = values.iter().filter(|v| variant_key(v) == key);
        match (matches.next(), matches.next()) {
            (Some(value), None) => variant.wire_name = (*value).to_owned(),
            (Some(a), Some(b)) => cx.error_spanned_by(
                &variant.decl.ident,
                format!(
                    "`{ident}` matches both {a:?} and {b:?} of {what}: give its value with #[aws(rename = \"...\")]"
                ),
            ),
            _ => cx.error_spanned_by(
                &variant.decl.ident,
                format!(
                    "`{ident}` matches no value of {what}{}",
                    alternatives(&ident, values.iter().copied())
                ),
            ),
        }
    }
}

/// Maps a union's one-field variants to the members of structure `id`: wire names,
/// types and timestamp formats from the model.
fn union_variants(cx: &Ctxt, service: &Service, id: ShapeId, variants: &mut [Variant], what: &str) {
    let shape = service.shape(id);
    let names = || shape.members().iter().map(|m| m.name);
    for variant in variants {
        let ident = variant.decl.ident.to_string();
        let member = if variant.decl.renamed {
            shape.member(&variant.wire_name)
        } else {
            shape.member_for_field(&ident)
        };
        let Some(member) = member else {
            let (span, name) = if variant.decl.renamed {
                (variant.decl.wire_span, variant.wire_name.clone())
            } else {
                (variant.decl.ident.span(), ident.clone())
            };
            cx.error_at(
                span,
                format!(
                    "`{name}` matches no member of {what}{}",
                    alternatives(&name, names())
                ),
            );
            continue;
        };
        variant.wire_name = member.wire_name.to_owned();
        variant.sensitive |= shape.sensitive || service.redacts(member.target);
        // An event-stream union's error member: an `exception` message, known by the
        // name of the type that holds it (the error enum's code for it).
        if shape.is_event_stream() && service.shape(member.target).is_error() {
            variant.exception = variant.decl.ty.as_ref().and_then(ty::base_name);
        } else if let Some(span) = variant.decl.exception {
            cx.error_at(
                span,
                format!("`{}` of {what} is not an error: `exception` marks an event-stream union's error member", member.name),
            );
        }
        if let Some(Err(misfit)) = variant
            .decl
            .ty
            .as_ref()
            .map(|ty| member_type::fits(service, member.target, ty))
        {
            cx.error_spanned_by(
                &misfit.ty,
                format!(
                    "`{}` cannot hold `{}`, {} in {what}; use {}",
                    type_text(&misfit.ty),
                    member.name,
                    a(misfit.kind),
                    misfit.expected,
                ),
            );
        }
        if let (true, Kind::Timestamp(format)) = (
            variant.timestamp.is_none(),
            &service.shape(member.target).kind,
        ) {
            variant.timestamp = match format {
                TimestampFormat::EpochSeconds => None,
                TimestampFormat::Iso8601 => Some("date-time"),
                TimestampFormat::Rfc822 => Some("http-date"),
            };
        }
    }
}

/// `a structure`, `an enum`, `an integer`.
pub(crate) fn a(word: &str) -> String {
    let article = if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {word}")
}

/// A type as the user wrote it, with rustfmt-like spacing.
pub(crate) fn type_text(ty: &syn::Type) -> String {
    ty.to_token_stream()
        .to_string()
        .replace(" < ", "<")
        .replace("< ", "<")
        .replace(" <", "<")
        .replace(" >", ">")
        .replace(" ,", ",")
        .replace(" :: ", "::")
        .replace(":: ", "::")
}

/// Whether structure `id` is sent: an operation input or nested in one.
fn is_input(service: &Service, id: ShapeId) -> bool {
    let mut stack: Vec<ShapeId> = service.operations.iter().filter_map(|o| o.input).collect();
    let mut seen = HashSet::new();
    while let Some(s) = stack.pop() {
        if s == id {
            return true;
        }
        if !seen.insert(s) {
            continue;
        }
        match &service.shape(s).kind {
            Kind::Structure { members, .. } => stack.extend(members.iter().map(|m| m.target)),
            Kind::List(m) => stack.push(*m),
            Kind::Map(k, v) => stack.extend([*k, *v]),
            _ => {}
        }
    }
    false
}

/// Resolves `shape = "<service>#<Shape>"`, reporting unknown names at the literal.
fn shape_ref(cx: &Ctxt, lit: &syn::LitStr) -> Option<(&'static Service, ShapeId)> {
    let value = lit.value();
    let Some((service, shape)) = value.split_once('#') else {
        cx.error_spanned_by(
            lit,
            format!(
                "malformed `shape` {value:?}: expected \"<service>#<Shape>\", such as \"ecr#Repository\""
            ),
        );
        return None;
    };
    let c = catalog::catalog();
    // awsJson first: a crate naming only awsJson shapes never reads restJson1's index.
    let Some(s) = c.any_service(service) else {
        cx.error_spanned_by(
            lit,
            format!(
                "unknown service `{service}` in `shape`{}",
                alternatives(
                    service,
                    c.service_names().chain(c.rest_json_service_names())
                )
            ),
        );
        return None;
    };
    let Some((id, _)) = s.shape_named(shape) else {
        cx.error_spanned_by(
            lit,
            format!(
                "`{service}` has no shape `{shape}`{}",
                alternatives(shape, s.shapes.iter().map(|s| s.name))
            ),
        );
        return None;
    };
    Some((s, id))
}
