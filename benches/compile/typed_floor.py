#!/usr/bin/env python3
"""The typed floor of a sample crate: the same declarations with serde's derives.

    typed_floor.py SAMPLE_DIR OUT_DIR

Rewrites a crate made by `awsjson-cli sample` into one that does not use awsjson: every
shape derives serde's `Serialize` and `Deserialize` (`#[serde(rename_all = ...)]`,
`skip_serializing_if` on optional members, as a hand-written client writes them), every
operation derives `Serialize` and gets an error enum with its `Display` and a decode by
error code, and a 40-line generic `send` (`src/typed.rs`) writes the input with
serde_json and reads the output or the error with it over a transport that is not
generic. `main` is the sample's own. What it leaves out is everything awsjson checks
and adds (model checks, `Debug` redaction, timestamps' and floats' formats, enums'
unknown values, paginators, endpoints, signing); its per-operation compile cost is that
of typed JSON declarations in Rust with serde, the floor any typed client's
declarations start from (BENCHMARKS.md, "The typed floor").
"""

import pathlib
import re
import sys

TYPED_RS = '''//! The typed floor's client: serde_json over a transport that is not generic.

use std::fmt;
use std::future::Future;
use std::pin::Pin;

type Answer = Pin<Box<dyn Future<Output = (u16, String, Vec<u8>)> + Send>>;

pub struct Client {
    transport: Box<dyn Fn(&'static str, Vec<u8>) -> Answer + Send + Sync>,
}

impl Client {
    pub fn from_env() -> Self {
        Client {
            transport: Box::new(|_target, _body| {
                Box::pin(async { (200, String::new(), b"{}".to_vec()) })
            }),
        }
    }
}

pub trait Operation: serde::Serialize {
    const TARGET: &'static str;
    type Output: serde::de::DeserializeOwned + fmt::Debug;
    type Error: OperationError;
}

pub trait OperationError: Sized + fmt::Display {
    fn from_answer(code: &str, body: &[u8]) -> Result<Self, serde_json::Error>;
}

#[derive(Debug)]
pub enum Error<E> {
    Service(E),
    Encode(serde_json::Error),
    Decode(serde_json::Error),
}

impl<E: fmt::Display> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Service(e) => write!(f, "service error: {e}"),
            Error::Encode(e) => write!(f, "encode: {e}"),
            Error::Decode(e) => write!(f, "decode: {e}"),
        }
    }
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct Empty {}

pub async fn send<O: Operation>(client: &Client, op: &O) -> Result<O::Output, Error<O::Error>> {
    let body = serde_json::to_vec(op).map_err(Error::Encode)?;
    let (status, code, answer) = (client.transport)(O::TARGET, body).await;
    if status < 300 {
        serde_json::from_slice(&answer).map_err(Error::Decode)
    } else {
        match O::Error::from_answer(&code, &answer) {
            Ok(e) => Err(Error::Service(e)),
            Err(e) => Err(Error::Decode(e)),
        }
    }
}
'''

TYPES = {
    "awsjson::DateTime": "f64",
    "awsjson::Blob": "String",
    "awsjson::Document": "serde_json::Value",
}


def attribute_block(lines, i):
    """The lines of the attribute opening at line i (to its closing `)]`), and the next index."""
    if lines[i].rstrip().endswith(")]") and lines[i].count("(") == lines[i].count(")"):
        return lines[i], i + 1
    block = [lines[i]]
    i += 1
    while lines[i].strip() != ")]":
        block.append(lines[i])
        i += 1
    block.append(lines[i])
    return "\n".join(block), i + 1


def item_after(lines, i):
    """(kind, name, end index) of the struct or enum declared from line i on."""
    while True:
        m = re.match(r"pub (struct|enum) (\w+)", lines[i])
        if m:
            break
        i += 1
    if lines[i].rstrip().endswith((";", "{}")):
        return m.group(1), m.group(2), i
    j = i
    while lines[j] != "}":
        j += 1
    return m.group(1), m.group(2), j


