#!/usr/bin/env python3
"""Generate the awsjson service catalog from botocore's JSON-protocol models.

Run through `tools/gen-catalog/run.sh` (pins botocore, creates the venv); see README.md.

Writes two files:
  macros/catalog/catalog.bin  what the proc macro embeds: services, endpoints, operations, shapes
  macros/catalog/docs.bin     doc strings, read only by the scaffolding CLI

Both are byte-for-byte deterministic for a given botocore version.
The binary layout is documented in macros/catalog/README.md and decoded by
macros/src/catalog/decode.rs; keep the three in step.
"""

import argparse
import gzip
import html.parser
import importlib.metadata
import json
import os
import re
import sys
import zlib

MAGIC = b"AWSJCAT\x01"
DOCS_MAGIC = b"AWSJDOC\x01"
# The restJson1 services live in files of their own, so that a build declaring only
# awsJson operations reads exactly the bytes it read before they existed.
REST_MAGIC = b"AWSJRJ1\x01"
REST_DOCS_MAGIC = b"AWSJRJD\x01"
# Doc strings are converted to Markdown whole, block by block, up to this many
# characters: the blocks past it are left out with a note (a few model docs run to
# pages of tables and examples that belong in the API reference, not in a doc comment).
DOC_MAX_CHARS = 3000
DOC_CUT_NOTE = "(The model's documentation continues in the service's API reference.)"
COMMAND = "tools/gen-catalog/run.sh"

# Shape kinds (u8), mirrored in macros/src/catalog/mod.rs `Kind`.
KIND = {
    "structure": 0,
    "string": 1,
    "list": 2,
    "map": 3,
    "boolean": 4,
    "integer": 5,
    "long": 6,
    "float": 7,
    "double": 8,
    "blob": 9,
    "timestamp": 10,
    "document": 11,
}
# Bit 7 of the kind byte: the shape is `sensitive` (botocore marks shapes only, never
# members), so a member is sensitive when its target is.
K_SENSITIVE = 0x80
# Timestamp formats; 0 means the protocol default (epoch seconds for awsJson).
TS_FORMAT = {None: 0, "iso8601": 1, "unixTimestamp": 2, "rfc822": 3}

# Structure flags; S_EVENT (an event of an event stream) is written for restJson1 only.
S_ERROR, S_UNION, S_EVENTSTREAM, S_FAULT, S_SENSITIVE, S_EVENT = 1, 2, 4, 8, 16, 32
# Member flags; the last three occur in restJson1 models only.
M_REQUIRED, M_IDEMPOTENCY, M_DEPRECATED, M_JSONVALUE = 1, 2, 4, 8
M_HOST_LABEL, M_EVENT_PAYLOAD, M_EVENT_HEADER = 16, 32, 64
# `endpointdiscoveryid` (no JSON-protocol model has one; the catalog tests say so).
M_DISCOVERY_ID = 128
# Operation flags; the last two occur in restJson1 models only.
O_AUTH_NONE, O_DEPRECATED, O_PAGINATED, O_HOST_PREFIX, O_IDEMPOTENT, O_ENDPOINT_PARAMS = 1, 2, 4, 8, 16, 32
O_CHECKSUM_REQUIRED, O_UNSIGNED_PAYLOAD = 64, 128
# Endpoint discovery: the operation has the `endpointdiscovery` trait (a u8 follows: 1
# when discovery is `required`), or it is the service's discovery operation
# (`endpointoperation`, DescribeEndpoints). The flags are a varint, so these two take
# the bits above the first byte.
O_DISCOVERY, O_DISCOVERY_OPERATION = 256, 512
# restJson1 member locations (low nibble of the binding byte): botocore's `location`,
# a `querystring` map (Smithy's httpQueryParams, which botocore spreads over the query
# string), and the member the structure's `payload` names (Smithy's httpPayload).
L_BODY, L_LABEL, L_QUERY, L_HEADER, L_PREFIX_HEADERS, L_STATUS_CODE = 0, 1, 2, 3, 4, 5
L_QUERY_PARAMS, L_PAYLOAD = 6, 7
LOCATION = {None: L_BODY, "uri": L_LABEL, "querystring": L_QUERY, "header": L_HEADER,
            "headers": L_PREFIX_HEADERS, "statusCode": L_STATUS_CODE}
