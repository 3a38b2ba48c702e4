#!/usr/bin/env python3
"""Writes the restJson1 protocol-test services as awsjson declarations.

Reads `tests/vectors/smithy-restjson1/restJson1.json` (the Smithy restJson1 protocol
tests with their model's shapes) and writes, with the explicit DSL a user would write
from the model, every operation a client case names and every shape they reach:

  tests/tests/protocol/rest_json.rs          RestJson's operations
  tests/tests/protocol/rest_json_shapes.rs   RestJson's shapes
  tests/tests/protocol/rest_json_others.rs   API Gateway, Glacier, RestJsonValidation
  tests/tests/protocol/rest_json_nodes.rs    the runner's member-by-member conversions
                                             between the cases' params and those types
  tests/tests/protocol/rest_json_events.rs   the operations and shapes of the client
                                             event-stream cases (`eventStreamCases`)
  tests/tests/protocol/rest_json_events_nodes.rs  their conversions

Run from the repository root: `python3 tools/gen-protocol-decls/gen.py` (or `--check`
to fail when the files differ from what it would write). Only the standard library.
"""

import json
import keyword
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests/vectors/smithy-restjson1/restJson1.json"
OUT = ROOT / "tests/tests/protocol"

RUST_KEYWORDS = {
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn",
    "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "async", "await", "dyn", "abstract", "become",
    "box", "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual",
    "yield", "try", "gen",
}

PRELUDE = {
    "String": "String",
    "Boolean": "bool",
    "Byte": "i8",
    "Short": "i16",
    "Integer": "i32",
    "Long": "i64",
    "Float": "f32",
    "Double": "f64",
    "Timestamp": "DateTime",
    "Blob": "Blob",
    "Document": "Document",
}

SIMPLE = {
    "string": "String",
    "boolean": "bool",
    "byte": "i8",
    "short": "i16",
    "integer": "i32",
    "long": "i64",
    "float": "f32",
    "double": "f64",
    "timestamp": "DateTime",
    "blob": "Blob",
    "document": "Document",
}

# What each service is signed as (`sigv4Name`; RestJsonValidation has none, so it is
# signed under its own name: nothing in its one case looks at the signature).
SERVICES = {
    "RestJson": ("restjson", "rest_json"),
    "BackplaneControlService": ("apigateway", "apigateway"),
    "Glacier": ("glacier", "glacier"),
    "RestJsonValidation": ("restjsonvalidation", "validation"),
}


def words(name):
    """`fooBar1Baz` -> [foo, bar1, baz]; `HTTPDate` -> [http, date]; `_baz` -> [baz]."""
    parts = re.findall(r"[A-Z]+(?![a-z])[0-9]*|[A-Z]?[a-z]+[0-9]*|[0-9]+", name)
    return [p.lower() for p in parts]


def snake(name):
    ident = "_".join(words(name)) or "value"
    if ident[0].isdigit():
        ident = "n" + ident
    if ident in RUST_KEYWORDS or keyword.iskeyword(ident):
        ident = "r#" + ident
    return ident


def pascal(name):
    ident = "".join(w[:1].upper() + w[1:] for w in words(name)) or "Value"
    if ident[0].isdigit():
        ident = "N" + ident
    if ident == "Self":
        ident = "SelfValue"
    return ident


# The macro's own rename rules (macros/src/case.rs) applied to a snake_case field.
def rule_pascal(field):
    field = field.removeprefix("r#")
    return "".join(w[:1].upper() + w[1:].lower() for w in field.split("_"))


def rule_camel(field):
    field = field.removeprefix("r#")
    ws = field.split("_")
    return ws[0].lower() + "".join(w[:1].upper() + w[1:].lower() for w in ws[1:])


def rule_variant_camel(variant):
    ws = words(variant)
    return ws[0].lower() + "".join(w[:1].upper() + w[1:] for w in ws[1:])


