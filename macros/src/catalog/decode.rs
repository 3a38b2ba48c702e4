//! Decoder of `catalog/catalog.bin`; the layout is in `macros/catalog/README.md` and the
//! writer is `tools/gen-catalog/gen_catalog.py`.

use super::{
    Catalog, Discovery, Endpoint, EndpointParam, Entry, Http, Kind, Location, Member, Operation,
    Paginator, ParamSource, Partition, Protocol, Service, Shape, ShapeId, TimestampFormat,
};
use std::sync::OnceLock;

pub(crate) const MAGIC: &[u8] = b"AWSJCAT\x01";
/// `restjson.bin`: the same container, restJson1 chunks.
pub(crate) const REST_MAGIC: &[u8] = b"AWSJRJ1\x01";

/// Bytes are 'static: the container is `include_bytes!` and each inflated chunk is leaked
/// once per compiler process, so every decoded string borrows instead of allocating.
pub(crate) struct Reader {
    bytes: &'static [u8],
    pos: usize,
}

impl Reader {
    pub(crate) fn new(bytes: &'static [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    pub(crate) fn expect(&mut self, magic: &[u8]) {
        assert!(self.bytes.starts_with(magic), "catalog: bad magic");
        self.pos = magic.len();
    }

    pub(crate) fn u8(&mut self) -> u8 {
        let b = self.bytes[self.pos];
        self.pos += 1;
        b
    }

    pub(crate) fn varint(&mut self) -> usize {
        let mut n = 0usize;
        let mut shift = 0;
        loop {
            let b = self.u8();
            n |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return n;
            }
            shift += 7;
        }
    }

    pub(crate) fn bytes(&mut self, len: usize) -> &'static [u8] {
        let b = &self.bytes[self.pos..self.pos + len];
        self.pos += len;
        b
    }

    pub(crate) fn str(&mut self) -> &'static str {
        let len = self.varint();
        std::str::from_utf8(self.bytes(len)).expect("catalog: invalid utf-8")
    }

    pub(crate) fn rest(&self) -> &'static [u8] {
        &self.bytes[self.pos..]
    }
}

/// The container shared by `catalog.bin` and `docs.bin`: header strings, an extra
/// section, then the index of per-service zlib chunks.
pub(crate) struct Container {
    pub(crate) header: Vec<&'static str>,
    pub(crate) extra: &'static [u8],
    /// (name, target prefix, compressed bytes, inflated length)
    pub(crate) chunks: Vec<(&'static str, &'static str, &'static [u8], usize)>,
}

pub(crate) fn container(bytes: &'static [u8], magic: &[u8]) -> Container {
    let mut r = Reader::new(bytes);
    r.expect(magic);
    let header = (0..r.varint()).map(|_| r.str()).collect();
    let extra_len = r.varint();
    let extra = r.bytes(extra_len);
    let index: Vec<_> = (0..r.varint())
        .map(|_| (r.str(), r.str(), r.varint(), r.varint(), r.varint()))
        .collect();
    let data = r.rest();
    let chunks = index
        .into_iter()
        .map(|(name, prefix, off, len, raw)| (name, prefix, &data[off..off + len], raw))
        .collect();
    Container {
        header,
        extra,
        chunks,
    }
}

#[cfg(not(feature = "catalog"))]
pub(crate) fn inflate(_: &[u8], _: usize) -> &'static [u8] {
    unreachable!("no chunks without the catalog")
}

/// Inflates one chunk into memory that lives as long as the compiler process.
#[cfg(feature = "catalog")]
pub(crate) fn inflate(z: &[u8], raw_len: usize) -> &'static [u8] {
    let out = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(z, raw_len)
        .expect("catalog: corrupt chunk");
    debug_assert_eq!(out.len(), raw_len);
    Box::leak(out.into_boxed_slice())
}

pub(crate) fn catalog(bytes: &'static [u8]) -> Catalog {
    let c = container(bytes, MAGIC);
    let mut r = Reader::new(c.extra);
    let partitions = (0..r.varint())
        .map(|_| Partition {
            id: r.str(),
            region_regex: r.str(),
            dns_suffix: r.str(),
            dual_stack_dns_suffix: r.str(),
            implicit_global_region: r.str(),
            regions: (0..r.varint()).map(|_| r.str()).collect(),
        })
        .collect();
    Catalog {
        botocore_version: c.header[0],
        command: c.header[1],
        partitions,
        entries: entries(c, false),
        rest_json: OnceLock::new(),
    }
}