# The timestamp format botocore's rest serializer applies where the shape names none
# (`RestJSONSerializer`: HEADER_TIMESTAMP_FORMAT rfc822, QUERY_STRING_TIMESTAMP_FORMAT
# iso8601 for labels and queries alike, TIMESTAMP_FORMAT unixtimestamp in the body);
# Smithy's restJson1 says the same (http-date, date-time, epoch-seconds).
LOCATION_TS_DEFAULT = {L_BODY: "unixTimestamp", L_LABEL: "iso8601", L_QUERY: "iso8601",
                       L_HEADER: "rfc822", L_PREFIX_HEADERS: "rfc822", L_STATUS_CODE: None,
                       L_QUERY_PARAMS: "iso8601", L_PAYLOAD: None}
# Blob flags (restJson1 only).
B_STREAMING, B_REQUIRES_LENGTH = 1, 2
# Where an operation's endpoint-rule parameter comes from.
P_MEMBER, P_STATIC_STRING, P_STATIC_BOOL, P_PATH = 0, 1, 2, 3
# Endpoint variant bits.
V_FIPS, V_DUALSTACK = 1, 2


def load_json(path):
    if os.path.exists(path):
        with open(path, "rb") as f:
            return json.load(f)
    if os.path.exists(path + ".gz"):
        with gzip.open(path + ".gz", "rb") as f:
            return json.load(f)
    return None


def is_json_protocol(meta):
    return meta.get("protocol") == "json" or "json" in meta.get("protocols", [])


def is_rest_json_protocol(meta):
    return meta.get("protocol") == "rest-json" or "rest-json" in meta.get("protocols", [])


# ---------------------------------------------------------------- endpoint rules


class RuleError(Exception):
    pass


class Partitions:
    def __init__(self, data):
        self.parts = data["partitions"]

    def lookup(self, region):
        for p in self.parts:
            if region in p["regions"]:
                return p
        for p in self.parts:
            if re.match(p["regionRegex"], region):
                return p
        return next(p for p in self.parts if p["id"] == "aws")

    def outputs(self, region):
        return dict(self.lookup(region)["outputs"])


def get_attr(value, path):
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        if value is None:
            return None
        if part.startswith("["):
            i = int(part[1:-1])
            value = value[i] if isinstance(value, list) and i < len(value) else None
        else:
            value = value.get(part) if isinstance(value, dict) else None
    return value


def is_valid_host_label(value, allow_dots):
    if not isinstance(value, str):
        return False
    labels = value.split(".") if allow_dots else [value]
    return all(re.fullmatch(r"[a-zA-Z0-9][a-zA-Z0-9-]{0,62}", l) for l in labels)


def parse_arn(value):
    if not isinstance(value, str):
        return None
    parts = value.split(":", 5)
    if len(parts) != 6 or parts[0] != "arn" or not parts[1] or not parts[2]:
        return None
    return {
        "partition": parts[1],
        "service": parts[2],
        "region": parts[3],
        "accountId": parts[4],
        "resourceId": re.split(r"[:/]", parts[5]),
    }