class Gen:
    def __init__(self, vectors):
        self.v = vectors
        self.shapes = vectors["shapes"]
        # The operation whose output structure is being written: an output's event
        # stream carries that operation's errors.
        self.stream_op = None

    def is_event_stream(self, key):
        s = self.shape(key)
        return s is not None and s["type"] == "union" and bool(s.get("streaming"))

    def stream_errors(self, union):
        """The error members of an event-stream union, by target."""
        return [
            m["target"]
            for m in self.shape(union)["members"].values()
            if "error" in (self.shape(m["target"]) or {})
        ]

    def op_errors(self, name):
        """An operation's errors and those of its event streams."""
        op = self.shape(name)
        out = list(op["errors"])
        for key in (op["input"], op["output"]):
            if key == "Unit":
                continue
            for m in self.shape(key)["members"].values():
                if self.is_event_stream(m["target"]):
                    out += [e for e in self.stream_errors(m["target"]) if e not in out]
        return out

    # --- types -----------------------------------------------------------------

    def shape(self, key):
        return self.shapes.get(key)

    def is_struct_like(self, key):
        s = self.shape(key)
        return s is not None and s["type"] in ("structure", "union")

    def rust_name(self, key):
        return pascal(key.split("#")[-1]) if "#" in key else key

    def rust_type(self, target):
        if target in PRELUDE:
            return PRELUDE[target]
        s = self.shape(target)
        if s is None:
            raise SystemExit(f"unknown target {target}")
        t = s["type"]
        if t in ("structure", "union", "enum", "intEnum"):
            return self.rust_name(target)
        if t == "list":
            inner = self.rust_type(s["member"])
            if s.get("sparse"):
                inner = f"Option<{inner}>"
            return f"Vec<{inner}>"
        if t == "map":
            key = self.rust_type(s["key"])
            inner = self.rust_type(s["value"])
            if s.get("sparse"):
                inner = f"Option<{inner}>"
            return f"HashMap<{key}, {inner}>"
        if t == "blob" and s.get("streaming"):
            return "ByteStream"
        if t in SIMPLE:
            return SIMPLE[t]
        raise SystemExit(f"no Rust type for {target} ({t})")

    def reaches(self, start, goal, seen=None):
        """Whether shape `start` contains `goal` (through any member, list or map)."""
        seen = seen if seen is not None else set()
        if start == goal:
            return True
        if start in seen:
            return False
        seen.add(start)
        s = self.shape(start)
        if s is None:
            return False
        t = s["type"]
        if t in ("structure", "union"):
            nxt = [m["target"] for m in s["members"].values()]
        elif t == "list":
            nxt = [s["member"]]
        elif t == "map":
            nxt = [s["value"]]
        else:
            nxt = []
        return any(self.reaches(n, goal, seen) for n in nxt)

    def timestamp_format(self, member):
        if "timestampFormat" in member:
            return member["timestampFormat"]
        s = self.shape(member["target"])
        if s is not None and s["type"] == "timestamp":
            return s.get("timestampFormat")
        # A list or map of timestamps of a formatted shape.
        if s is not None and s["type"] in ("list", "map"):
            inner = self.shape(s["member"] if s["type"] == "list" else s["value"])
            if inner is not None and inner["type"] == "timestamp":
                return inner.get("timestampFormat")
        return None

    def media_type(self, member):
        s = self.shape(member["target"])
        return s.get("mediaType") if s is not None else None

    def default_literal(self, member):
        d = member["default"]
        target = member["target"]
        s = self.shape(target)
        kind = PRELUDE.get(target) or (SIMPLE.get(s["type"]) if s else None)
        if s is not None and s["type"] in ("list", "map"):
            kind = s["type"]
        if kind in ("Blob",) or (s is not None and s["type"] == "blob"):
            import base64

            raw = base64.b64decode(d)
            return 'b"' + "".join(chr(b) if 32 <= b < 127 and chr(b) not in '"\\' else f"\\x{b:02x}" for b in raw) + '"'
        if isinstance(d, bool):
            return "true" if d else "false"
        if isinstance(d, str):
            return json.dumps(d)
        if isinstance(d, float):
            return repr(d)
        if isinstance(d, int):
            return str(d)
        if d == []:
            return "[]"
        if d == {}:
            return "{}"
        raise SystemExit(f"default {d!r} of {target}")

    # --- members -----------------------------------------------------------------

    def field(self, owner, name, member, top, out):
        """One struct field: its attributes and `pub name: Type,` lines."""
        attrs = []
        target = member["target"]
        if self.is_event_stream(target):
            # The input's events are sent through an `awsjson::InputStream`, an
            # output's arrive as an `awsjson::EventStream` with the operation's errors
            # (both spelled with their path: the test union is named `EventStream`, an
            # operation `InputStream`).
            union = self.rust_name(target)
            if top == "input":
                ty = f"awsjson::InputStream<{union}>"
            else:
                ty = f"awsjson::EventStream<{union}, {self.stream_op}Error>"
        else:
            ty = self.rust_type(target)
        if self.is_struct_like(target) and self.reaches(target, owner):
            ty = f"Box<{ty}>"
        binding = False
        traits = member.get("traits", {})
        if "eventHeader" in traits:
            attrs.append("event_header")
            binding = True
        if "eventPayload" in traits:
            attrs.append("event_payload")
            binding = True
        if top:
            # Labels and query bindings count on inputs only (`top == "input"`).
            if member.get("httpLabel") and top == "input":
                attrs.append("label")
                binding = True
            if "httpQuery" in member and top == "input":
                attrs.append(f"query = {json.dumps(member['httpQuery'])}")
                binding = True
            if member.get("httpQueryParams") and top == "input":
                attrs.append("query_params")
                binding = True
            if "httpHeader" in member:
                attrs.append(f"header = {json.dumps(member['httpHeader'])}")
                binding = True
            if "httpPrefixHeaders" in member:
                attrs.append(f"prefix_headers = {json.dumps(member['httpPrefixHeaders'])}")
                binding = True
            if member.get("httpPayload"):
                attrs.append("payload")
                binding = True
            if member.get("httpResponseCode") and top == "output":
                attrs.append("response_code")
                binding = True
            if member.get("hostLabel"):
                attrs.append("host_label")
            mt = self.media_type(member)
            if mt and binding:
                attrs.append(f"media_type = {json.dumps(mt)}")
        fmt = self.timestamp_format(member)
        if fmt:
            attrs.append(f"timestamp = {json.dumps(fmt)}")
        wire = member.get("jsonName", name) if not binding else name
        optional = True
        # Smithy's nullability rules: a client treats every member of an `@input`
        # structure as optional, defaults included (it does not send a default it was
        # not given), and so every `@clientOptional` member.
        client_optional = "clientOptional" in member.get("traits", {}) or (
            "input" in (self.shape(owner) or {}).get("traits", {}) and "default" in member
        )
        if "default" in member and member["default"] is not None and not client_optional:
            optional = False
            if ty != "ByteStream":
                attrs.append(f"default = {self.default_literal(member)}")
        elif member["required"] and not client_optional:
            optional = False
        if ty == "ByteStream" or self.is_event_stream(target):
            # A streaming payload or event stream is its own empty default.
            optional = False
        return snake(name), wire, attrs, (f"Option<{ty}>" if optional else ty), member.get("idempotencyToken")

    def fields(self, key, top):
        s = self.shape(key)
        return [self.field(key, n, m, top, None) for n, m in s["members"].items()]

    def rename_rule(self, fields):
        """`rename_all` for these fields: the rule most wire names follow."""
        pas = sum(1 for f in fields if rule_pascal(f[0]) == f[1])
        cam = sum(1 for f in fields if rule_camel(f[0]) == f[1])
        if cam > pas:
            return "camelCase", rule_camel
        return None, rule_pascal

    def write_fields(self, fields, rule, lines):
        for name, wire, attrs, ty, token in fields:
            attrs = list(attrs)
            if rule(name) != wire:
                attrs.insert(0, f"rename = {json.dumps(wire)}")
            if token:
                lines.append("    #[idempotency]")
            if attrs:
                lines.append(f"    #[aws({', '.join(attrs)})]")
            lines.append(f"    pub {name}: {ty},")

    # --- items -------------------------------------------------------------------

    def doc(self, text, lines, indent=""):
        if text:
            for line in text.strip().splitlines():
                lines.append(f"{indent}/// {line.strip()}".rstrip())

    def struct(self, key, lines, derive=True, top=False, extra=None):
        s = self.shape(key)
        fields = self.fields(key, top) if s else []
        rule_name, rule = self.rename_rule(fields)
        args = []
        if rule_name:
            args.append(f'rename_all = "{rule_name}"')
        if extra:
            args = extra + args
        lines.append(f"#[aws_json_shape({', '.join(args)})]" if args else "#[aws_json_shape]")
        streaming = any(f[3] == "ByteStream" or "Stream<" in f[3] for f in fields)
        if derive and not streaming:
            lines.append("#[derive(Debug, Clone, PartialEq)]")
        else:
            lines.append("#[derive(Debug)]")
        lines.append(f"pub struct {self.rust_name(key)} {{")
        self.write_fields(fields, rule, lines)
        lines.append("}")

    def union(self, key, lines):
        s = self.shape(key)
        variants = []
        for n, m in s["members"].items():
            wire = m.get("jsonName", n)
            if m["target"] == "Unit":
                # A unit member: `Quit(())`, written `"quit": {}`.
                ty = "()"
            else:
                ty = self.rust_type(m["target"])
                if self.is_struct_like(m["target"]) and self.reaches(m["target"], key):
                    ty = f"Box<{ty}>"
            fmt = self.timestamp_format(m)
            exception = s.get("streaming") and "error" in (self.shape(m["target"]) or {})
            variants.append((pascal(n), wire, ty, fmt, exception))
        cam = sum(1 for v in variants if rule_variant_camel(v[0]) == v[1])
        rule = rule_variant_camel if cam * 2 >= len(variants) else (lambda v: v)
        lines.append('#[aws_json_shape(rename_all = "camelCase")]' if cam * 2 >= len(variants) else "#[aws_json_shape]")
        lines.append("#[derive(Debug, Clone, PartialEq)]")
        lines.append(f"pub enum {self.rust_name(key)} {{")
        for ident, wire, ty, fmt, exception in variants:
            attrs = []
            if exception:
                attrs.append("exception")
            if rule(ident) != wire:
                attrs.append(f"rename = {json.dumps(wire)}")
            if fmt:
                attrs.append(f"timestamp = {json.dumps(fmt)}")
            if attrs:
                lines.append(f"    #[aws({', '.join(attrs)})]")
            lines.append(f"    {ident}({ty})," if ty else f"    {ident},")
        lines.append("}")

    def enum(self, key, lines):
        s = self.shape(key)
        hashable = ", Eq, Hash" if s["type"] == "enum" else ""
        lines.append("#[aws_json_shape]")
        lines.append(f"#[derive(Debug, Clone, PartialEq{hashable})]")
        lines.append(f"pub enum {self.rust_name(key)} {{")
        for n, value in s["values"].items():
            ident = pascal(n)
            if s["type"] == "intEnum":
                lines.append(f"    {ident} = {value},")
            else:
                if ident != value:
                    lines.append(f"    #[aws(rename = {json.dumps(value)})]")
                lines.append(f"    {ident},")
        lines.append("}")

    def operation(self, name, service, lines):
        op = self.shape(name)
        signing, _ = SERVICES[service]
        http = op["http"]
        args = [f'http = "{http["method"]} {http["uri"]}"']
        if http.get("code", 200) != 200:
            args.append(f"code = {http['code']}")
        args += [f'signing_name = "{signing}"', f'endpoint_prefix = "{signing}"']
        traits = op.get("traits", {})
        if "endpoint" in traits:
            args.append(f'host_prefix = {json.dumps(traits["endpoint"]["hostPrefix"])}')
        if "requestCompression" in traits:
            args.append(f'request_compression = {json.dumps(",".join(traits["requestCompression"]["encodings"]))}')
        if "httpChecksumRequired" in traits:
            args.append("checksum_required")
        self.stream_op = name
        fields = self.fields(op["input"], "input") if op["input"] != "Unit" else []
        rule_name, rule = self.rename_rule(fields)
        if rule_name:
            args.append(f'rename_all = "{rule_name}"')
        if op["output"] != "Unit":
            args.append(f"output = {self.rust_name(op['output'])}")
        errors = self.op_errors(name)
        if errors:
            args.append(f"errors({', '.join(self.rust_name(e) for e in errors)})")
        self.doc(op.get("documentation"), lines)
        lines.append("#[aws_json_operation(")
        for a in args:
            lines.append(f"    {a},")
        lines.append(")]")
        lines.append(f"pub struct {name} {{")
        self.write_fields(fields, rule, lines)
        lines.append("}")

    # --- files -------------------------------------------------------------------

    def reachable(self, ops):
        """The shapes (other than operation inputs) the operations need, in order."""
        out, seen = [], set()

        def visit(key, top):
            if key in seen or key == "Unit" or key not in self.shapes:
                return
            s = self.shapes[key]
            t = s["type"]
            if t not in ("structure", "union", "enum", "intEnum", "list", "map"):
                return
            seen.add(key)
            if t in ("structure", "union"):
                if not top:
                    out.append(key)
                for m in s["members"].values():
                    visit(m["target"], False)
            elif t in ("enum", "intEnum"):
                out.append(key)
            elif t == "list":
                visit(s["member"], False)
            elif t == "map":
                visit(s["key"], False)
                visit(s["value"], False)

        for name in ops:
            op = self.shape(name)
            # The input is the operation struct; it is also a shape only when another
            # shape (the output) is the same structure.
            for key in [op["output"], *self.op_errors(name)]:
                seen.discard(key)
                if key != "Unit" and key not in out:
                    visit(key, False)
            if op["input"] != "Unit":
                for m in self.shape(op["input"])["members"].values():
                    visit(m["target"], False)
        return out

    def items(self, ops, service, lines_ops, lines_shapes):
        for name in ops:
            lines_ops.append("")
            self.operation(name, service, lines_ops)
        for key in sorted(self.reachable(ops), key=lambda k: self.rust_name(k)):
            s = self.shapes[key]
            lines_shapes.append("")
            self.doc(s.get("documentation"), lines_shapes)
            if s["type"] == "structure":
                top = any(self.shape(o)["output"] == key or key in self.shape(o)["errors"] for o in ops)
                self.stream_op = next((o for o in ops if self.shape(o)["output"] == key), None)
                self.struct(key, lines_shapes, top="output" if top else None)
            elif s["type"] == "union":
                self.union(key, lines_shapes)
            else:
                self.enum(key, lines_shapes)


