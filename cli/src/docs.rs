//! Doc strings from `macros/catalog/docs.bin`, which only this tool reads.

use crate::catalog::{Kind, Service, ShapeId, decode};

static BYTES: &[u8] = include_bytes!("../catalog/docs.bin");
const MAGIC: &[u8] = b"AWSJDOC\x01";

/// The docs of one service, aligned with its catalog entry.
pub(crate) struct Docs {
    operations: Vec<&'static str>,
    shapes: Vec<&'static str>,
    /// Per shape, its members' docs (empty for non-structures).
    members: Vec<Vec<&'static str>>,
}

impl Docs {
    pub(crate) fn load(service: &Service) -> Docs {
        let c = decode::container(BYTES, MAGIC);
        let found = c
            .chunks
            .iter()
            .find(|(name, ..)| *name == service.name)
            .copied();
        // docs.bin has the awsJson services only: restJson1 scaffolds go without docs.
        let Some((_, _, z, raw)) = found else {
            assert!(
                service.protocol == crate::catalog::Protocol::RestJson1,
                "docs.bin lists every awsJson service"
            );
            return Docs {
                operations: vec![""; service.operations.len()],
                shapes: vec![""; service.shapes.len()],
                members: vec![Vec::new(); service.shapes.len()],
            };
        };
        let mut r = decode::Reader::new(decode::inflate(z, raw));
        let strings: Vec<&'static str> = (0..r.varint()).map(|_| r.str()).collect();
        let mut s = || strings[r.varint()];
        let _service_doc = s();
        let operations = service.operations.iter().map(|_| s()).collect();
        let mut shapes = Vec::new();
        let mut members = Vec::new();
        for shape in &service.shapes {
            shapes.push(s());
            members.push(match &shape.kind {
                Kind::Structure { members, .. } => members.iter().map(|_| s()).collect(),
                _ => Vec::new(),
            });
        }
        Docs {
            operations,
            shapes,
            members,
        }
    }

    pub(crate) fn operation(&self, service: &Service, name: &str) -> &'static str {
        service
            .operations
            .iter()
            .position(|o| o.name == name)
            .map_or("", |i| self.operations[i])
    }

    pub(crate) fn shape(&self, id: ShapeId) -> &'static str {
        self.shapes[id.0 as usize]
    }

    pub(crate) fn member(&self, id: ShapeId, index: usize) -> &'static str {
        self.members[id.0 as usize]
            .get(index)
            .copied()
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::Docs;

    /// The generator's bound (`DOC_MAX_CHARS` in `tools/gen-catalog/gen_catalog.py`)
    /// and the note it ends a cut text with.
    const MAX_CHARS: usize = 3000;
    const CUT_NOTE: &str = "(The model's documentation continues in the service's API reference.)";

    /// Every doc string of the catalog is Markdown that rustdoc reads as the model
    /// meant: within the bound, code fences closed, `<` only opening an autolink,
    /// addresses only inside links or autolinks, `[` only opening a link.
    #[test]
    fn every_doc_is_bounded_markdown() {
        let c = crate::catalog::catalog();
        let (mut docs, mut lists, mut cut) = (0, 0, 0);
        for name in c.service_names() {
            let s = c.service(name).unwrap();
            let d = Docs::load(s);
            let all = d
                .operations
                .iter()
                .chain(&d.shapes)
                .chain(d.members.iter().flatten());
            for text in all {
                docs += 1;
                let body = text.strip_suffix(CUT_NOTE).map_or(*text, |b| {
                    cut += 1;
                    b
                });
                assert!(body.len() <= MAX_CHARS, "{name}: {} chars", text.len());
                if text.lines().any(|l| l.trim_start().starts_with("- ")) {
                    lists += 1;
                }
                let mut code = false;
                for line in text.lines() {
                    if line.starts_with("```") {
                        code = !code;
                        continue;
                    }
                    if code {
                        continue;
                    }
                    check_line(name, line);
                }
                assert!(!code, "{name}: an open code fence in {text:?}");
            }
        }
        println!("{docs} docs, {lists} with lists, {cut} cut");
        assert!(lists > 1000 && cut > 0, "{lists} {cut}");
    }

    /// `http://` or `https://` and a host.
    fn is_address(text: &str) -> bool {
        let rest = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"));
        rest.is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphanumeric()))
    }

    /// Outside code spans: an unescaped `<` opens an autolink, an unescaped `[` a link,
    /// and an address stands in one of them.
    fn check_line(service: &str, line: &str) {
        let b = line.as_bytes();
        let mut i = 0;
        let mut span = false;
        while i < b.len() {
            match b[i] {
                b'\\' => i += 1,
                b'`' => span = !span,
                b'<' if !span => assert!(
                    line[i..].starts_with("<http"),
                    "{service}: a bare `<` in {line:?}"
                ),
                b'[' if !span => {
                    let close = line[i..].find("](");
                    assert!(close.is_some(), "{service}: a bare `[` in {line:?}");
                }
                b'h' if !span && is_address(&line[i..]) => {
                    let before = if i > 0 { b[i - 1] } else { b' ' };
                    assert!(
                        before == b'(' || before == b'<',
                        "{service}: a bare address in {line:?}"
                    );
                }
                _ => {}
            }
            i += 1;
        }
    }
}