class Evaluator:
    def __init__(self, partitions):
        self.partitions = partitions

    def template(self, s, scope):
        def sub(m):
            name, _, path = m.group(1).partition("#")
            v = scope.get(name)
            if path:
                v = get_attr(v, path)
            if v is None:
                raise RuleError("unbound template " + m.group(1))
            return str(v)

        return re.sub(r"\{([^{}]+)\}", sub, s)

    def expr(self, e, scope):
        if isinstance(e, dict):
            if "ref" in e:
                return scope.get(e["ref"])
            if "fn" in e:
                return self.call(e, scope)
            return {k: self.expr(v, scope) for k, v in e.items()}
        if isinstance(e, list):
            return [self.expr(v, scope) for v in e]
        if isinstance(e, str):
            return self.template(e, scope)
        return e

    def call(self, c, scope):
        fn = c["fn"]
        args = [self.expr(a, scope) for a in c["argv"]]
        if fn == "isSet":
            return args[0] is not None
        if fn == "not":
            return not args[0]
        if fn == "booleanEquals":
            return args[0] == args[1]
        if fn == "stringEquals":
            return args[0] == args[1]
        if fn == "getAttr":
            return get_attr(args[0], args[1])
        if fn == "aws.partition":
            return self.partitions.outputs(args[0]) if args[0] is not None else None
        if fn == "aws.parseArn":
            return parse_arn(args[0])
        if fn == "isValidHostLabel":
            return is_valid_host_label(args[0], args[1])
        if fn == "substring":
            s, start, stop, rev = args
            if s is None or stop > len(s) or start >= stop:
                return None
            return s[len(s) - stop : len(s) - start] if rev else s[start:stop]
        if fn == "parseURL":
            return None
        raise RuleError("unsupported function " + fn)

    def rules(self, rules, scope):
        for rule in rules:
            local = dict(scope)
            ok = True
            for cond in rule.get("conditions", []):
                v = self.call(cond, local)
                if v is None or v is False:
                    ok = False
                    break
                if "assign" in cond:
                    local[cond["assign"]] = v
            if not ok:
                continue
            t = rule["type"]
            if t == "tree":
                return self.rules(rule["rules"], local)
            if t == "error":
                return ("error", self.expr(rule["error"], local))
            if t == "endpoint":
                ep = rule["endpoint"]
                url = self.expr(ep["url"], local)
                props = self.expr(ep.get("properties", {}), local)
                return ("endpoint", url, props)
        return ("error", "no rule matched")

    def resolve(self, ruleset, params):
        scope = {}
        for name, p in ruleset["parameters"].items():
            if name in params:
                scope[name] = params[name]
            elif "default" in p:
                scope[name] = p["default"]
        return self.rules(ruleset["rules"], scope)


def minify_rules(ruleset):
    """The rule set as the runtime evaluates it: compact JSON without documentation."""

    def strip(v):
        if isinstance(v, dict):
            return {k: strip(x) for k, x in v.items() if k != "documentation"}
        if isinstance(v, list):
            return [strip(x) for x in v]
        return v

    return json.dumps(strip(ruleset), separators=(",", ":"), ensure_ascii=False)


def probe_region(partition):
    """A region name the partition's regex accepts but no rule names."""
    for r in sorted(partition["regions"]):
        parts = r.split("-")
        if len(parts) >= 3 and parts[-1].isdigit():
            cand = "-".join(parts[:-2] + ["probe", parts[-1]])
            if re.match(partition["regionRegex"], cand):
                return cand
    raise SystemExit("no probe region for partition " + partition["id"])


def signing_overrides(props, signing_name):
    """(signing region, signing name) an endpoint demands, '' when the default applies."""
    for scheme in props.get("authSchemes", []) or []:
        if scheme.get("name") in ("sigv4", "sigv4a"):
            region = scheme.get("signingRegion") or ""
            name = scheme.get("signingName") or ""
            return region, "" if name == signing_name else name
    return "", ""


def endpoints_for(ruleset, partitions, signing_name):
    """Endpoint entries: (partition, variant, region, url, signing region, signing name).

    region '' is the partition default with '{region}' in the url; a named region is
    an override where the rules give that region something else (global endpoints).
    """
    ev = Evaluator(partitions)
    has_ds = "UseDualStack" in ruleset["parameters"]
    out = []
    for part in sorted(partitions.parts, key=lambda p: p["id"]):
        probe = probe_region(part)
        for variant in range(4):
            fips, ds = bool(variant & V_FIPS), bool(variant & V_DUALSTACK)
            if ds and not has_ds:
                continue

            def run(region):
                params = {"Region": region, "UseFIPS": fips}
                if has_ds:
                    params["UseDualStack"] = ds
                try:
                    return ev.resolve(ruleset, params)
                except RuleError:
                    return ("error", "")

            res = run(probe)
            default = None
            if res[0] == "endpoint":
                # Global services answer every region with one host (and signing region).
                sr, sn = signing_overrides(res[2], signing_name)
                default = (res[1].replace(probe, "{region}"), sr.replace(probe, "{region}"), sn)
                if default[1] == "{region}":
                    default = (default[0], "", sn)
                out.append((part["id"], variant, "") + default)
            for region in sorted(part["regions"]):
                r = run(region)
                if r[0] != "endpoint":
                    continue
                sr, sn = signing_overrides(r[2], signing_name)
                got = (r[1], "" if sr == region else sr, sn)
                if default:
                    expect = tuple(x.replace("{region}", region) for x in default)
                    if expect[1] == region:
                        expect = (expect[0], "", expect[2])
                    if got == expect:
                        continue
                out.append((part["id"], variant, region) + got)
    return out