/// The index of `restjson.bin`, read the first time a declaration asks for a restJson1
/// service: builds that declare only awsJson operations never read it.
pub(super) fn rest_json_entries(bytes: &'static [u8]) -> Vec<Entry> {
    entries(container(bytes, REST_MAGIC), true)
}

fn entries(c: Container, rest_json: bool) -> Vec<Entry> {
    c.chunks
        .into_iter()
        .map(|(name, target_prefix, z, raw_len)| Entry {
            name,
            target_prefix,
            z,
            raw_len,
            rest_json,
            service: OnceLock::new(),
        })
        .collect()
}

/// Per-chunk string table: indices into it are what the chunk body stores.
struct Chunk {
    r: Reader,
    strings: Vec<&'static str>,
}

impl Chunk {
    fn s(&mut self) -> &'static str {
        let i = self.r.varint();
        self.strings[i]
    }

    fn opt(&mut self) -> Option<&'static str> {
        Some(self.s()).filter(|s| !s.is_empty())
    }

    fn strs(&mut self) -> Vec<&'static str> {
        (0..self.r.varint()).map(|_| self.s()).collect()
    }

    fn id(&mut self) -> ShapeId {
        ShapeId(u32::try_from(self.r.varint()).expect("catalog: shape index"))
    }

    fn opt_id(&mut self) -> Option<ShapeId> {
        match self.r.varint() {
            0 => None,
            n => Some(ShapeId(u32::try_from(n - 1).expect("catalog: shape index"))),
        }
    }

    fn u16(&mut self) -> u16 {
        u16::try_from(self.r.varint()).expect("catalog: status code")
    }
}

fn timestamp_format(code: u8) -> TimestampFormat {
    match code {
        1 => TimestampFormat::Iso8601,
        3 => TimestampFormat::Rfc822,
        // 0 is the protocol default, which for awsJson is epoch seconds.
        _ => TimestampFormat::EpochSeconds,
    }
}

/// An awsJson chunk of `catalog.bin`.
pub(crate) fn service(name: &'static str, bytes: &'static [u8]) -> Service {
    chunk(name, bytes, false)
}

/// A restJson1 chunk of `restjson.bin`: the awsJson layout with HTTP bindings added.
pub(crate) fn rest_json_service(name: &'static str, bytes: &'static [u8]) -> Service {
    chunk(name, bytes, true)
}

