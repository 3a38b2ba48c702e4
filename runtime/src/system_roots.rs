//! The system's trusted root certificates on Linux and the BSDs: the PEM bundle and
//! the certificate directories OpenSSL would read, found as `rustls-native-certs` finds
//! them (`SSL_CERT_FILE` / `SSL_CERT_DIR`, else `openssl-probe`'s well-known paths).
//!
//! Why not `rustls-native-certs` itself: loading the roots was 18.4 M of the 21.0 M
//! instructions from a program's start to its first response (BENCHMARKS.md), and most
//! of it was its line-by-line PEM reading and constant-time base64 decoding, done twice
//! per certificate (Debian's bundle, then the same certificates in `/etc/ssl/certs`).
//! Root certificates are public, so here a file is read whole, its lines split in
//! place and decoded by the `base64` crate, a seventh of that cost. The certificates
//! trusted are the same.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use rustls::pki_types::CertificateDer;

/// What was read: the certificates (sorted, without duplicates), the places looked in
/// (for an error message when none is usable) and what could not be read.
pub(crate) struct SystemRoots {
    pub(crate) certs: Vec<CertificateDer<'static>>,
    pub(crate) places: Vec<PathBuf>,
    pub(crate) problems: Vec<String>,
}

/// Reads the roots from `SSL_CERT_FILE` / `SSL_CERT_DIR` when either is set, as
/// `rustls-native-certs` does, else from the paths `openssl-probe` finds.
pub(crate) fn load() -> SystemRoots {
    let file = std::env::var_os("SSL_CERT_FILE").map(PathBuf::from);
    let dirs: Vec<PathBuf> = match std::env::var_os("SSL_CERT_DIR") {
        Some(dirs) => std::env::split_paths(&dirs)
            .filter(|p| !p.as_os_str().is_empty())
            .collect(),
        None => Vec::new(),
    };
    if file.is_some() || !dirs.is_empty() {
        return load_from(file.as_deref(), &dirs);
    }
    let probed = openssl_probe::probe();
    load_from(probed.cert_file.as_deref(), &probed.cert_dir)
}

/// The certificates of `file` and of every regular file in `dirs`, each file read once
/// (a directory's links to the bundle or to each other are the same file).
pub(crate) fn load_from(file: Option<&Path>, dirs: &[PathBuf]) -> SystemRoots {
    let mut out = SystemRoots {
        certs: Vec::new(),
        places: file
            .into_iter()
            .chain(dirs.iter().map(PathBuf::as_path))
            .map(Path::to_path_buf)
            .collect(),
        problems: Vec::new(),
    };
    let mut seen_files = HashSet::new();
    let mut scratch = Vec::new();
    let mut read = |path: &Path, out: &mut SystemRoots| match fs::read(path) {
        Ok(pem) => certificates_of(&pem, path, &mut scratch, out),
        Err(e) => out.problems.push(format!("{}: {e}", path.display())),
    };
    if let Some(file) = file {
        if let Ok(meta) = fs::metadata(file) {
            seen_files.insert(file_id(&meta));
        }
        read(file, &mut out);
    }
    for dir in dirs {
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                out.problems.push(format!("{}: {e}", dir.display()));
                continue;
            }
        };
        // Sorted, so that what is read (and any problem) does not depend on the
        // directory's order on disk.
        let mut names: Vec<OsString> = entries.flatten().map(|e| e.file_name()).collect();
        names.sort_unstable();
        for name in names {
            let path = dir.join(name);
            // Followed through links; a dangling link is no problem, as for OpenSSL.
            let meta = match fs::metadata(&path) {
                Ok(meta) => meta,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => {
                    out.problems.push(format!("{}: {e}", path.display()));
                    continue;
                }
            };
            if meta.is_file() && seen_files.insert(file_id(&meta)) {
                read(&path, &mut out);
            }
        }
    }
    // A directory on Debian holds the bundle's certificates again, each in a file of
    // its own: decoding them again costs less than recognising their text (hashing it
    // took twice the decoding), and they are dropped here.
    out.certs
        .sort_unstable_by(|a, b| a.as_ref().cmp(b.as_ref()));
    out.certs.dedup();
    out
}

#[cfg(unix)]
fn file_id(meta: &fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt as _;
    (meta.dev(), meta.ino())
}

const BEGIN: &[u8] = b"-----BEGIN CERTIFICATE-----";
const END: &[u8] = b"-----END CERTIFICATE-----";

/// Adds the `CERTIFICATE` sections of the PEM text `pem` (read from `path`) to `out`;
/// other sections (keys, CRLs, OpenSSL's `TRUSTED CERTIFICATE`) and text between
/// sections are skipped, as `rustls-pki-types` skips them. A section that is not
/// base64 is a problem, and the rest of the file is still read.
fn certificates_of(pem: &[u8], path: &Path, scratch: &mut Vec<u8>, out: &mut SystemRoots) {
    let mut lines = pem.split(|b| *b == b'\n').map(<[u8]>::trim_ascii);
    while let Some(line) = lines.next() {
        if line != BEGIN {
            continue;
        }
        scratch.clear();
        let mut ended = false;
        for line in lines.by_ref() {
            if line == END {
                ended = true;
                break;
            }
            scratch.extend_from_slice(line);
        }
        if !ended {
            out.problems.push(format!(
                "{}: a certificate without its END line",
                path.display()
            ));
            return;
        }
        match decode_base64(scratch) {
            Some(der) => out.certs.push(CertificateDer::from(der)),
            None => out.problems.push(format!(
                "{}: a certificate that is not base64",
                path.display()
            )),
        }
    }
}