# ---------------------------------------------------------------- docs to text


class _Markdown(html.parser.HTMLParser):
    """botocore's HTML docs as Markdown blocks: paragraphs, list items (nested lists
    indented), fenced code from `<pre>`/`<programlisting>`, inline code, and links
    with absolute addresses. Text is escaped so that rustdoc reads no link, HTML tag
    or code span the model did not mean, and bare addresses become autolinks."""

    PARAGRAPH = {"p", "note", "important", "div", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "br",
                 "fullname", "examples", "table", "tr"}
    PRE = {"pre", "programlisting"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        # (kind, text): kind is "p", "li" or "code"; a list item's text carries its
        # indent and marker.
        self.blocks = []
        self.inline = []
        self.lists = []  # per open list: [ordered, next number]
        self.item = None  # the marker of the list item being written, with its indent
        self.pre = None  # text of an open <pre>
        self.code = 0
        self.links = []

    def flush(self):
        text = " ".join("".join(self.inline).split())
        self.inline = []
        if not text:
            return
        if self.item is not None:
            self.blocks.append(("li", self.item + text))
            # More text of the same item (after a nested list) continues it.
            self.item = " " * len(self.item)
        else:
            self.blocks.append(("p", text))

    def handle_starttag(self, tag, attrs):
        if self.pre is not None:
            return
        if tag in self.PRE:
            self.flush()
            self.pre = []
        elif tag in ("ul", "ol"):
            self.flush()
            self.lists.append([tag == "ol", 1])
        elif tag == "li":
            self.flush()
            depth = max(len(self.lists), 1)
            marker = "- "
            if self.lists and self.lists[-1][0]:
                marker = f"{self.lists[-1][1]}. "
                self.lists[-1][1] += 1
            self.item = "  " * (depth - 1) + marker
        elif tag in self.PARAGRAPH:
            if self.item is None:
                self.flush()
            else:
                self.inline.append(" ")
        elif tag == "code":
            if self.code == 0:
                self.inline.append("`")
            self.code += 1
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            href = href.strip()
            linked = href.startswith(("https://", "http://")) and self.code == 0
            self.links.append(href if linked else None)
            if linked:
                self.inline.append("[")

    def handle_endtag(self, tag):
        if self.pre is not None:
            if tag in self.PRE:
                text = "".join(self.pre).strip("\n")
                lines = [line.rstrip() for line in text.split("\n")]
                # Never close the fence early.
                if lines and any(line.strip() for line in lines):
                    body = "\n".join(lines).replace("```", "` ` `")
                    self.blocks.append(("code", "```text\n" + body + "\n```"))
                self.pre = None
            return
        if tag in ("ul", "ol"):
            self.flush()
            if self.lists:
                self.lists.pop()
            self.item = None
        elif tag == "li":
            self.flush()
            self.item = None
        elif tag in self.PARAGRAPH:
            if self.item is None:
                self.flush()
            else:
                self.inline.append(" ")
        elif tag == "code":
            self.code = max(self.code - 1, 0)
            if self.code == 0:
                self.inline.append("`")
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href is not None:
                self.inline.append(f"]({href})")

    def handle_data(self, data):
        if self.pre is not None:
            self.pre.append(data)
        elif self.code:
            self.inline.append(data.replace("`", "'"))
        else:
            self.inline.append(_escape(data))

    def markdown(self):
        self.flush()
        out = ""
        prev = None
        for kind, text in self.blocks:
            if out:
                # A list's items stay together; everything else is its own block.
                out += "\n" if kind == "li" and prev == "li" else "\n\n"
            out += text
            prev = kind
        return out


_URL = re.compile(r"https?://[^\s<>()\[\]\\]+[^\s<>()\[\]\\.,;:]")


def _escape(text):
    """Text as Markdown that reads as written; bare addresses become autolinks (rustdoc
    warns of bare URLs)."""
    out = []
    last = 0
    for m in _URL.finditer(text):
        out.append(_escape_plain(text[last:m.start()]))
        out.append("<" + m.group(0) + ">")
        last = m.end()
    out.append(_escape_plain(text[last:]))
    return "".join(out)


def _escape_plain(text):
    for c in "\\`[]<>*":
        text = text.replace(c, "\\" + c)
    return text


def html_to_text(doc):
    """A model doc string as Markdown, at most `DOC_MAX_CHARS` long (whole blocks)."""
    if not doc:
        return ""
    p = _Markdown()
    p.feed(doc)
    p.close()
    text = p.markdown()
    if len(text) <= DOC_MAX_CHARS:
        return text
    kept = ""
    for block in re.split(r"\n\n", text):
        if len(kept) + len(block) + 2 > DOC_MAX_CHARS:
            break
        kept = block if not kept else kept + "\n\n" + block
    if not kept:
        # One block longer than the bound: its words up to it.
        kept = " ".join(text[:DOC_MAX_CHARS].split("\n")[0].split(" ")[:-1])
    return kept + "\n\n" + DOC_CUT_NOTE


# ---------------------------------------------------------------- encoding


def varint(n):
    assert n >= 0
    b = bytearray()
    while True:
        x = n & 0x7F
        n >>= 7
        if n:
            b.append(x | 0x80)
        else:
            b.append(x)
            return bytes(b)


def enc_str(s):
    raw = s.encode("utf-8")
    return varint(len(raw)) + raw


class Strings:
    """Per-chunk string table, indexed in first-use order (deterministic)."""

    def __init__(self):
        self.index = {}
        self.items = []

    def __call__(self, s):
        if s not in self.index:
            self.index[s] = len(self.items)
            self.items.append(s)
        return varint(self.index[s])

    def encode(self):
        return varint(len(self.items)) + b"".join(enc_str(s) for s in self.items)


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def shape_kind(shape):
    if shape["type"] == "structure" and shape.get("document"):
        return KIND["document"]
    return KIND[shape["type"]]


def endpoint_params(op, shapes):
    """(parameter, source kind, member / value / path) of an operation, sorted."""
    out = []
    for pname, v in op.get("staticContextParams", {}).items():
        value = v["value"]
        if isinstance(value, bool):
            out.append((pname, P_STATIC_BOOL, "true" if value else "false"))
        else:
            out.append((pname, P_STATIC_STRING, str(value)))
    if "input" in op:
        for mname, m in shapes[op["input"]["shape"]].get("members", {}).items():
            if "contextParam" in m:
                out.append((m["contextParam"]["name"], P_MEMBER, mname))
    for pname, v in op.get("operationContextParams", {}).items():
        out.append((pname, P_PATH, v["path"]))
    return sorted(out)


def member_timestamp_format(shapes, member, location):
    """The format botocore writes a timestamp member in at its location, for a member
    that targets a timestamp or a list of them (header and query lists); 0 otherwise.
    The shape's `timestampFormat` wins, else the location's default."""
    target = shapes[member["shape"]]
    if target["type"] == "list":
        target = shapes[target["member"]["shape"]]
    if target["type"] != "timestamp":
        return 0
    fmt = member.get("timestampFormat") or target.get("timestampFormat")
    return TS_FORMAT[fmt or LOCATION_TS_DEFAULT[location]]


def encode_service(name, model, ruleset, paginators, partitions, rest=False):
    """One service's chunk; `rest` selects the restJson1 layout (README.md, Format)."""
    meta = model["metadata"]
    shapes = model["shapes"]
    ops = model["operations"]
    signing_name = meta.get("signingName") or meta["endpointPrefix"]

    # Only shapes reachable from operations are kept.
    keep = set()

    def reach(sname):
        if sname in keep:
            return
        keep.add(sname)
        sh = shapes[sname]
        for m in sh.get("members", {}).values():
            reach(m["shape"])
        for k in ("member", "key", "value"):
            if k in sh:
                reach(sh[k]["shape"])

    for op in ops.values():
        for k in ("input", "output"):
            if k in op:
                reach(op[k]["shape"])
        for e in op.get("errors", []):
            reach(e["shape"])
    order = sorted(keep)
    idx = {s: i for i, s in enumerate(order)}

    st = Strings()
    body = bytearray()
    body += st(meta["serviceId"]) + st(meta.get("targetPrefix", "")) + st(signing_name)
    body += st(meta["endpointPrefix"]) + st(meta["apiVersion"])
    if rest:
        body += st(meta.get("signatureVersion") or "")
        body += st((meta.get("protocolSettings") or {}).get("h2") or "")
    else:
        body += bytes([0 if meta["jsonVersion"] == "1.0" else 1])
        body += bytes([1 if meta.get("awsQueryCompatible") is not None else 0])

    eps = endpoints_for(ruleset, partitions, signing_name)
    body += varint(len(eps))
    for part, variant, region, url, sr, sn in eps:
        body += st(part) + bytes([variant]) + st(region) + st(url) + st(sr) + st(sn)
    body += st(minify_rules(ruleset))
    # 1: the rule set routes by the credentials' account id (`AWS::Auth::AccountId`).
    builtins = {p.get("builtIn") for p in ruleset["parameters"].values()}
    body += bytes([1 if "AWS::Auth::AccountId" in builtins else 0])

    pag = paginators.get("pagination", {}) if paginators else {}
    body += varint(len(ops))
    for oname in sorted(ops):
        op = ops[oname]
        flags = 0
        if op.get("authtype") == "none" or op.get("auth") == ["smithy.api#noAuth"]:
            flags |= O_AUTH_NONE
        if op.get("deprecated"):
            flags |= O_DEPRECATED
        p = pag.get(oname)
        # Paginators whose tokens are JMESPath expressions ("a.b") are kept as written.
        if p:
            flags |= O_PAGINATED
        host = (op.get("endpoint") or {}).get("hostPrefix")
        if host:
            flags |= O_HOST_PREFIX
        if op.get("idempotent"):
            flags |= O_IDEMPOTENT
        params = endpoint_params(op, shapes)
        if params:
            flags |= O_ENDPOINT_PARAMS
        if rest:
            checksum = op.get("httpChecksumRequired") or (op.get("httpChecksum") or {}).get(
                "requestChecksumRequired"
            )
            if checksum:
                flags |= O_CHECKSUM_REQUIRED
            if op.get("authtype") == "v4-unsigned-body" or op.get("unsignedPayload"):
                flags |= O_UNSIGNED_PAYLOAD
        discovery = op.get("endpointdiscovery")
        if discovery is not None:
            flags |= O_DISCOVERY
        if op.get("endpointoperation"):
            flags |= O_DISCOVERY_OPERATION
        body += st(oname) + varint(flags)
        if rest:
            http = op["http"]
            # requestUri as written: path labels `{Name}`, greedy `{Name+}`, and a
            # literal query part after `?` (`/restapis?mode=import`).
            body += st(http["method"]) + st(http["requestUri"])
            body += varint(http.get("responseCode", 200))
        body += varint(idx[op["input"]["shape"]] + 1 if "input" in op else 0)
        body += varint(idx[op["output"]["shape"]] + 1 if "output" in op else 0)
        errs = sorted({e["shape"] for e in op.get("errors", [])})
        body += varint(len(errs)) + b"".join(varint(idx[e]) for e in errs)
        if p:
            for key in ("input_token", "output_token", "result_key"):
                vals = as_list(p.get(key))
                body += varint(len(vals)) + b"".join(st(v) for v in vals)
            body += st(p.get("limit_key") or "")
            body += st(p.get("more_results") or "")
        if host:
            body += st(host)
        if params:
            body += varint(len(params))
            for pname, kind, value in params:
                body += st(pname) + bytes([kind]) + st(value)
        if discovery is not None:
            body += bytes([1 if discovery.get("required") else 0])

    body += varint(len(order))
    for sname in order:
        sh = shapes[sname]
        kind = shape_kind(sh)
        body += st(sname) + bytes([kind | (K_SENSITIVE if sh.get("sensitive") else 0)])
        if kind == KIND["structure"]:
            flags = 0
            if sh.get("exception") or sh.get("error"):
                flags |= S_ERROR
            if sh.get("union"):
                flags |= S_UNION
            if sh.get("eventstream"):
                flags |= S_EVENTSTREAM
            if sh.get("fault"):
                flags |= S_FAULT
            if sh.get("sensitive"):
                flags |= S_SENSITIVE
            if rest and sh.get("event"):
                flags |= S_EVENT
            body += bytes([flags])
            if flags & S_ERROR:
                # awsQueryCompatible services send a legacy code; json ones the shape name.
                body += st((sh.get("error") or {}).get("code") or sname)
                if rest:
                    # botocore's `error.httpStatusCode`; 0 when the model gives none.
                    body += varint((sh.get("error") or {}).get("httpStatusCode") or 0)
            required = set(sh.get("required", []))
            members = sh.get("members", {})
            payload = sh.get("payload")
            if payload is not None and payload not in members:
                raise SystemExit(f"{name}#{sname}: payload {payload} is not a member")
            body += varint(len(members))
            for mname in members:  # model order: the scaffold keeps it
                m = members[mname]
                if not rest and ("locationName" in m or "jsonName" in m):
                    raise SystemExit(f"{name}#{sname}${mname}: wire name differs from member name")
                if rest and "jsonName" in m:
                    # botocore writes Smithy's jsonName as locationName; a model that
                    # kept both would need a decision the format has no place for.
                    raise SystemExit(f"{name}#{sname}${mname}: jsonName in a botocore model")
                mf = 0
                if mname in required:
                    mf |= M_REQUIRED
                if m.get("idempotencyToken"):
                    mf |= M_IDEMPOTENCY
                if m.get("deprecated"):
                    mf |= M_DEPRECATED
                if m.get("jsonvalue"):
                    mf |= M_JSONVALUE
                if rest:
                    if m.get("hostLabel"):
                        mf |= M_HOST_LABEL
                    if m.get("eventpayload"):
                        mf |= M_EVENT_PAYLOAD
                    if m.get("eventheader"):
                        mf |= M_EVENT_HEADER
                if m.get("endpointdiscoveryid"):
                    mf |= M_DISCOVERY_ID
                body += st(mname) + varint(idx[m["shape"]]) + bytes([mf])
                if rest:
                    location = m.get("location")
                    if location not in LOCATION:
                        raise SystemExit(f"{name}#{sname}${mname}: unknown location {location}")
                    loc = LOCATION[location]
                    if mname == payload:
                        if location is not None:
                            raise SystemExit(f"{name}#{sname}${mname}: payload with a location")
                        loc = L_PAYLOAD
                    elif loc == L_QUERY and shapes[m["shape"]]["type"] == "map":
                        loc = L_QUERY_PARAMS
                    ts = member_timestamp_format(shapes, m, loc)
                    # The wire name (botocore's `locationName`, else the member name):
                    # the JSON key in the body, the label, query parameter or header
                    # name, the header prefix (may be ""); unused for a query map
                    # (httpQueryParams) and the status code.
                    body += bytes([loc | ts << 4]) + st(m.get("locationName", mname))
        elif kind == KIND["string"]:
            enum = sh.get("enum", [])
            body += varint(len(enum)) + b"".join(st(v) for v in enum)
        elif kind == KIND["list"]:
            body += varint(idx[sh["member"]["shape"]])
        elif kind == KIND["map"]:
            body += varint(idx[sh["key"]["shape"]]) + varint(idx[sh["value"]["shape"]])
        elif kind == KIND["timestamp"]:
            body += bytes([TS_FORMAT[sh.get("timestampFormat")]])
        elif kind == KIND["blob"] and rest:
            bf = (B_STREAMING if sh.get("streaming") else 0) | (
                B_REQUIRES_LENGTH if sh.get("requiresLength") else 0
            )
            body += bytes([bf])
    return st.encode() + bytes(body), order


def encode_docs(model, order):
    """Docs chunk: service doc, then per operation and per shape (in catalog order)
    the doc text and, for structures, one doc per member."""
    st = Strings()
    body = bytearray()
    body += st(html_to_text(model.get("documentation")))
    for oname in sorted(model["operations"]):
        body += st(html_to_text(model["operations"][oname].get("documentation")))
    for sname in order:
        sh = model["shapes"][sname]
        body += st(html_to_text(sh.get("documentation")))
        if sh["type"] == "structure" and not sh.get("document"):
            for mname in sh.get("members", {}):
                body += st(html_to_text(sh["members"][mname].get("documentation")))
    return st.encode() + bytes(body)


def write_container(path, magic, header, extra, chunks):
    """magic, header strings, extra section, index, zlib-compressed chunks.

    Index entry: name, target prefix, offset, compressed length, raw length.
    Each chunk is compressed on its own so a build that declares operations of one
    service inflates only that service.
    """
    index = bytearray()
    data = bytearray()
    for name, key, chunk in chunks:
        z = zlib.compress(chunk, 9)
        index += enc_str(name) + enc_str(key) + varint(len(data)) + varint(len(z)) + varint(len(chunk))
        data += z
    out = bytearray(magic)
    out += varint(len(header)) + b"".join(enc_str(h) for h in header)
    out += varint(len(extra)) + extra
    out += varint(len(chunks)) + index + data
    with open(path, "wb") as f:
        f.write(out)
    return len(out)


def encode_partitions(partitions):
    out = bytearray()
    parts = sorted(partitions.parts, key=lambda p: p["id"])
    out += varint(len(parts))
    for p in parts:
        o = p["outputs"]
        out += enc_str(p["id"]) + enc_str(p["regionRegex"])
        out += enc_str(o["dnsSuffix"]) + enc_str(o["dualStackDnsSuffix"])
        out += enc_str(o.get("implicitGlobalRegion", ""))
        regions = sorted(p["regions"])
        out += varint(len(regions)) + b"".join(enc_str(r) for r in regions)
    return bytes(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="macros/catalog", help="output directory")
    args = ap.parse_args()

    import botocore

    version = importlib.metadata.version("botocore")
    data = os.path.join(os.path.dirname(botocore.__file__), "data")
    partitions = Partitions(load_json(os.path.join(data, "partitions.json")))

    chunks, doc_chunks = [], []
    rest_chunks, rest_doc_chunks = [], []
    n_ops = n_rest_ops = 0
    for name in sorted(os.listdir(data)):
        sdir = os.path.join(data, name)
        if not os.path.isdir(sdir):
            continue
        versions = sorted(v for v in os.listdir(sdir) if load_json(os.path.join(sdir, v, "service-2.json")))
        if not versions:
            continue
        vdir = os.path.join(sdir, versions[-1])
        model = load_json(os.path.join(vdir, "service-2.json"))
        # botocore picks the first protocol of `protocols` it supports, and supports
        # both: a model listing json before rest-json would be awsJson.
        rest = is_rest_json_protocol(model["metadata"]) and not is_json_protocol(model["metadata"])
        if not rest and not is_json_protocol(model["metadata"]):
            continue
        ruleset = load_json(os.path.join(vdir, "endpoint-rule-set-1.json"))
        paginators = load_json(os.path.join(vdir, "paginators-1.json"))
        chunk, order = encode_service(name, model, ruleset, paginators, partitions, rest)
        if rest:
            rest_chunks.append((name, "", chunk))
            rest_doc_chunks.append((name, "", encode_docs(model, order)))
            n_rest_ops += len(model["operations"])
            continue
        prefix = model["metadata"]["targetPrefix"]
        chunks.append((name, prefix, chunk))
        doc_chunks.append((name, prefix, encode_docs(model, order)))
        n_ops += len(model["operations"])

    os.makedirs(args.out, exist_ok=True)
    header = [version, COMMAND]
    size = write_container(
        os.path.join(args.out, "catalog.bin"), MAGIC, header, encode_partitions(partitions), chunks
    )
    dsize = write_container(os.path.join(args.out, "docs.bin"), DOCS_MAGIC, header, b"", doc_chunks)
    # The partitions are the same: catalog.bin's serve both.
    rsize = write_container(
        os.path.join(args.out, "restjson.bin"), REST_MAGIC, header, b"", rest_chunks
    )
    rdsize = write_container(
        os.path.join(args.out, "docs-restjson.bin"), REST_DOCS_MAGIC, header, b"", rest_doc_chunks
    )
    print(
        f"botocore {version}: {len(chunks)} awsJson services, {n_ops} operations; "
        f"{len(rest_chunks)} restJson1 services, {n_rest_ops} operations; "
        f"catalog.bin {size} bytes, docs.bin {dsize} bytes, "
        f"restjson.bin {rsize} bytes, docs-restjson.bin {rdsize} bytes",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
