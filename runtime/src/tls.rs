//! The one place every HTTPS connection of a client is set up: the client's calls and
//! its credential sources (STS, SSO, ECS, IMDS) share it.
//!
//! rustls runs on ring, named explicitly in the `ClientConfig` rather than installed as
//! the process-wide default: rustls leaves `install_default` to applications, and an
//! application that installs its own provider (and unwraps the result) must not find
//! one already there because a library it uses made a client.

use std::path::Path;
use std::sync::Arc;

use rustls::client::danger::ServerCertVerifier;
use rustls::crypto::CryptoProvider;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject as _;

/// Root certificates trusted besides the system's (`AWS_CA_BUNDLE`, the profile's
/// `ca_bundle`, [`ClientBuilder::ca_bundle`](crate::ClientBuilder::ca_bundle)).
pub(crate) type ExtraRoots = Arc<[CertificateDer<'static>]>;

/// How a client checks the certificates of the servers it connects to: the system's
/// trusted roots plus its extra ones, read once when the client is built and shared by
/// all its connections (HTTP/1.1 and HTTP/2 alike).
#[derive(Clone)]
pub(crate) struct Trust {
    verifier: Arc<dyn ServerCertVerifier>,
    provider: Arc<CryptoProvider>,
}

impl Trust {
    /// The system's roots and `extra_roots`; an error names what was looked in when
    /// no root at all is usable.
    pub(crate) fn load(extra_roots: &ExtraRoots) -> Result<Trust, String> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let verifier = system_verifier(extra_roots, &provider)?;
        Ok(Trust { verifier, provider })
    }
}

/// Linux and the BSDs: webpki over the roots `system_roots` reads, which is what
/// `rustls-platform-verifier` does there, minus most of its cost (BENCHMARKS.md).
#[cfg(all(unix, not(target_vendor = "apple"), not(target_os = "android")))]
fn system_verifier(
    extra_roots: &ExtraRoots,
    provider: &Arc<CryptoProvider>,
) -> Result<Arc<dyn ServerCertVerifier>, String> {
    verifier_over(crate::system_roots::load(), extra_roots, provider)
}

/// [`system_verifier`] over roots already read.
#[cfg(all(unix, not(target_vendor = "apple"), not(target_os = "android")))]
fn verifier_over(
    system: crate::system_roots::SystemRoots,
    extra_roots: &ExtraRoots,
    provider: &Arc<CryptoProvider>,
) -> Result<Arc<dyn ServerCertVerifier>, String> {
    for problem in &system.problems {
        tracing::warn!("reading the system's root certificates: {problem}");
    }
    let mut roots = rustls::RootCertStore::empty();
    // Extra roots were checked when their bundle was read.
    roots.add_parsable_certificates(extra_roots.iter().cloned());
    let (_, ignored) = roots.add_parsable_certificates(system.certs);
    if ignored > 0 {
        tracing::warn!(
            "{ignored} of the system's root certificates are not usable and were ignored"
        );
    }
    if roots.is_empty() {
        let places: Vec<String> = system
            .places
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        return Err(format!(
            "could not load the trusted root certificates: no usable certificate in the \
             system's trust store ({}; SSL_CERT_FILE and SSL_CERT_DIR choose other places, \
             AWS_CA_BUNDLE adds a bundle)",
            match places.is_empty() {
                true => "no bundle or certificate directory found".to_owned(),
                false => format!("looked in {}", places.join(", ")),
            }
        ));
    }
    let verifier = rustls::client::WebPkiServerVerifier::builder_with_provider(
        Arc::new(roots),
        provider.clone(),
    )
    .build()
    .map_err(|e| format!("could not load the trusted root certificates: {e}"))?;
    Ok(verifier)
}

/// Elsewhere the platform's own verifier (Security.framework, CryptoAPI, Android's).
#[cfg(not(all(unix, not(target_vendor = "apple"), not(target_os = "android"))))]
fn system_verifier(
    extra_roots: &ExtraRoots,
    provider: &Arc<CryptoProvider>,
) -> Result<Arc<dyn ServerCertVerifier>, String> {
    let verifier = if extra_roots.is_empty() {
        rustls_platform_verifier::Verifier::new(provider.clone())
    } else {
        rustls_platform_verifier::Verifier::new_with_extra_roots(
            extra_roots.iter().cloned(),
            provider.clone(),
        )
    }
    .map_err(|e| format!("could not load the trusted root certificates: {e}"))?;
    Ok(Arc::new(verifier))
}

/// A reqwest builder whose TLS checks servers by `trust`, on ring; callers add their
/// own timeouts and policies. HTTP/1.1 only: a JSON RPC call gains nothing from HTTP/2.
pub(crate) fn http_builder(trust: &Trust) -> Result<reqwest::ClientBuilder, String> {
    builder_with_alpn(trust, vec![b"http/1.1".to_vec()])
}