class Nodes:
    """The runner's conversions between Smithy node values (the cases' `params`) and
    the declared types: `FromNode` for every input, structure, union and enum, `ToNode`
    for every output, error, structure, union and enum, member by member, so that the
    comparison never goes through the library's own serde."""

    def __init__(self, gen):
        self.g = gen
        self.lines = []

    def default_node(self, member):
        d = member["default"]
        target = member["target"]
        s = self.g.shape(target)
        if target == "Blob" or (s is not None and s["type"] == "blob"):
            import base64

            d = base64.b64decode(d).decode()
        return json.dumps(d)

    def field_reads(self, key, path):
        out = []
        for name, member in self.g.shape(key)["members"].items():
            field = snake(name)
            optional = "clientOptional" in member.get("traits", {}) or "input" in self.g.shape(key).get("traits", {})
            if "default" in member and member["default"] is not None and not optional:
                out.append(f"            {field}: member_or(v, {json.dumps(name)}, {json.dumps(self.default_node(member))})?,")
            else:
                out.append(f"            {field}: member(v, {json.dumps(name)})?,")
        return out

    def structure(self, key, path, to_node=True):
        ty = f"{path}::{self.g.rust_name(key)}"
        members = self.g.shape(key)["members"] if key != "Unit" else {}
        L = self.lines
        L.append(f"impl FromNode for {ty} {{")
        L.append("    fn from_node(v: &Value) -> Result<Self, String> {")
        if members:
            L.append("        Ok(Self {")
            L.extend(self.field_reads(key, path))
            L.append("        })")
        else:
            L.append("        let _ = v;")
            L.append("        Ok(Self {})")
        L.append("    }")
        L.append("}")
        if not to_node:
            return
        L.append(f"impl ToNode for {ty} {{")
        L.append("    fn to_node(self) -> Value {")
        if members:
            L.append("        let mut m = Map::new();")
            for name in members:
                L.append(f"        put(&mut m, {json.dumps(name)}, self.{snake(name)});")
            L.append("        Value::Object(m)")
        else:
            L.append("        Value::Object(Map::new())")
        L.append("    }")
        L.append("}")

    def union(self, key, path):
        ty = f"{path}::{self.g.rust_name(key)}"
        members = self.g.shape(key)["members"]
        L = self.lines
        L.append(f"impl FromNode for {ty} {{")
        L.append("    fn from_node(v: &Value) -> Result<Self, String> {")
        L.append("        match union_member(v)? {")
        for name, m in members.items():
            if m["target"] == "Unit":
                L.append(f"            ({json.dumps(name)}, _) => Ok(Self::{pascal(name)}(())),")
            else:
                L.append(f"            ({json.dumps(name)}, value) => Ok(Self::{pascal(name)}(FromNode::from_node(value)?)),")
        L.append(f'            (other, _) => Err(format!("{self.g.rust_name(key)} has no member {{other}}")),')
        L.append("        }")
        L.append("    }")
        L.append("}")
        L.append(f"impl ToNode for {ty} {{")
        L.append("    fn to_node(self) -> Value {")
        L.append("        match self {")
        for name, m in members.items():
            if m["target"] == "Unit":
                L.append(f"            Self::{pascal(name)}(()) => one({json.dumps(name)}, Value::Object(Map::new())),")
            else:
                L.append(f"            Self::{pascal(name)}(value) => one({json.dumps(name)}, value.to_node()),")
        L.append('            _ => Value::String("an unknown union member".to_owned()),')
        L.append("        }")
        L.append("    }")
        L.append("}")

    def enum(self, key, path):
        s = self.g.shape(key)
        ty = f"{path}::{self.g.rust_name(key)}"
        L = self.lines
        is_int = s["type"] == "intEnum"
        L.append(f"impl FromNode for {ty} {{")
        L.append("    fn from_node(v: &Value) -> Result<Self, String> {")
        L.append("        match v.as_i64() {" if is_int else "        match v.as_str() {")
        for n, value in s["values"].items():
            lit = str(value) if is_int else json.dumps(value)
            L.append(f"            Some({lit}) => Ok(Self::{pascal(n)}),")
        L.append(f'            _ => Err(format!("not a {self.g.rust_name(key)}: {{v}}")),')
        L.append("        }")
        L.append("    }")
        L.append("}")
        L.append(f"impl ToNode for {ty} {{")
        L.append("    fn to_node(self) -> Value {")
        L.append("        match self {")
        for n, value in s["values"].items():
            lit = f"Value::from({value})" if is_int else f"Value::from({json.dumps(value)})"
            L.append(f"            Self::{pascal(n)} => {lit},")
        L.append('            _ => Value::String(format!("an unknown value {self:?}")),')
        L.append("        }")
        L.append("    }")
        L.append("}")

    def service(self, ops, path):
        for name in ops:
            op = self.g.shape(name)
            inp = op["input"]
            ty = f"{path}::{name}"
            L = self.lines
            L.append(f"impl FromNode for {ty} {{")
            L.append("    fn from_node(v: &Value) -> Result<Self, String> {")
            if inp != "Unit" and self.g.shape(inp)["members"]:
                L.append("        Ok(Self {")
                L.extend(self.field_reads(inp, path))
                L.append("        })")
            else:
                L.append("        let _ = v;")
                L.append("        Ok(Self {})")
            L.append("    }")
            L.append("}")
        for key in sorted(self.g.reachable(ops), key=lambda k: self.g.rust_name(k)):
            t = self.g.shapes[key]["type"]
            if t == "structure":
                self.structure(key, path)
            elif t == "union":
                self.union(key, path)
            else:
                self.enum(key, path)


