//! `scaffold`: declarations for named operations, ready to paste, that compile as is.
//!
//! Every shape carries `shape = "<service>#<Shape>"`, so wire names come from the
//! catalog and fields only need to be the members' snake_case names.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::Write;

use crate::catalog::{
    Http, Kind, Location, Member, Operation, Paginator, Protocol, Service, Shape, ShapeId,
    TimestampFormat, catalog, field_ident, field_key, suggest, type_ident, variant_ident,
    variant_key,
};
use crate::docs::Docs;

/// Names the generated code or a glob import could shadow: a shape with one of
/// these names is declared as `<Name>Shape` (its `shape = ...` keeps the link).
const RESERVED: &[&str] = &[
    "Blob",
    "Box",
    "ByteStream",
    "Clone",
    "Copy",
    "DateTime",
    "Debug",
    "Default",
    "Document",
    "Err",
    "Error",
    "HashMap",
    "None",
    "Ok",
    "Option",
    "Result",
    "Self",
    "Some",
    "String",
    "ToString",
    "Vec",
    "UnknownValue",
    "Unknown",
];

/// A service of either protocol by botocore name, target prefix (awsJson) or service id.
pub(crate) fn find_service(name: &str) -> Result<&'static Service, String> {
    let c = catalog();
    if let Some(s) = c.service(name) {
        return Ok(s);
    }
    if let Some(s) = c.services_by_prefix(name).first() {
        return Ok(s);
    }
    if let Some(s) = c
        .service_names()
        .filter_map(|n| c.service(n))
        .find(|s| s.service_id.eq_ignore_ascii_case(name))
    {
        return Ok(s);
    }
    if let Some(s) = find_rest_json_service(name) {
        return Ok(s);
    }
    let mut msg = format!(
        "no service `{name}` in the catalog (botocore {})",
        c.botocore_version
    );
    let close = suggest(name, c.service_names().chain(c.rest_json_service_names()));
    if !close.is_empty() {
        let _ = write!(msg, "; did you mean {}?", backticked(&close));
    }
    Err(msg)
}

/// A restJson1 service by botocore name or service id.
pub(crate) fn find_rest_json_service(name: &str) -> Option<&'static Service> {
    let c = catalog();
    c.rest_json_service(name).or_else(|| {
        c.rest_json_service_names()
            .filter_map(|n| c.rest_json_service(n))
            .find(|s| s.service_id.eq_ignore_ascii_case(name))
    })
}