fn chunk(name: &'static str, bytes: &'static [u8], rest: bool) -> Service {
    let mut r = Reader::new(bytes);
    let strings = (0..r.varint()).map(|_| r.str()).collect();
    let mut c = Chunk { r, strings };
    let service_id = c.s();
    let target_prefix = c.s();
    let signing_name = c.s();
    let endpoint_prefix = c.s();
    let api_version = c.s();
    let (protocol, json_version, query_compatible, signature_version, h2) = if rest {
        (Protocol::RestJson1, "", false, c.opt(), c.opt())
    } else {
        let (protocol, version) = if c.r.u8() == 0 {
            (Protocol::AwsJson1_0, "1.0")
        } else {
            (Protocol::AwsJson1_1, "1.1")
        };
        (protocol, version, c.r.u8() != 0, None, None)
    };
    let endpoints = (0..c.r.varint())
        .map(|_| {
            let partition = c.s();
            let variant = c.r.u8();
            Endpoint {
                partition,
                fips: variant & 1 != 0,
                dual_stack: variant & 2 != 0,
                region: c.opt(),
                url: c.s(),
                signing_region: c.opt(),
                signing_name: c.opt(),
            }
        })
        .collect();
    let endpoint_rules = c.opt();
    let endpoint_account_id = c.r.u8() & 1 != 0;
    let operations = (0..c.r.varint())
        .map(|_| {
            let name = c.s();
            let flags = c.r.varint() as u16;
            let http = rest.then(|| Http {
                method: c.s(),
                uri: c.s(),
                code: c.u16(),
            });
            let input = c.opt_id();
            let output = c.opt_id();
            let errors = (0..c.r.varint()).map(|_| c.id()).collect();
            let paginator = (flags & Operation::PAGINATED != 0).then(|| Paginator {
                input_token: c.strs(),
                output_token: c.strs(),
                result_key: c.strs(),
                limit_key: c.opt(),
                more_results: c.opt(),
            });
            let host_prefix = (flags & Operation::HOST_PREFIX != 0).then(|| c.s());
            let endpoint_params = if flags & Operation::ENDPOINT_PARAMS != 0 {
                (0..c.r.varint())
                    .map(|_| {
                        let name = c.s();
                        let kind = c.r.u8();
                        let value = c.s();
                        let source = match kind {
                            0 => ParamSource::Member(value),
                            1 => ParamSource::String(value),
                            2 => ParamSource::Bool(value == "true"),
                            3 => ParamSource::Path(value),
                            k => panic!("catalog: unknown endpoint parameter source {k}"),
                        };
                        EndpointParam { name, source }
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let discovery = (flags & Operation::DISCOVERY != 0).then(|| {
                if c.r.u8() & 1 != 0 {
                    Discovery::Required
                } else {
                    Discovery::Optional
                }
            });
            Operation {
                name,
                flags,
                http,
                discovery,
                input,
                output,
                errors,
                paginator,
                host_prefix,
                endpoint_params,
            }
        })
        .collect();
    let shapes = (0..c.r.varint())
        .map(|_| {
            let name = c.s();
            let byte = c.r.u8();
            let sensitive = byte & Shape::SENSITIVE_KIND != 0;
            let mut http_status = None;
            let mut blob_flags = 0;
            let kind = match byte & !Shape::SENSITIVE_KIND {
                0 => {
                    let flags = c.r.u8();
                    let error_code = (flags & Shape::ERROR != 0).then(|| c.s());
                    if rest && flags & Shape::ERROR != 0 {
                        http_status = Some(c.u16()).filter(|&code| code != 0);
                    }
                    let members = (0..c.r.varint())
                        .map(|_| {
                            let name = c.s();
                            let target = c.id();
                            let flags = c.r.u8();
                            let (location, timestamp, wire_name) = if rest {
                                let binding = c.r.u8();
                                let location = match binding & 0x0f {
                                    0 => Location::Body,
                                    1 => Location::Label,
                                    2 => Location::Query,
                                    3 => Location::Header,
                                    4 => Location::PrefixHeaders,
                                    5 => Location::ResponseCode,
                                    6 => Location::QueryParams,
                                    7 => Location::Payload,
                                    l => panic!("catalog: unknown member location {l}"),
                                };
                                let timestamp =
                                    Some(binding >> 4).filter(|&f| f != 0).map(timestamp_format);
                                (location, timestamp, c.s())
                            } else {
                                (Location::Body, None, name)
                            };
                            Member {
                                name,
                                target,
                                flags,
                                location,
                                wire_name,
                                timestamp,
                            }
                        })
                        .collect();
                    Kind::Structure {
                        flags,
                        error_code,
                        members,
                    }
                }
                1 => Kind::String {
                    enum_values: c.strs(),
                },
                2 => Kind::List(c.id()),
                3 => Kind::Map(c.id(), c.id()),
                4 => Kind::Boolean,
                5 => Kind::Integer,
                6 => Kind::Long,
                7 => Kind::Float,
                8 => Kind::Double,
                9 => {
                    if rest {
                        blob_flags = c.r.u8();
                    }
                    Kind::Blob
                }
                10 => Kind::Timestamp(timestamp_format(c.r.u8())),
                11 => Kind::Document,
                k => panic!("catalog: unknown shape kind {k}"),
            };
            Shape {
                name,
                kind,
                sensitive,
                http_status,
                blob_flags,
            }
        })
        .collect();
    Service {
        name,
        service_id,
        target_prefix,
        signing_name,
        endpoint_prefix,
        api_version,
        protocol,
        json_version,
        query_compatible,
        signature_version,
        h2,
        endpoints,
        endpoint_rules,
        endpoint_account_id,
        operations,
        shapes,
    }
}