HEADER = """\
//! @generated by `tools/gen-protocol-decls/gen.py` from
//! `tests/vectors/smithy-restjson1/restJson1.json`: do not edit; change the script and
//! run it again.
"""

def uses(body):
    """The `use` lines of the names `body` needs."""
    lines = []
    if re.search(r"\bHashMap\b", body):
        lines += ["use std::collections::HashMap;", ""]
    names = [
        n
        for n in ("Blob", "ByteStream", "DateTime", "Document", "aws_json_operation", "aws_json_shape")
        if re.search(rf"\b{n}\b", body)
    ]
    if names:
        lines.append(f"use awsjson::{{{', '.join(names)}}};")
    return "\n".join(lines) + "\n"


def main():
    vectors = json.loads(VECTORS.read_text())
    g = Gen(vectors)
    client_ops = {}
    for case in vectors["cases"]:
        if case["appliesToClient"]:
            client_ops.setdefault(case["service"], set()).add(case["operation"])
    files = {}

    ops = sorted(client_ops["RestJson"])
    lo, ls = [], []
    g.items(ops, "RestJson", lo, ls)
    files["rest_json.rs"] = (
        HEADER
        + "//!\n//! The operations of `aws.protocoltests.restjson#RestJson` that the client cases\n"
        + "//! name (signing name `restjson`); their shapes are in `rest_json_shapes`.\n\n"
        + uses("\n".join(lo))
        + "\npub use super::rest_json_shapes::*;\n"
        + "\n".join(lo)
        + "\n"
    )
    files["rest_json_shapes.rs"] = (
        HEADER
        + "//!\n//! The shapes of `aws.protocoltests.restjson#RestJson` that its operations reach.\n\n"
        + uses("\n".join(ls))
        + "\n".join(ls)
        + "\n"
    )
    parts = [
        HEADER
        + "//!\n//! The other services of the restJson1 tests: API Gateway\n"
        + "//! (`com.amazonaws.apigateway#BackplaneControlService`), Glacier\n"
        + "//! (`com.amazonaws.glacier#Glacier`) and `RestJsonValidation`.\n"
    ]
    for service in ("BackplaneControlService", "Glacier", "RestJsonValidation"):
        lo, ls = [], []
        g.items(sorted(client_ops[service]), service, lo, ls)
        body = "\n".join("    " + l if l else "" for l in (lo + ls))
        mod = SERVICES[service][1]
        parts.append(
            f"\n/// `{vectors['services'][service]['namespace']}#{service}`.\npub mod {mod} {{\n"
            + "\n".join("    " + l if l else "" for l in uses(body).splitlines())
            + "\n"
            + body
            + "\n}\n"
        )
    files["rest_json_others.rs"] = "".join(parts)

    nodes = Nodes(g)
    nodes.service(sorted(client_ops["RestJson"]), "super::rest_json")
    for service in ("BackplaneControlService", "Glacier", "RestJsonValidation"):
        nodes.service(sorted(client_ops[service]), f"super::rest_json_others::{SERVICES[service][1]}")
    files["rest_json_nodes.rs"] = (
        HEADER
        + "//!\n//! The runner's conversions between the cases' `params` (Smithy node values) and\n"
        + "//! the declared types of `rest_json*.rs`, member by member (`FromNode`, `ToNode` in\n"
        + "//! `protocol_restjson1.rs`): what is compared never goes through the library's serde.\n\n"
        + "use serde_json::{Map, Value};\n\n"
        + "use crate::{FromNode, ToNode, member, member_or, one, put, union_member};\n\n"
        + "\n".join(nodes.lines)
        + "\n"
    )

    # The event-stream cases' operations, with every shape they reach, in a file of
    # their own: the union is named `EventStream`, like awsjson's stream type.
    event_ops = sorted({c["operation"] for c in vectors["eventStreamCases"] if c["appliesToClient"]})
    lo, ls = [], []
    g.items(event_ops, "RestJson", lo, ls)
    body = "\n".join(lo + ls)
    files["rest_json_events.rs"] = (
        HEADER
        + "//!\n//! The event-stream operations of `aws.protocoltests.restjson#RestJson` that the\n"
        + "//! client cases of `eventStreamCases` name, with the shapes they reach.\n\n"
        + uses(body)
        + body
        + "\n"
    )
    nodes = Nodes(g)
    nodes.service(event_ops, "super::rest_json_events")
    files["rest_json_events_nodes.rs"] = (
        HEADER
        + "//!\n//! The event-stream runner's conversions between the cases' `params` and the\n"
        + "//! declared types of `rest_json_events.rs` (`FromNode`, `ToNode` in\n"
        + "//! `protocol_restjson1.rs`).\n\n"
        + "use serde_json::{Map, Value};\n\n"
        + "use crate::{FromNode, ToNode, member, one, put, union_member};\n\n"
        + "\n".join(nodes.lines)
        + "\n"
    )

    check = "--check" in sys.argv[1:]
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in files.items():
            (Path(tmp) / name).write_text(text)
        # rustfmt, so that `cargo fmt --all` leaves the files as written.
        subprocess.run(
            ["rustfmt", "--edition", "2024", *sorted(str(Path(tmp) / n) for n in files)],
            check=True,
        )
        for name in files:
            text = (Path(tmp) / name).read_text()
            path = OUT / name
            if check:
                if not path.exists() or path.read_text() != text:
                    stale.append(name)
            else:
                path.write_text(text)
    if stale:
        raise SystemExit(f"out of date (run tools/gen-protocol-decls/gen.py): {', '.join(stale)}")


if __name__ == "__main__":
    main()