def rewrite(text):
    lines = text.split("\n")
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("use awsjson::") or line == "#[allow(unused_imports)]":
            i += 1
            continue
        if line.startswith("#[aws_json_operation("):
            block, i = attribute_block(lines, i)
            target = re.search(r'target = "([^"]+)"', block).group(1)
            output = re.search(r"\boutput = ([\w:]+)", block)
            errors = re.search(r"errors\(([^)]*)\)", block)
            errors = [e.strip() for e in errors.group(1).split(",") if e.strip()] if errors else []
            kind, name, end = item_after(lines, i)
            out.append("#[derive(serde::Serialize)]")
            out.append('#[serde(rename_all = "PascalCase")]')
            body = [fix_member(l) for l in lines[i:end + 1]]
            out.extend(sum(body, []))
            out.extend(operation_impls(name, target, output.group(1) if output else None, errors))
            i = end + 1
            continue
        if line.startswith("#[aws_json_shape"):
            _, i = attribute_block(lines, i)
            kind, name, end = item_after(lines, i)
            body = lines[i:end + 1]
            union = kind == "enum" and any("(" in l for l in body[1:] if not l.strip().startswith(("#", "//")))
            out.append("#[derive(serde::Serialize, serde::Deserialize)]")
            if kind == "struct":
                out.append('#[serde(rename_all = "PascalCase")]')
                out.extend(sum((fix_member(l) for l in body), []))
            elif union:
                out.extend(sum((fix_member(l) for l in body), []))
                first = next(
                    re.match(r"\s+(\w+)\(", l).group(1)
                    for l in body
                    if re.match(r"\s+(\w+)\(", l)
                )
                out.append(f"impl Default for {name} {{")
                out.append(f"    fn default() -> Self {{ {name}::{first}(Default::default()) }}")
                out.append("}")
            else:
                out.append("#[derive(Default)]")
                out.append('#[serde(rename_all = "SCREAMING_SNAKE_CASE")]')
                first = True
                for l in body:
                    fixed = fix_member(l)
                    if first and re.match(r"    \w+,$", l):
                        out.append("    #[default]")
                        first = False
                    out.extend(fixed)
            i = end + 1
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


def fix_member(line):
    """A member line with awsjson's attributes and types replaced by serde's."""
    stripped = line.strip()
    if stripped in ("#[aws(sensitive)]", "#[idempotency]"):
        return []
    m = re.match(r'(\s*)#\[aws\(rename = ("[^"]*")\)\]', line)
    if m:
        return [f"{m.group(1)}#[serde(rename = {m.group(2)})]"]
    if stripped.startswith("#[aws("):
        # Formats and other awsjson knobs: serde's derive has no counterpart here.
        return []
    for ours, theirs in TYPES.items():
        line = line.replace(ours, theirs)
    m = re.match(r"(\s*)pub \w+: Option<", line)
    if m:
        return [f'{m.group(1)}#[serde(skip_serializing_if = "Option::is_none")]', line]
    return [line]


def operation_impls(name, target, output, errors):
    output = output or "crate::typed::Empty"
    error = f"{name}Error"
    lines = [
        f"impl crate::typed::Operation for {name} {{",
        f'    const TARGET: &\'static str = "{target}";',
        f"    type Output = {output};",
        f"    type Error = {error};",
        "}",
        f"impl {name} {{",
        "    pub async fn send(",
        "        &self,",
        "        client: &crate::typed::Client,",
        f"    ) -> Result<{output}, crate::typed::Error<{error}>> {{",
        "        crate::typed::send(client, self).await",
        "    }",
        "}",
        "#[derive(Debug)]",
        f"pub enum {error} {{",
    ]
    lines += [f"    {e}({e})," for e in errors]
    lines += [
        "    Unhandled(String),",
        "}",
        f"impl std::fmt::Display for {error} {{",
        "    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {",
        "        match self {",
    ]
    lines += [f'            Self::{e}(e) => write!(f, "{e}: {{e:?}}"),' for e in errors]
    lines += [
        '            Self::Unhandled(code) => write!(f, "{code}"),',
        "        }",
        "    }",
        "}",
        f"impl crate::typed::OperationError for {error} {{",
        f"    fn from_answer(code: &str, {'body' if errors else '_body'}: &[u8]) "
        "-> Result<Self, serde_json::Error> {",
        "        Ok(match code {",
    ]
    lines += [f'            "{e}" => Self::{e}(serde_json::from_slice(body)?),' for e in errors]
    lines += [
        "            other => Self::Unhandled(other.to_owned()),",
        "        })",
        "    }",
        "}",
    ]
    return lines


def main(sample, out):
    sample, out = pathlib.Path(sample), pathlib.Path(out)
    (out / "src").mkdir(parents=True, exist_ok=True)
    for path in sorted((sample / "src").glob("*.rs")):
        text = path.read_text()
        if path.name == "main.rs":
            text = text.replace(
                'awsjson::Client::from_env().await.expect("configuration")',
                "typed::Client::from_env()",
            )
            text = text.replace("\nmod ", "\nmod typed;\nmod ", 1) if "\nmod " in text else text.replace(
                "\nfn main()", "\nmod typed;\n\nfn main()", 1)
        else:
            text = rewrite(text)
        (out / "src" / path.name).write_text(text)
    (out / "src" / "typed.rs").write_text(TYPED_RS)
    manifest = (sample / "Cargo.toml").read_text()
    manifest = manifest.replace('name = "awsjson-sample-', 'name = "awsjson-sample-typed-')
    manifest = re.sub(
        r"awsjson = \{[^}]*\}\n",
        'serde = { version = "1", features = ["derive"] }\nserde_json = "1"\n',
        manifest,
    )
    (out / "Cargo.toml").write_text(manifest)


main(*sys.argv[1:])
