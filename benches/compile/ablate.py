#!/usr/bin/env python3
"""Ablations of a sample crate's macro-expanded source (ablate.sh; BENCHMARKS.md,
"Where the rest of the memory is").

The expansion (`-Zunpretty=expanded`) compiles as a crate of its own with the nightly
features it names (RUSTC_BOOTSTRAP), at the same rustc peak as the macro build, so each
part of what the macros generate can be taken out by editing text and the build
measured again, without a scratch copy of the macros per experiment.

    ablate.py crate EXPANDED OUT.rs             the expansion made buildable
    ablate.py parts FILE                        bytes and items per kind of item
    ablate.py variant FILE OUT.rs NAME[+NAME]   FILE with parts taken out

Variants:
    drop:<kind>   every item of that kind (as `parts` names it, e.g. `drop:impl
                  Deserialize`, `drop:misfit const`); an event-stream union keeps its
                  items, which the event decoder needs
    stub:read     every structure's `Shape::read` body is `skip`: no member is read
    stub:write    every `Serialize::serialize` body serializes a unit: no member written
    stub:debug    every `Debug::fmt` body writes one constant string
    stub:calls    the sample's `main` calls no operation (no `send` is instantiated)
"""
import collections
import re
import sys

FEATURES = ("prelude_import, print_internals, fmt_internals, panic_internals, rt, "
            "libstd_sys_internals, fmt_helpers_for_derive, structural_match, "
            "coverage_attribute, core_intrinsics")


def skip_string(t, j):
    """Index after the string literal starting at t[j] == '"'."""
    j += 1
    while t[j] != '"':
        j += 2 if t[j] == "\\" else 1
    return j + 1


def kind(head):
    h = " ".join(head.split())
    h = re.sub(r"#\[[^\]]*\]\s*", "", h)
    h = re.sub(r"^pub(\([^)]*\))? ", "", h)
    m = re.match(r"(?:unsafe )?impl(?:<.*?>)? (?:::)?([\w:]+)(?:<[^{]*?>)?\s+for\b", h)
    if m:
        return "impl " + m.group(1).split("::")[-1]
    if h.startswith("impl"):
        return "inherent impl"
    if h.startswith("const _: () = if let"):
        return "misfit const"
    if h.startswith("const _: () ="):
        return "const block"
    if h.startswith("use "):
        return "use"
    m = re.match(r"(struct|enum|fn|mod|const|static|type)\b", h)
    if m:
        return m.group(1)
    return "other"


CONTAINERS = ("mod", "const block")


def items(t):
    """(start, end, kind) of every item in a module or an anonymous `const` block."""
    out, stack, start, i = [], [], 0, 0
    while i < len(t):
        c = t[i]
        if c == '"':
            i = skip_string(t, i)
            continue
        if c == "/" and t.startswith("//", i):
            i = t.index("\n", i)
            continue
        if c == "'" and i + 2 < len(t) and t[i + 2] == "'":
            i += 3
            continue
        if c == "{":
            head = t[start:i]
            stack.append(kind(head))
            i += 1
            if stack[-1] in CONTAINERS and all(k in CONTAINERS for k in stack[:-1]):
                start = i
            continue
        if c == "}":
            k = stack.pop()
            i += 1
            if all(s in CONTAINERS for s in stack):
                if k not in CONTAINERS:
                    if i < len(t) and t[i] == ";":
                        i += 1
                    out.append((start, i, k))
                start = i
            continue
        if c == ";" and all(s in CONTAINERS for s in stack):
            i += 1
            out.append((start, i, kind(t[start:i - 1])))
            start = i
            continue
        i += 1
    return out


def body_end(t, i):
    """Index of the brace closing the one at t[i]."""
    depth = 0
    while True:
        c = t[i]
        if c == '"':
            i = skip_string(t, i)
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1


STUBS = {
    "read": ("fn read<__M: __j::Source>(", lambda head: "__j::skip(__m)"),
    "write": ("fn serialize<__S: ::awsjson::__private::serde::Serializer>(",
              lambda head: "::awsjson::__private::serde::Serializer::serialize_unit("
              + ("serializer" if "serializer: __S" in head else "__s") + ")"),
    "debug": ("fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>)",
              lambda head: '__f.write_str("-")'),
}


def stub(t, which):
    pattern, body = STUBS[which]
    out, last = [], 0
    i = t.find(pattern)
    while i >= 0:
        b = t.index("{", i)
        e = body_end(t, b)
        out += [t[last:b + 1], body(t[i:b])]
        last = e
        i = t.find(pattern, e)
    return "".join(out) + t[last:]


def no_calls(t):
    # The sample's `main` has one arm per operation: `"svc.Op" => report(...),`.
    return re.sub(r'\n\s*"[^"\n]+" =>\s*report\([^\n]*\.await\),', "", t)


def drop(t, what):
    keep = set(re.findall(r"EventUnion for (\w+)", t))
    out, last = [], 0
    for a, b, k in items(t):
        if k != what:
            continue
        m = re.search(r"\bfor\s+(\w+)", t[a:b])
        if m and m.group(1) in keep:
            continue
        out.append(t[last:a])
        last = b
    return "".join(out) + t[last:]


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""

    if cmd == "crate":
        t = open(sys.argv[2]).read()
        t = t.replace("#![feature(prelude_import)]",
                      f"#![feature({FEATURES})]\n#![allow(internal_features)]")
        # The sample denies warnings; its expansion has unused imports of its own.
        t = t.replace("#![deny(warnings)]", "")
        open(sys.argv[3], "w").write(t)
    elif cmd == "parts":
        t = open(sys.argv[2]).read()
        size, count = collections.Counter(), collections.Counter()
        for a, b, k in items(t):
            size[k] += b - a
            count[k] += 1
        total = sum(size.values())
        for k, v in size.most_common():
            print(f"{v:10d} {100 * v / total:5.1f}% {count[k]:6d}  {k}")
    elif cmd == "variant":
        t = open(sys.argv[2]).read()
        for name in sys.argv[4].split("+"):
            what, _, arg = name.partition(":")
            if what == "drop":
                t = drop(t, arg)
            elif arg == "calls":
                t = no_calls(t)
            else:
                t = stub(t, arg)
        open(sys.argv[3], "w").write(t)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
