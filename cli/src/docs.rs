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
        let (_, _, z, raw) = c
            .chunks
            .iter()
            .find(|(name, ..)| *name == service.name)
            .copied()
            .expect("docs.bin lists every catalog service");
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
