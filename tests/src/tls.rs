//! An HTTPS server on loopback whose certificate a test CA of its own signs
//! (`tests/tls/`, made by `tests/tls/make.sh`): for the TLS set-up of the client, the
//! trusted roots (`AWS_CA_BUNDLE`) and the process-wide rustls provider.
//!
//! Plain threads and blocking rustls: each connection answers one request with the
//! same JSON reply. Its rustls config names ring explicitly, so that the server does
//! not install a process-wide provider either.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use rustls::pki_types::pem::PemObject as _;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

/// How long a connection may stay silent before the server drops it.
const IDLE: Duration = Duration::from_secs(10);

/// The PEM file of the CA that signed the server's certificate.
pub fn ca_pem_path() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tls/ca.pem"))
}

/// A running HTTPS server on `127.0.0.1`, valid for `localhost` and `127.0.0.1`.
pub struct TlsServer {
    url: String,
    requests: Arc<AtomicUsize>,
}

impl TlsServer {
    /// Starts the server; every request gets `200` with `body` and a request id.
    pub fn start(body: &'static str) -> std::io::Result<TlsServer> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tls/");
        let certs = CertificateDer::pem_file_iter(format!("{dir}server.pem"))
            .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
            .map_err(std::io::Error::other)?;
        let key = PrivateKeyDer::from_pem_file(format!("{dir}server.key"))
            .map_err(std::io::Error::other)?;
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .map_err(std::io::Error::other)?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(std::io::Error::other)?;
        let config = Arc::new(config);
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let url = format!("https://localhost:{}", listener.local_addr()?.port());
        let requests = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&requests);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let config = Arc::clone(&config);
                let counter = Arc::clone(&counter);
                std::thread::spawn(move || {
                    // A client that rejects the certificate ends the handshake: not
                    // the server's failure to report.
                    let _ = serve(stream, config, body, &counter);
                });
            }
        });
        Ok(TlsServer { url, requests })
    }

    /// `https://localhost:PORT`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// How many requests were answered.
    pub fn count(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

fn serve(
    stream: TcpStream,
    config: Arc<rustls::ServerConfig>,
    body: &str,
    counter: &AtomicUsize,
) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(IDLE))?;
    stream.set_write_timeout(Some(IDLE))?;
    let connection = rustls::ServerConnection::new(config).map_err(std::io::Error::other)?;
    let mut tls = BufReader::new(rustls::StreamOwned::new(connection, stream));
    let mut length = 0;
    loop {
        let mut line = String::new();
        if tls.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((_, value)) = line
            .split_once(':')
            .filter(|(name, _)| name.eq_ignore_ascii_case("content-length"))
        {
            length = value.trim().parse().map_err(std::io::Error::other)?;
        }
    }
    let mut request_body = vec![0; length];
    tls.read_exact(&mut request_body)?;
    counter.fetch_add(1, Ordering::SeqCst);
    let tls = tls.get_mut();
    // One write, one TLS record: `write!` would send each piece as a record of its
    // own, and Nagle would hold each back for the client's delayed ACK.
    let response = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/x-amz-json-1.0\r\n\
         x-amzn-requestid: tls-request\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    tls.write_all(response.as_bytes())?;
    tls.flush()?;
    tls.conn.send_close_notify();
    tls.flush()
}