/// Standard base64; padding optional and bits past the last byte ignored, as
/// `rustls-pki-types` reads PEM. Not constant-time: certificates are public.
static BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// The bytes of the base64 `text` (a section's lines, each trimmed and joined), or
/// `None`; whitespace inside a line, which PEM writers do not put there, is dropped
/// and the text decoded again.
fn decode_base64(text: &[u8]) -> Option<Vec<u8>> {
    BASE64.decode(text).ok().or_else(|| {
        let text: Vec<u8> = text
            .iter()
            .copied()
            .filter(|b| !b.is_ascii_whitespace())
            .collect();
        BASE64.decode(text).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustls::pki_types::pem::PemObject as _;

    fn scratch_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "awsjson-system-roots-{}-{name}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn base64_with_or_without_padding_and_stray_whitespace() {
        for len in 0..70 {
            let data: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let text = encode(&data);
            assert_eq!(
                decode_base64(text.as_bytes()).as_deref(),
                Some(&data[..]),
                "{text}"
            );
        }
        assert_eq!(
            decode_base64(b"QUJD RE\tVG").as_deref(),
            Some(&b"ABCDEF"[..])
        );
        assert_eq!(decode_base64(b"QUJDREU").as_deref(), Some(&b"ABCDE"[..]));
        assert_eq!(decode_base64(b"QUJ*"), None);
        assert_eq!(decode_base64(b"QUJDR"), None);
        assert_eq!(decode_base64(b"QU=JD"), None);
    }

    fn encode(data: &[u8]) -> String {
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for chunk in data.chunks(3) {
            let n = chunk
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
            for i in 0..=chunk.len() {
                out.push(char::from(alphabet[(n >> (18 - 6 * i) & 63) as usize]));
            }
            for _ in chunk.len()..3 {
                out.push('=');
            }
        }
        out
    }

    /// The system's own store, if this machine has one: the same certificates as
    /// `rustls-pki-types`' reader finds in the same files.
    #[test]
    fn the_system_store_reads_as_rustls_pki_types_reads_it() {
        let probed = openssl_probe::probe();
        let ours = load_from(probed.cert_file.as_deref(), &probed.cert_dir);
        let mut theirs = Vec::new();
        for place in &ours.places {
            let files: Vec<PathBuf> = if place.is_dir() {
                fs::read_dir(place)
                    .unwrap()
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.is_file())
                    .collect()
            } else {
                vec![place.clone()]
            };
            for file in files {
                let Ok(pem) = fs::read(&file) else { continue };
                theirs.extend(CertificateDer::pem_slice_iter(&pem).flatten());
            }
        }
        theirs.sort_unstable_by(|a, b| a.as_ref().cmp(b.as_ref()));
        theirs.dedup();
        assert_eq!(ours.certs, theirs);
    }

    #[test]
    fn a_directory_repeating_the_bundle_and_links_read_once() {
        let dir = scratch_dir("dir");
        let a = "-----BEGIN CERTIFICATE-----\nQUJD\nREVG\n-----END CERTIFICATE-----\n";
        let b = "# comment\n-----BEGIN CERTIFICATE-----\r\nR0hJ\r\n-----END CERTIFICATE-----\r\n";
        let key = "-----BEGIN PRIVATE KEY-----\nS0VZ\n-----END PRIVATE KEY-----\n";
        let bad = "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n";
        let bundle = dir.join("bundle.pem");
        fs::write(&bundle, format!("{a}{key}{b}")).unwrap();
        let certs = dir.join("certs");
        fs::create_dir(&certs).unwrap();
        fs::write(certs.join("a.pem"), a).unwrap();
        fs::write(
            certs.join("c.pem"),
            format!("{bad}-----BEGIN CERTIFICATE-----\nSktM\n-----END CERTIFICATE-----\n"),
        )
        .unwrap();
        std::os::unix::fs::symlink(certs.join("a.pem"), certs.join("1234.0")).unwrap();
        std::os::unix::fs::symlink(certs.join("gone.pem"), certs.join("5678.0")).unwrap();
        let roots = load_from(Some(&bundle), std::slice::from_ref(&certs));
        let certs_read: Vec<&[u8]> = roots.certs.iter().map(|c| c.as_ref()).collect();
        assert_eq!(certs_read, [&b"ABCDEF"[..], b"GHI", b"JKL"]);
        assert_eq!(roots.problems.len(), 1, "{:?}", roots.problems);
        assert!(roots.problems[0].contains("c.pem") && roots.problems[0].contains("base64"));
        let _ = fs::remove_dir_all(dir);
    }

    #[test]
    fn an_unterminated_certificate_and_a_missing_place_are_problems() {
        let dir = scratch_dir("cut");
        let cut = dir.join("cut.pem");
        fs::write(&cut, "-----BEGIN CERTIFICATE-----\nQUJD\n").unwrap();
        let roots = load_from(Some(&cut), &[dir.join("missing")]);
        assert!(roots.certs.is_empty());
        assert_eq!(roots.problems.len(), 2, "{:?}", roots.problems);
        assert!(roots.problems[0].contains("END line"));
        assert!(roots.problems[1].contains("missing"));
        let _ = fs::remove_dir_all(dir);
    }
}