/// `explicit`: spell out what the catalog would supply (service metadata keys, every
/// wire name, timestamp formats), so the output also compiles without the catalog;
/// the compile-cost benchmark uses it to compare like with like.
pub(crate) fn scaffold(
    service: &str,
    operations: &[&str],
    explicit: bool,
) -> Result<String, String> {
    let s = find_service(service)?;
    let mut g = Gen::new(s);
    g.explicit = explicit;
    let mut errors = Vec::new();
    for &name in operations {
        match s.operation(name) {
            Some(op) if g.ops.contains(&op.name) => {}
            Some(op) => g.ops.push(op.name),
            None => {
                let close = suggest(name, s.operations.iter().map(|o| o.name));
                let mut msg = format!("`{}` has no operation `{name}`", s.name);
                if !close.is_empty() {
                    let _ = write!(msg, "; did you mean {}?", backticked(&close));
                }
                errors.push(msg);
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    // Input event streams have no declaration form yet: such operations are left out,
    // with a note. An output stream is declared (awsjson's `http2` feature).
    let (streaming, ops): (Vec<&str>, Vec<&str>) = g.ops.iter().partition(|op| {
        let op = s.operation(op).expect("checked");
        op.input.is_some_and(|id| reaches_event_stream(s, id))
    });
    if ops.is_empty() {
        return Err(format!(
            "{} stream events in their input, which awsjson's declarations do not support",
            backticked(&streaming)
        ));
    }
    g.ops = ops;
    g.skipped = streaming;
    g.run()
}

/// Whether the operation's input or output reaches an event stream: the compile
/// sample leaves such operations out, as they need awsjson's `http2` feature.
pub(crate) fn streams_events(s: &Service, op: &Operation) -> bool {
    op.input
        .iter()
        .chain(&op.output)
        .any(|id| reaches_event_stream(s, *id))
}

/// Whether shape `id` is or contains an event stream.
fn reaches_event_stream(s: &Service, id: ShapeId) -> bool {
    let mut stack = vec![id];
    let mut seen = BTreeSet::new();
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        let shape = s.shape(id);
        if shape.is_event_stream() {
            return true;
        }
        match &shape.kind {
            Kind::Structure { members, .. } => stack.extend(members.iter().map(|m| m.target)),
            Kind::List(m) => stack.push(*m),
            Kind::Map(k, v) => stack.extend([*k, *v]),
            _ => {}
        }
    }
    false
}

fn backticked(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

struct Gen {
    s: &'static Service,
    docs: Docs,
    ops: Vec<&'static str>,
    out: String,
    queue: VecDeque<ShapeId>,
    queued: HashSet<ShapeId>,
    names: HashMap<ShapeId, String>,
    taken: HashSet<String>,
    uses_map: bool,
    explicit: bool,
    /// Operations left out: they stream events in their input.
    skipped: Vec<&'static str>,
    /// Outputs with an event-stream member, and the error enum of their operation
    /// (the stream's error type).
    stream_errors: HashMap<ShapeId, String>,
}

impl Gen {
    fn new(s: &'static Service) -> Self {
        Gen {
            s,
            docs: Docs::load(s),
            ops: Vec::new(),
            out: String::new(),
            queue: VecDeque::new(),
            queued: HashSet::new(),
            names: HashMap::new(),
            taken: HashSet::new(),
            uses_map: false,
            explicit: false,
            skipped: Vec::new(),
            stream_errors: HashMap::new(),
        }
    }

    fn run(mut self) -> Result<String, String> {
        let s = self.s;
        // Operation structs and the `<Op>Error` enums the macro generates take their
        // names first; error shapes keep theirs (the macro matches codes by name).
        for op in &self.ops {
            self.taken.insert((*op).to_owned());
            self.taken.insert(format!("{op}Error"));
        }
        for op in &self.ops {
            for e in &s.operation(op).expect("checked").errors {
                self.names.insert(*e, s.shape(*e).name.to_owned());
                self.taken.insert(s.shape(*e).name.to_owned());
            }
        }
        let ops = self.ops.clone();
        let mut body = String::new();
        for op in &ops {
            body.push_str(&self.operation(op)?);
        }
        while let Some(id) = self.queue.pop_front() {
            body.push_str(&self.shape(id));
        }
        let c = catalog();
        let mut out = format!(
            "// Generated by `awsjson-cli scaffold {} {}` from botocore {}.\n\n",
            s.name,
            ops.join(" "),
            c.botocore_version
        );
        if !self.skipped.is_empty() {
            let _ = writeln!(
                out,
                "// Left out: {} stream events in their input, which awsjson's declarations do not support.\n",
                backticked(&self.skipped)
            );
        }
        out.push_str(
            "#[allow(unused_imports)]\nuse awsjson::{aws_json_operation, aws_json_shape};\n",
        );
        if self.uses_map {
            out.push_str("use std::collections::HashMap;\n");
        }
        out.push_str(&body);
        self.out = out;
        Ok(self.out)
    }

    fn operation(&mut self, name: &str) -> Result<String, String> {
        let s = self.s;
        let op = s.operation(name).expect("checked");
        let mut out = String::from("\n");
        doc(&mut out, "", self.docs.operation(s, name));
        let rest_json = s.protocol == Protocol::RestJson1;
        if rest_json {
            self.rest_json_head(&mut out, op);
        } else {
            let _ = writeln!(
                out,
                "#[aws_json_operation(\n    target = \"{}.{name}\",",
                s.target_prefix
            );
        }
        // Timestream's query and write share a prefix and some operations: the
        // endpoint prefix says which service is meant.
        let shared = !rest_json
            && catalog()
                .services_by_prefix(s.target_prefix)
                .iter()
                .filter(|other| other.operation(name).is_some())
                .count()
                > 1;
        if shared && !self.explicit {
            let _ = writeln!(
                out,
                "    // `{}` and another service share the target prefix and this operation:\n    \
                 // the endpoint prefix says which is meant.\n    endpoint_prefix = \"{}\",",
                s.target_prefix, s.endpoint_prefix
            );
        }
        if self.explicit && !rest_json {
            let _ = writeln!(
                out,
                "    json_version = \"{}\",\n    signing_name = \"{}\",\n    \
                 endpoint_prefix = \"{}\",\n    service_id = \"{}\",\n    hostname = \"{}\",",
                s.json_version,
                s.signing_name,
                s.endpoint_prefix,
                s.service_id,
                s.hostname()
            );
        }
        // The catalog supplies both; printed so that the reader sees them.
        if s.query_compatible {
            out.push_str(
                "    // The model's `awsQueryCompatible`: requests say `x-amzn-query-mode` and\n    \
                 // errors carry the service's query codes.\n    query_compatible,\n",
            );
        }
        if let Some(prefix) = op.host_prefix {
            let _ = writeln!(
                out,
                "    // The model's `endpoint` trait: requests go to `{prefix}` + the service host.\n    \
                 host_prefix = \"{prefix}\","
            );
        }
        if let Some(output) = op.output {
            let ty = self.name_of(output);
            if reaches_event_stream(s, output) {
                out.push_str(if rest_json {
                    "    // The output streams events: the output's `EventStream` member reads them\n    \
                     // as they arrive.\n"
                } else {
                    "    // The output streams events over HTTP/2: `send` needs awsjson's `http2`\n    \
                     // feature.\n"
                });
                self.stream_errors.insert(output, format!("{name}Error"));
            }
            let _ = writeln!(out, "    output = {ty},");
        }
        if !op.errors.is_empty() {
            let names: Vec<&str> = op.errors.iter().map(|e| s.shape(*e).name).collect();
            for e in &op.errors {
                self.enqueue(*e);
            }
            if names.iter().map(|n| n.len() + 2).sum::<usize>() < 80 {
                let _ = writeln!(out, "    errors({}),", names.join(", "));
            } else {
                let _ = writeln!(
                    out,
                    "    errors(\n        {},\n    ),",
                    names.join(",\n        ")
                );
            }
        }
        if let (Some(p), Some(input), Some(output)) = (&op.paginator, op.input, op.output) {
            out.push_str(&self.paginate(p, input, output));
        }
        out.push_str(")]\n");
        out.push_str(self.derives(op.input));
        let fields = op
            .input
            .map(|id| self.fields(id, true, op.http))
            .unwrap_or_default();
        out.push_str(&braced(&format!("pub struct {name}"), &fields));
        Ok(out)
    }

    /// A restJson1 operation's first keys: `operation = ...` with its route as a
    /// comment, or (explicit) the route and service metadata spelt out.
    fn rest_json_head(&self, out: &mut String, op: &Operation) {
        let s = self.s;
        let http = op
            .http
            .expect("every restJson1 operation has an http trait");
        out.push_str("#[aws_json_operation(\n");
        if self.explicit {
            let _ = writeln!(out, "    http = \"{} {}\",", http.method, http.uri);
            if http.code != 200 {
                let _ = writeln!(out, "    code = {},", http.code);
            }
            let _ = writeln!(
                out,
                "    signing_name = \"{}\",\n    endpoint_prefix = \"{}\",\n    \
                 service_id = \"{}\",\n    hostname = \"{}\",",
                s.signing_name,
                s.endpoint_prefix,
                s.service_id,
                s.hostname()
            );
        } else {
            let code = if http.code == 200 {
                String::new()
            } else {
                format!(", answers {}", http.code)
            };
            let _ = writeln!(
                out,
                "    operation = \"{}#{}\", // {} {}{code}",
                s.name, op.name, http.method, http.uri
            );
        }
    }

    /// The derives of a declared structure: one holding a streaming payload
    /// (`awsjson::ByteStream`, which a stream may back) is not `Clone`.
    fn derives(&self, id: Option<ShapeId>) -> &'static str {
        let s = self.s;
        let streams = id.is_some_and(|id| {
            s.shape(id)
                .members()
                .iter()
                .any(|m| s.shape(m.target).is_streaming())
        });
        // A stream is not `Clone`.
        if streams || id.is_some_and(|id| self.stream_errors.contains_key(&id)) {
            "#[derive(Debug, Default)]\n"
        } else {
            "#[derive(Debug, Clone, Default)]\n"
        }
    }

    fn shape(&mut self, id: ShapeId) -> String {
        let s = self.s;
        let shape = s.shape(id);
        let name = self.name_of(id);
        let mut out = String::from("\n");
        doc(&mut out, "", self.docs.shape(id));
        if self.explicit {
            out.push_str("#[aws_json_shape]\n");
        } else {
            let _ = writeln!(
                out,
                "#[aws_json_shape(shape = \"{}#{}\")]",
                s.name, shape.name
            );
        }
        match &shape.kind {
            Kind::String { enum_values } => {
                out.push_str("#[derive(Debug, Clone, PartialEq)]\n");
                let _ = writeln!(out, "pub enum {name} {{");
                out.push_str(&variants(enum_values, self.explicit));
                out.push_str("}\n");
            }
            _ if shape.is_event_stream() => {
                // The stream's exceptions are the operation's errors, not events.
                out.push_str("#[derive(Debug, Clone)]\n");
                let _ = writeln!(out, "pub enum {name} {{");
                out.push_str(&self.union_variants(id));
                out.push_str("}\n");
            }
            _ if shape.is_union() => {
                out.push_str("#[derive(Debug, Clone)]\n");
                let _ = writeln!(out, "pub enum {name} {{");
                out.push_str(&self.union_variants(id));
                out.push_str("}\n");
            }
            _ => {
                out.push_str(self.derives(Some(id)));
                let fields = self.fields(id, false, None);
                out.push_str(&braced(&format!("pub struct {name}"), &fields));
            }
        }
        out
    }

    /// `http` is the operation's route when `id` is its input.
    fn fields(&mut self, id: ShapeId, operation: bool, http: Option<Http>) -> String {
        let s = self.s;
        let shape = s.shape(id);
        let mut out = String::new();
        let mut keys: HashMap<String, usize> = HashMap::new();
        for m in shape.members() {
            *keys.entry(field_key(m.name)).or_default() += 1;
        }
        let idents = member_idents(shape);
        for (i, m) in shape.members().iter().enumerate() {
            doc(&mut out, "    ", self.docs.member(id, i));
            let token = operation && m.idempotency_token();
            if token {
                out.push_str("    #[idempotency]\n");
            }
            let ident = &idents[i];
            let rest_json = s.protocol == Protocol::RestJson1;
            // What the JSON key, label or (explicit) binding attribute names.
            let bound = !rest_json || matches!(m.location, Location::Body | Location::Label);
            if self.explicit && bound {
                let _ = writeln!(out, "    #[aws(rename = \"{}\")]", m.wire_name);
            } else if keys[&field_key(m.name)] > 1 {
                // Two members with one matching key (rare) need the member spelt out.
                let _ = writeln!(out, "    #[aws(rename = \"{}\")]", m.name);
            }
            if self.explicit && rest_json {
                if let Some(attr) = binding_attr(m) {
                    let _ = writeln!(out, "    #[aws({attr})]");
                }
                if m.host_label() {
                    out.push_str("    #[aws(host_label)]\n");
                }
            }
            if self.explicit {
                let format = match m.timestamp_format() {
                    Some(format) => Some(format),
                    None => self.timestamp_format(m.target),
                };
                match format {
                    Some(TimestampFormat::Iso8601) => {
                        out.push_str("    #[aws(timestamp = \"date-time\")]\n");
                    }
                    Some(TimestampFormat::Rfc822) => {
                        out.push_str("    #[aws(timestamp = \"http-date\")]\n");
                    }
                    _ => {}
                }
            }
            // Spelt out even where the catalog would fill it: the reader sees why the
            // member prints redacted, and the declaration stays safe without `shape`.
            if shape.sensitive || s.redacts(m.target) {
                out.push_str("    #[aws(sensitive)]\n");
            }
            let mut ty = self.type_of(m.target, id);
            // An event-stream member is the stream itself, present in every answer.
            let stream = self
                .stream_errors
                .get(&id)
                .filter(|_| s.shape(m.target).is_event_stream());
            if let Some(error) = stream {
                ty = format!("awsjson::EventStream<{ty}, {error}>");
            } else if token || !required(s, m) {
                ty = format!("Option<{ty}>");
            }
            let comment = if self.explicit || !rest_json {
                String::new()
            } else {
                binding_comment(m, http)
            };
            let _ = writeln!(out, "    pub {ident}: {ty},{comment}");
        }
        out
    }

    /// The `paginate(...)` entry for botocore's paginator, as far as the macro can
    /// express it: one input and one output token, both optional members of one type;
    /// a page size the runtime can set; items from one list member. What it cannot
    /// express is said in `//` comments beside it, never dropped silently.
    fn paginate(&mut self, p: &Paginator, input: ShapeId, output: ShapeId) -> String {
        let s = self.s;
        let mut notes = Vec::new();
        let mut keys = Vec::new();
        let token = match (p.input_token.as_slice(), p.output_token.as_slice()) {
            ([i], [o]) => {
                let i = self.member_slot(input, i);
                let o = self.member_slot(output, o);
                match (i, o) {
                    (Ok((i, it, true)), Ok((o, ot, true)))
                        if self.type_of(it, input) == self.type_of(ot, output) =>
                    {
                        Some((i, o))
                    }
                    (Ok(_), Ok(_)) => {
                        notes.push(format!(
                            "the tokens `{}` and `{}` are not both optional members of one type",
                            p.input_token[0], p.output_token[0]
                        ));
                        None
                    }
                    (Err(e), _) | (_, Err(e)) => {
                        notes.push(e);
                        None
                    }
                }
            }
            _ => {
                notes.push(format!(
                    "several tokens (input {}, output {}), where `paginate` follows one",
                    backticked(&p.input_token),
                    backticked(&p.output_token)
                ));
                None
            }
        };
        let Some((input_token, output_token)) = token else {
            let note = format!("No `paginate(...)`: {}", notes.join("; "));
            return fill(&note, "    // ", "    // ").concat();
        };
        keys.push(format!("input_token = {input_token}"));
        keys.push(format!("output_token = {output_token}"));
        if let Some(limit) = p.limit_key {
            match self.member_slot(input, limit) {
                Ok((ident, id, true)) if matches!(s.shape(id).kind, Kind::Integer | Kind::Long) => {
                    keys.push(format!("page_size = {ident}"));
                }
                Ok(_) => notes.push(format!(
                    "no `page_size`: `{limit}` is not an optional integer member"
                )),
                Err(e) => notes.push(format!("no `page_size`: {e}")),
            }
        }
        match p.result_key.split_first() {
            Some((first, rest)) => {
                match self.member_slot(output, first) {
                    Ok((ident, id, _)) => match s.shape(id).kind {
                        Kind::List(item) => {
                            let ty = self.type_of(item, id);
                            keys.push(format!("items = {ident}: {ty}"));
                        }
                        _ => notes.push(format!(
                            "no `items`: `{first}` is a {}, not a list",
                            s.shape(id).kind.describe()
                        )),
                    },
                    Err(e) => notes.push(format!("no `items`: {e}")),
                }
                if !rest.is_empty() {
                    notes.push(format!(
                        "`items` takes the first result key; {} also page but are read from `pages()` only",
                        backticked(rest)
                    ));
                }
            }
            None => notes.push("no `items`: the paginator names no result key".to_owned()),
        }
        if let Some(more) = p.more_results {
            notes.push(format!(
                "the model also flags more pages with `{more}`, which `paginate` does not read: \
                 the stream ends when the page's token is absent"
            ));
        }
        let mut out = String::new();
        for note in &notes {
            for line in fill(note, "    // ", "    // ") {
                out.push_str(&line);
            }
        }
        let _ = writeln!(
            out,
            "    paginate(\n        {},\n    ),",
            keys.join(",\n        ")
        );
        out
    }

    /// The field of a paginator's token or key: (Rust ident, target shape, optional).
    fn member_slot(&self, id: ShapeId, name: &str) -> Result<(String, ShapeId, bool), String> {
        let shape = self.s.shape(id);
        let Some(i) = shape.members().iter().position(|m| m.name == name) else {
            return Err(format!(
                "`{name}` is not a member of `{}` (a path, which `paginate` cannot follow)",
                shape.name
            ));
        };
        let m = &shape.members()[i];
        Ok((member_idents(shape).swap_remove(i), m.target, !m.required()))
    }

    /// A union's members as one-field variants: exactly one is set, and the macro adds
    /// `Unknown` for members the service adds later.
    fn union_variants(&mut self, id: ShapeId) -> String {
        let s = self.s;
        let shape = s.shape(id);
        let mut out = String::new();
        let mut keys: HashMap<String, usize> = HashMap::new();
        for m in shape.members() {
            *keys.entry(field_key(m.name)).or_default() += 1;
        }
        let mut taken = HashSet::new();
        for (i, m) in shape.members().iter().enumerate() {
            if shape.is_event_stream() && s.shape(m.target).is_error() {
                continue;
            }
            doc(&mut out, "    ", self.docs.member(id, i));
            let mut ident = variant_ident(m.name);
            while !taken.insert(ident.clone()) {
                ident.push('_');
            }
            // The catalog matches a variant to its member by key; spell out the rest.
            if self.explicit
                || keys[&field_key(m.name)] > 1
                || field_key(&ident) != field_key(m.name)
            {
                let _ = writeln!(out, "    #[aws(rename = \"{}\")]", m.name);
            }
            if self.explicit && self.timestamp_format(m.target) == Some(TimestampFormat::Iso8601) {
                out.push_str("    #[aws(timestamp = \"date-time\")]\n");
            }
            if shape.sensitive || s.redacts(m.target) {
                out.push_str("    #[aws(sensitive)]\n");
            }
            let ty = self.type_of(m.target, id);
            let _ = writeln!(out, "    {ident}({ty}),");
        }
        out
    }

    /// The format of a timestamp member (directly, not inside a list or map).
    fn timestamp_format(&self, id: ShapeId) -> Option<TimestampFormat> {
        match self.s.shape(id).kind {
            Kind::Timestamp(f) => Some(f),
            _ => None,
        }
    }

    fn type_of(&mut self, id: ShapeId, container: ShapeId) -> String {
        let shape = self.s.shape(id);
        match &shape.kind {
            Kind::Structure { .. } => {
                let name = self.name_of(id);
                // A structure that contains itself without a Vec or map in between.
                if self.contains(id, container) {
                    format!("Box<{name}>")
                } else {
                    name
                }
            }
            Kind::String { enum_values } if !enum_values.is_empty() => self.name_of(id),
            Kind::String { .. } => "String".to_owned(),
            Kind::List(m) => format!("Vec<{}>", self.type_of(*m, id)),
            Kind::Map(_, v) => {
                self.uses_map = true;
                // Keys stay strings even when the model names an enum: an enum key
                // would need `Hash`/`Eq`/`Ord` and gains nothing on the wire.
                format!("HashMap<String, {}>", self.type_of(*v, id))
            }
            Kind::Boolean => "bool".to_owned(),
            Kind::Integer => "i32".to_owned(),
            Kind::Long => "i64".to_owned(),
            Kind::Float => "f32".to_owned(),
            Kind::Double => "f64".to_owned(),
            Kind::Blob if shape.is_streaming() => "awsjson::ByteStream".to_owned(),
            Kind::Blob => "awsjson::Blob".to_owned(),
            Kind::Timestamp(_) => "awsjson::DateTime".to_owned(),
            Kind::Document => "awsjson::Document".to_owned(),
        }
    }

    /// Whether structure `from` reaches structure `to` through direct structure members.
    fn contains(&self, from: ShapeId, to: ShapeId) -> bool {
        let mut stack = vec![from];
        let mut seen = HashSet::new();
        while let Some(id) = stack.pop() {
            if id == to {
                return true;
            }
            if seen.insert(id) {
                for m in self.s.shape(id).members() {
                    if matches!(self.s.shape(m.target).kind, Kind::Structure { .. }) {
                        stack.push(m.target);
                    }
                }
            }
        }
        false
    }

    fn enqueue(&mut self, id: ShapeId) {
        if self.queued.insert(id) {
            self.queue.push_back(id);
        }
    }

    /// The Rust name of a declared shape, queueing its declaration.
    fn name_of(&mut self, id: ShapeId) -> String {
        self.enqueue(id);
        if let Some(name) = self.names.get(&id) {
            return name.clone();
        }
        let shape: &Shape = self.s.shape(id);
        let plain = shape.name.chars().all(|c| c.is_ascii_alphanumeric())
            && shape.name.starts_with(|c: char| c.is_ascii_uppercase());
        let mut name = if plain {
            shape.name.to_owned()
        } else {
            type_ident(shape.name)
        };
        if RESERVED.contains(&name.as_str()) || self.taken.contains(&name) {
            name.push_str("Shape");
        }
        while self.taken.contains(&name) {
            name.push('_');
        }
        self.taken.insert(name.clone());
        self.names.insert(id, name.clone());
        name
    }
}

/// Whether a member needs a value: required in the model, or a restJson1 URI label.
fn required(s: &Service, m: &Member) -> bool {
    m.required() || (s.protocol == Protocol::RestJson1 && m.location == Location::Label)
}

/// Where a restJson1 member goes, as a trailing comment (nothing for a body member).
fn binding_comment(m: &Member, http: Option<Http>) -> String {
    let name = m.wire_name;
    let mut comment = match m.location {
        Location::Body => String::new(),
        Location::Label => match http.and_then(|h| h.label(name)) {
            Some(label) if label.greedy => format!("URI label {{{name}+}}, slashes kept"),
            _ => format!("URI label {{{name}}}"),
        },
        Location::Query => format!("query {name}"),
        Location::QueryParams => "query parameters, one per entry".to_owned(),
        Location::Header => format!("header {name}"),
        Location::PrefixHeaders if name.is_empty() => "headers, one per entry".to_owned(),
        Location::PrefixHeaders => format!("headers {name}*, one per entry"),
        Location::Payload => "HTTP payload".to_owned(),
        Location::ResponseCode => "status code".to_owned(),
    };
    if m.host_label() {
        if !comment.is_empty() {
            comment.push_str(", ");
        }
        let _ = write!(comment, "host label {{{}}}", m.name);
    }
    if comment.is_empty() {
        comment
    } else {
        format!(" // {comment}")
    }
}

/// The explicit binding attribute of a restJson1 member (none for a body member).
fn binding_attr(m: &Member) -> Option<String> {
    let name = m.wire_name;
    Some(match m.location {
        Location::Body => return None,
        Location::Label => "label".to_owned(),
        Location::Query => format!("query = {name:?}"),
        Location::QueryParams => "query_params".to_owned(),
        Location::Header => format!("header = {name:?}"),
        Location::PrefixHeaders => format!("prefix_headers = {name:?}"),
        Location::Payload => "payload".to_owned(),
        Location::ResponseCode => "response_code".to_owned(),
    })
}

/// `head { body }`, as rustfmt writes it (`{}` when empty).
fn braced(head: &str, body: &str) -> String {
    if body.is_empty() {
        format!("{head} {{}}\n")
    } else {
        format!("{head} {{\n{body}}}\n")
    }
}

/// The Rust field names of a structure's members, in model order; a name two members
/// would share gets a `_` suffix.
fn member_idents(shape: &Shape) -> Vec<String> {
    let mut taken = HashSet::new();
    shape
        .members()
        .iter()
        .map(|m| {
            let mut ident = field_ident(m.name);
            while !taken.insert(ident.clone()) {
                ident.push('_');
            }
            ident
        })
        .collect()
}

/// `text` as lines of at most 90 columns (a longer word overflows), the first starting
/// with `first` and the others with `rest`, each ending in a newline.
fn fill(text: &str, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let prefix = if lines.is_empty() { first } else { rest };
        if !line.is_empty()
            && prefix.len() + line.len() + 1 + word.len() > 90
            && may_start_line(word)
        {
            lines.push(format!("{prefix}{line}\n"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let prefix = if lines.is_empty() { first } else { rest };
        lines.push(format!("{prefix}{line}\n"));
    }
    lines
}

fn variants(values: &[&str], explicit: bool) -> String {
    let mut keys: HashMap<String, usize> = HashMap::new();
    for v in values {
        *keys.entry(variant_key(v)).or_default() += 1;
    }
    let mut out = String::new();
    let mut taken = HashSet::new();
    for v in values {
        let mut ident = variant_ident(v);
        while !taken.insert(ident.clone()) {
            ident.push('_');
        }
        // The catalog matches a variant to the value with its key; spell out the rest.
        if explicit || keys[&variant_key(v)] > 1 || variant_key(&ident) != variant_key(v) {
            let _ = writeln!(out, "    #[aws(rename = {v:?})]");
        }
        let _ = writeln!(out, "    {ident},");
    }
    out
}

/// Writes Markdown `text` as `///` lines wrapped near 90 columns: paragraphs and list
/// items wrapped (an item's continuation lines indented under its text), fenced code
/// blocks as they are.
fn doc(out: &mut String, indent: &str, text: &str) {
    if text.is_empty() {
        return;
    }
    let mut code = false;
    for line in text.split('\n') {
        if line.starts_with("```") {
            code = !code;
        }
        if code || line.starts_with("```") || line.trim().is_empty() {
            let _ = writeln!(
                out,
                "{indent}///{}{}",
                if line.is_empty() { "" } else { " " },
                line.trim_end()
            );
            continue;
        }
        let body = line.trim_start();
        let lead = &line[..line.len() - body.len()];
        let hang = " ".repeat(lead.len() + list_marker_len(body));
        for l in fill(
            body,
            &format!("{indent}/// {lead}"),
            &format!("{indent}/// {hang}"),
        ) {
            out.push_str(&l);
        }
    }
}

/// The length of the list marker (`- `, `12. `) a line starts with, or 0.
fn list_marker_len(line: &str) -> usize {
    if line.starts_with("- ") {
        return 2;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && line[digits..].starts_with(". ") {
        digits + 2
    } else {
        0
    }
}

/// Whether Markdown reads `word` at the start of a line as the word itself, not as a
/// list item, heading, quote or fence (which would break the paragraph it wraps).
fn may_start_line(word: &str) -> bool {
    let numbered = word
        .strip_suffix(['.', ')'])
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    !(numbered
        || ["-", "*", "+", "=", "|"].contains(&word)
        || word.starts_with(['#', '>'])
        || word.starts_with("```")
        || word.starts_with("---"))
}
#[cfg(test)]
mod tests {
    use super::scaffold;
    use crate::catalog::{field_ident, type_ident, words};

    #[test]
    fn naming() {
        assert_eq!(words("KMSKeyId"), ["KMS", "Key", "Id"]);
        assert_eq!(field_ident("KMSKeyId"), "kms_key_id");
        assert_eq!(field_ident("clientToken"), "client_token");
        assert_eq!(field_ident("S3Bucket"), "s3_bucket");
        assert_eq!(field_ident("Type"), "r#type");
        assert_eq!(field_ident("Self"), "self_");
        assert_eq!(type_ident("ALL_OLD"), "AllOld");
        assert_eq!(type_ident("m5.large"), "M5Large");
        assert_eq!(type_ident("1.0"), "V10");
        assert_eq!(type_ident("Opportunity"), "Opportunity");
        assert_eq!(type_ident("AWSOpportunitySummary"), "AwsOpportunitySummary");
    }

    /// The scaffolds `tests/tests/test_scaffold.rs` compiles: they must be what the
    /// command prints today. `AWSJSON_BLESS=1` rewrites them.
    #[test]
    fn compiled_scaffolds_are_current() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/tests/scaffold");
        let cases: &[(&str, &[&str], &str)] = &[
            (
                "partnercentral-selling",
                &["CreateResourceSnapshotJob", "ListEngagements"],
                "partnercentral_selling.rs",
            ),
            ("dynamodb", &["GetItem", "Query"], "dynamodb.rs"),
            ("kms", &["Encrypt", "Decrypt"], "kms.rs"),
            ("ecr", &["DescribeRepositories"], "ecr.rs"),
            (
                "secretsmanager",
                &["GetSecretValue", "CreateSecret"],
                "secretsmanager.rs",
            ),
            // The model's traits printed: a host prefix, query compatibility, and the
            // endpoint prefix of a shared target prefix.
            (
                "servicediscovery",
                &["DiscoverInstances"],
                "servicediscovery.rs",
            ),
            ("cloudwatch", &["ListDashboards"], "cloudwatch.rs"),
            (
                "timestream-write",
                &["DescribeEndpoints"],
                "timestream_write.rs",
            ),
            // Unions (one recursive through its list and map variants) as enums.
            (
                "verifiedpermissions",
                &["IsAuthorized"],
                "verifiedpermissions.rs",
            ),
            // restJson1: labels, headers, query parameters, a blob payload, status code.
            (
                "lambda",
                &["Invoke", "ListFunctions", "GetFunction", "DeleteFunction"],
                "lambda.rs",
            ),
            // A literal query (`?mode=import`), a blob payload with query maps.
            (
                "apigateway",
                &["GetRestApis", "CreateRestApi", "ImportRestApi"],
                "apigateway.rs",
            ),
            ("eks", &["ListClusters", "DescribeCluster"], "eks.rs"),
            // Header-bound content type and accept, the model body as the payload.
            ("bedrock-runtime", &["InvokeModel"], "bedrock_runtime.rs"),
            // A streaming response body.
            ("polly", &["SynthesizeSpeech"], "polly.rs"),
        ];
        for (service, ops, file) in cases {
            let out = scaffold(service, ops, false).unwrap();
            let path = dir.join(file);
            if std::env::var_os("AWSJSON_BLESS").is_some() {
                // Blessing under CI would turn the golden check into a pass.
                assert!(
                    std::env::var_os("CI").is_none(),
                    "AWSJSON_BLESS is set under CI"
                );
                std::fs::write(&path, &out).unwrap();
            }
            let golden = std::fs::read_to_string(&path).unwrap();
            assert!(golden == out, "{file} is stale: rerun with AWSJSON_BLESS=1");
        }
    }

    /// Every operation of every service scaffolds (event streams left out), one
    /// declaration file per service.
    #[test]
    fn every_operation_scaffolds() {
        let c = crate::catalog::catalog();
        for name in c.service_names() {
            let s = c.service(name).unwrap();
            let ops: Vec<&str> = s.operations.iter().map(|o| o.name).collect();
            let out = scaffold(name, &ops, false).unwrap();
            assert!(out.contains("#[aws_json_operation("), "{name}");
            // Only six goldens are compiled (tests/tests/test_scaffold.rs); every other
            // output must at least be Rust.
            if let Err(e) = syn::parse_file(&out) {
                panic!("{name}: the scaffold is not a Rust file: {e}");
            }
        }
        for name in c.rest_json_service_names() {
            let s = c.rest_json_service(name).unwrap();
            let ops: Vec<&str> = s.operations.iter().map(|o| o.name).collect();
            // A service whose every operation streams events has no scaffold.
            let Ok(out) = scaffold(name, &ops, false) else {
                assert!(
                    s.operations.iter().all(|o| super::streams_events(s, o)),
                    "{name}"
                );
                continue;
            };
            assert!(out.contains(&format!("operation = \"{name}#")), "{name}");
            if let Err(e) = syn::parse_file(&out) {
                panic!("{name}: the scaffold is not a Rust file: {e}");
            }
            let explicit = scaffold(name, &ops, true).unwrap();
            if let Err(e) = syn::parse_file(&explicit) {
                panic!("{name} (explicit): the scaffold is not a Rust file: {e}");
            }
        }
        let kinesis = scaffold("kinesis", &["PutRecord", "SubscribeToShard"], false).unwrap();
        assert!(!kinesis.contains("// Left out"), "{kinesis}");
        assert!(
            kinesis.contains(
                "pub event_stream: awsjson::EventStream<SubscribeToShardEventStream, SubscribeToShardError>,"
            ),
            "{kinesis}"
        );
        assert!(kinesis.contains("needs awsjson's `http2`"), "{kinesis}");
        assert!(
            kinesis.contains("#[derive(Debug, Default)]\npub struct SubscribeToShardOutput"),
            "{kinesis}"
        );
        // The stream's union lists its events, not the exceptions it may carry.
        let union = &kinesis[kinesis
            .find("pub enum SubscribeToShardEventStream")
            .unwrap()..];
        let union = &union[..union.find("\n}").unwrap()];
        assert!(
            union.contains("SubscribeToShardEvent(SubscribeToShardEvent),"),
            "{union}"
        );
        assert!(!union.contains("ResourceInUseException"), "{union}");
    }

    /// Every paginated operation of the catalog comes out with `paginate(...)` or a
    /// comment saying why not; the ones with one plain token pair always get it.
    #[test]
    fn every_paginator_is_printed_or_explained() {
        let c = crate::catalog::catalog();
        let (mut printed, mut explained, mut noted) = (0, 0, 0);
        for name in c.service_names() {
            let s = c.service(name).unwrap();
            for op in &s.operations {
                let Some(p) = &op.paginator else { continue };
                let Ok(out) = scaffold(name, &[op.name], false) else {
                    continue; // event streams
                };
                let decl = &out[out.find("#[aws_json_operation(").unwrap()..];
                let decl = &decl[..decl.find(")]\n").unwrap()];
                let simple = p.input_token.len() == 1
                    && p.output_token.len() == 1
                    && !p.input_token[0].contains(['.', '|', ' '])
                    && !p.output_token[0].contains(['.', '|', ' ']);
                if decl.contains("    paginate(") {
                    printed += 1;
                    if decl.contains("    // ") {
                        noted += 1;
                    }
                } else {
                    assert!(
                        decl.contains("// No `paginate(...)`: "),
                        "{name} {}: paginator dropped silently\n{decl}",
                        op.name
                    );
                    assert!(
                        !simple || decl.contains("not both optional"),
                        "{name} {}\n{decl}",
                        op.name
                    );
                    explained += 1;
                }
                if let Some(more) = p.more_results.filter(|_| decl.contains("    paginate(")) {
                    assert!(
                        decl.contains(&format!("flags more pages with `{more}`")),
                        "{name} {}",
                        op.name
                    );
                }
            }
        }
        println!("paginate printed {printed} ({noted} with notes), explained {explained}");
        assert!(printed > 1000, "{printed}");
    }

    /// The scaffold derives `Default` on every structure: that ends only if no structure
    /// contains itself through required structure members (a union's default is its
    /// unknown variant, an optional member's `None`, a list's or map's empty).
    #[test]
    fn defaults_end() {
        use crate::catalog::{Kind, ShapeId};
        let c = crate::catalog::catalog();
        for name in c.service_names() {
            let s = c.service(name).unwrap();
            let required_structs = |id: ShapeId| -> Vec<ShapeId> {
                s.shape(id)
                    .members()
                    .iter()
                    .filter(|m| m.required())
                    .map(|m| m.target)
                    .filter(|t| {
                        let t = s.shape(*t);
                        matches!(t.kind, Kind::Structure { .. }) && !t.is_union()
                    })
                    .collect()
            };
            for (i, shape) in s.shapes.iter().enumerate() {
                if shape.is_union() {
                    continue;
                }
                let start = ShapeId(i as u32);
                let mut stack = required_structs(start);
                let mut seen = std::collections::HashSet::new();
                while let Some(id) = stack.pop() {
                    assert_ne!(id, start, "{name}#{}: an endless default", shape.name);
                    if seen.insert(id) {
                        stack.extend(required_structs(id));
                    }
                }
            }
        }
    }

    #[test]
    fn unknown_names_are_reported_with_suggestions() {
        let err = scaffold("dynamodbb", &["PutItem"], false).unwrap_err();
        assert!(err.contains("did you mean `dynamodb`"), "{err}");
        let err = scaffold("dynamodb", &["PutItm", "GetItem"], false).unwrap_err();
        assert!(err.contains("did you mean `PutItem`"), "{err}");
    }
}
