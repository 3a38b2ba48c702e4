//! Real local parts for the credential, config and endpoint tests: temporary
//! directories, a small HTTP server on loopback (ECS, IMDS), a closed port, and an
//! environment that never reaches the developer's `~/.aws` or instance metadata.

#![allow(dead_code, unreachable_pub)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A directory removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new() -> TempDir {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir = std::env::temp_dir().join(format!(
            "awsjson-creds-{}-{}-{nanos:x}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `contents` to `name` (parents created) and returns its path as text.
    pub fn write(&self, name: &str, contents: &str) -> String {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("parent dir");
        }
        std::fs::write(&path, contents).expect("write file");
        path.to_string_lossy().into_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Variables every hermetic test starts from: a home directory of its own (so the
/// developer's `~/.aws` is never read) and instance metadata switched off.
pub fn base_vars(home: &TempDir) -> Vec<(String, String)> {
    vec![
        ("HOME".into(), home.path().to_string_lossy().into_owned()),
        ("AWS_EC2_METADATA_DISABLED".into(), "true".into()),
    ]
}

pub fn env_of(vars: &[(String, String)]) -> awsjson::Env {
    awsjson::Env::from_vars(vars.iter().cloned())
}

/// One request the server received.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

type Handler = dyn Fn(&Request) -> (u16, String) + Send + Sync;

/// A loopback HTTP/1.1 server answering with `handler`, recording every request.
pub struct Server {
    pub url: String,
    pub requests: Arc<Mutex<Vec<Request>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Server {
    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }

    pub fn count(&self, method: &str, path: &str) -> usize {
        self.requests()
            .iter()
            .filter(|r| r.method == method && r.path == path)
            .count()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

pub async fn serve(handler: impl Fn(&Request) -> (u16, String) + Send + Sync + 'static) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().unwrap());
    let requests = Arc::new(Mutex::new(Vec::new()));
    let handler: Arc<Handler> = Arc::new(handler);
    let seen = requests.clone();
    let task = tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let handler = handler.clone();
            let seen = seen.clone();
            tokio::spawn(async move {
                let mut reader = BufReader::new(stream);
                let Ok(Some(raw)) = awsjson::stub::read_request(&mut reader).await else {
                    return;
                };
                let mut stream = reader.into_inner();
                let request = Request {
                    method: raw.method,
                    path: raw.path,
                    headers: raw.headers,
                    body: String::from_utf8_lossy(&raw.body).into_owned(),
                };
                seen.lock().unwrap().push(request.clone());
                let (status, body) = handler(&request);
                let response = format!(
                    "HTTP/1.1 {status} X\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(response.as_bytes()).await;
                let _ = stream.shutdown().await;
            });
        }
    });
    Server {
        url,
        requests,
        task,
    }
}

/// A loopback URL where nothing listens: connecting is refused at once.
pub fn closed_port_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{addr}")
}

/// The credentials document ECS and IMDS serve, expiring `secs` from now.
pub fn credentials_json(id: &str, secs: i64, token_key: &str) -> String {
    format!(
        r#"{{"Code":"Success","Type":"AWS-HMAC","AccessKeyId":"{id}","SecretAccessKey":"secret-{id}","{token_key}":"token-{id}","Expiration":"{}"}}"#,
        date_time_in(secs)
    )
}

/// The RFC 3339 time `secs` from now (whole seconds), written by the tests crate's own
/// timestamp code rather than the runtime's formatter the client reads it back with.
pub fn date_time_in(secs: i64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    awsjson_tests::timestamp::format_date_time((i64::try_from(now).unwrap() + secs) * 1000)
}

/// The access key id a signed request was signed with.
pub fn signed_with(request: &awsjson::HttpRequest) -> String {
    let auth = request.header("authorization").expect("signed");
    let cred = auth.split("Credential=").nth(1).expect("credential");
    cred.split('/').next().unwrap().to_owned()
}

/// An operation to sign requests with.
#[awsjson::aws_json_operation(target = "DynamoDB_20120810.ListTables")]
pub struct ListTables {
    pub limit: Option<i32>,
}

/// Builds a client from `vars` and signs one request: the access key it used.
/// The client `from_env` sets up from `vars`.
pub async fn client_from(vars: &[(String, String)]) -> awsjson::Client {
    awsjson::ClientBuilder::from_env(&env_of(vars))
        .await
        .unwrap()
        .build()
        .unwrap()
}

pub async fn key_used(vars: &[(String, String)]) -> Result<String, String> {
    let client = awsjson::ClientBuilder::from_env(&env_of(vars))
        .await
        .map_err(|e| e.to_string())?
        .region("us-east-1")
        .build()
        .map_err(|e| e.to_string())?;
    let request = client
        .build_request(&ListTables { limit: None })
        .await
        .map_err(|e| e.to_string())?;
    Ok(signed_with(&request))
}