/// [`http_builder`] for the calls that need HTTP/2 (event streams): ALPN offers `h2`
/// first, and HTTP/1.1 for an endpoint that does not speak it (a local test server).
#[cfg(feature = "http2")]
pub(crate) fn http2_builder(trust: &Trust) -> Result<reqwest::ClientBuilder, String> {
    builder_with_alpn(trust, vec![b"h2".to_vec(), b"http/1.1".to_vec()])
}

fn builder_with_alpn(trust: &Trust, alpn: Vec<Vec<u8>>) -> Result<reqwest::ClientBuilder, String> {
    let mut config = rustls::ClientConfig::builder_with_provider(trust.provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("could not set up TLS: {e}"))?
        .dangerous()
        // The system's trust store, checked as webpki checks it: what reqwest itself
        // does on rustls, through the platform verifier.
        .with_custom_certificate_verifier(trust.verifier.clone())
        .with_no_client_auth();
    // reqwest sets ALPN itself only on configs it builds: a preconfigured one offers
    // what it says here.
    config.alpn_protocols = alpn;
    Ok(reqwest::Client::builder().tls_backend_preconfigured(config))
}

/// The certificates of a PEM bundle, each checked to be usable as a root; errors name
/// the file (`source` says which setting named it) and never hold its content.
pub(crate) fn read_ca_bundle(path: &Path, source: &str) -> Result<ExtraRoots, String> {
    let fail = |why: &dyn std::fmt::Display| {
        format!(
            "the CA bundle {} ({source}) could not be used: {why}",
            path.display()
        )
    };
    let pem = std::fs::read(path).map_err(|e| fail(&e))?;
    let certs = CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| fail(&format_args!("not a PEM file of certificates ({e})")))?;
    if certs.is_empty() {
        return Err(fail(&"it holds no PEM certificate"));
    }
    let mut check = rustls::RootCertStore::empty();
    for (n, cert) in certs.iter().enumerate() {
        check
            .add(cert.clone())
            .map_err(|e| fail(&format_args!("certificate {} is not valid ({e})", n + 1)))?;
    }
    Ok(certs.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle(name: &str, content: &[u8]) -> std::path::PathBuf {
        let path =
            std::env::temp_dir().join(format!("awsjson-tls-{}-{name}.pem", std::process::id()));
        std::fs::write(&path, content).unwrap();
        path
    }

    #[test]
    fn unreadable_empty_and_invalid_bundles_name_the_file() {
        let missing = Path::new("/nonexistent/awsjson/ca.pem");
        let err = read_ca_bundle(missing, "AWS_CA_BUNDLE").unwrap_err();
        assert!(
            err.contains("/nonexistent/awsjson/ca.pem") && err.contains("AWS_CA_BUNDLE"),
            "{err}"
        );

        let empty = bundle("empty", b"not a certificate\n");
        let err = read_ca_bundle(&empty, "AWS_CA_BUNDLE").unwrap_err();
        assert!(err.contains(&*empty.to_string_lossy()), "{err}");
        assert!(err.contains("no PEM certificate"), "{err}");

        let garbage = bundle(
            "garbage",
            b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        );
        let err = read_ca_bundle(&garbage, "AWS_CA_BUNDLE").unwrap_err();
        assert!(err.contains(&*garbage.to_string_lossy()), "{err}");
        assert!(err.contains("certificate 1 is not valid"), "{err}");
        // Nothing of the file's content is repeated.
        assert!(!err.contains("AAAA"), "{err}");
        for path in [empty, garbage] {
            let _ = std::fs::remove_file(path);
        }
    }

    #[cfg(all(unix, not(target_vendor = "apple"), not(target_os = "android")))]
    #[test]
    fn no_usable_root_is_an_error_naming_where_it_looked() {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let nothing = || crate::system_roots::SystemRoots {
            certs: vec![CertificateDer::from(b"not a certificate".to_vec())],
            places: vec![
                "/etc/ssl/certs/ca-certificates.crt".into(),
                "/etc/ssl/certs".into(),
            ],
            problems: Vec::new(),
        };
        let err = verifier_over(nothing(), &ExtraRoots::from([]), &provider).expect_err("no root");
        assert!(
            err.contains("no usable certificate in the system's trust store")
                && err.contains("looked in /etc/ssl/certs/ca-certificates.crt, /etc/ssl/certs")
                && err.contains("SSL_CERT_FILE"),
            "{err}"
        );
    }

    #[test]
    fn building_does_not_install_a_process_wide_provider() {
        http_builder(&Trust::load(&ExtraRoots::from([])).unwrap())
            .unwrap()
            .build()
            .unwrap();
        assert!(CryptoProvider::get_default().is_none());
    }
}
