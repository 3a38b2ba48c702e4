//! The official AWS SigV4 test suite (`tests/vectors/sigv4`, see its README) against
//! `awsjson::sigv4`, header (`Authorization`) variant, one case per directory.
//!
//! The `query-*.txt` files (presigned URLs: the signature in `X-Amz-*` query
//! parameters) are not read: an awsJson client always signs with the `Authorization`
//! header, so `awsjson::sigv4` has no query signing to check them against.

use std::fs;
use std::path::{Path, PathBuf};

use awsjson::sigv4::{self, SignableRequest, SigningParams};
use serde_json::Value;

/// "Cases (38 + 2)" in the suite README: a lost directory fails the test.
const EXPECTED_CASES: usize = 40;

// Fixed inputs of the `_classic` cases, which have no `context.json` (suite README).
const ACCESS_KEY_ID: &str = "AKIDEXAMPLE";
const SECRET_ACCESS_KEY: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const REGION: &str = "us-east-1";
const SERVICE: &str = "service";
const X_AMZ_DATE: &str = "20150830T123600Z";

fn suite_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors/sigv4")
}

fn sorted_subdirs(dir: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn sigv4_suite() {
    let root = suite_dir();
    let mut cases: Vec<(String, PathBuf, Kind)> = Vec::new();
    for dir in sorted_subdirs(&root) {
        let name = file_name(&dir);
        if name == "_classic" {
            for case in sorted_subdirs(&dir) {
                cases.push((
                    format!("_classic/{}", file_name(&case)),
                    case,
                    Kind::Classic,
                ));
            }
        } else {
            // Every other directory is a case: one without `context.json` fails below
            // instead of being skipped.
            cases.push((name, dir, Kind::Current));
        }
    }

    let mut ran = 0;
    let mut failed = Vec::new();
    for (name, dir, kind) in &cases {
        let result = match kind {
            Kind::Current => run_current(dir),
            Kind::Classic => run_classic(dir),
        };
        ran += 1;
        match result {
            Ok(()) => println!("PASS {name}"),
            Err(why) => {
                println!("FAIL {name}\n{why}");
                failed.push(name.as_str());
            }
        }
        if dir.join("query-signature.txt").exists() {
            println!(
                "SKIP {name} presigned (query-*.txt): awsJson signs only with the Authorization header"
            );
        }
    }
    println!(
        "{} passed, {} failed, {ran} run",
        ran - failed.len(),
        failed.len()
    );

    assert_eq!(ran, cases.len(), "every case directory runs");
    assert_eq!(
        ran,
        EXPECTED_CASES,
        "case directories under {}",
        root.display()
    );
    assert!(failed.is_empty(), "failed cases: {failed:?}");
}

enum Kind {
    /// aws-c-auth layout: `context.json`, `request.txt`, `header-*.txt`.
    Current,
    /// 2015 layout: `<case>.req`, `.creq`, `.sts`, `.authz`.
    Classic,
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .expect("directory has a name")
        .to_string_lossy()
        .into_owned()
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("  {}: {e}", path.display()))
}

fn run_current(dir: &Path) -> Result<(), String> {
    let context: Value = serde_json::from_str(&read(&dir.join("context.json"))?)
        .map_err(|e| format!("  context.json: {e}"))?;
    let text = |pointer: &str| {
        context
            .pointer(pointer)
            .and_then(Value::as_str)
            .ok_or_else(|| format!("  context.json: no string at {pointer}"))
    };
    let flag = |key: &str| context.get(key).and_then(Value::as_bool).unwrap_or(false);

    // "2015-08-30T12:36:00Z" is the x-amz-date form with separators.
    let timestamp = text("/timestamp")?.replace(['-', ':'], "");
    let time =
        sigv4::parse_amz_date(&timestamp).ok_or_else(|| format!("  bad timestamp {timestamp}"))?;
    let mut params = SigningParams::new(
        text("/credentials/access_key_id")?,
        text("/credentials/secret_access_key")?,
        text("/region")?,
        text("/service")?,
        time,
    );
    params.session_token = context
        .pointer("/credentials/token")
        .and_then(Value::as_str);
    params.settings.normalize_path = flag("normalize");
    // aws-c-auth's runner always double-encodes (suite README).
    params.settings.double_uri_encode = true;
    params.settings.sign_body = flag("sign_body");
    params.settings.omit_session_token = flag("omit_session_token");

    let raw = read(&dir.join("request.txt"))?;
    let request = parse_request(&raw)?;
    let out = request.sign(&params);

    let signed_raw = read(&dir.join("header-signed-request.txt"))?;
    let signed = parse_request(&signed_raw)?;
    let mut problems = Vec::new();
    check(
        &mut problems,
        "canonical request",
        &out.canonical_request,
        &read(&dir.join("header-canonical-request.txt"))?,
    );
    check(
        &mut problems,
        "string to sign",
        &out.string_to_sign,
        &read(&dir.join("header-string-to-sign.txt"))?,
    );
    check(
        &mut problems,
        "signature",
        &out.signature,
        read(&dir.join("header-signature.txt"))?.trim_end(),
    );
    check(
        &mut problems,
        "Authorization",
        &out.authorization,
        signed.header("authorization").unwrap_or("<missing>"),
    );
    check(
        &mut problems,
        "X-Amz-Date",
        &out.x_amz_date,
        signed.header("x-amz-date").unwrap_or("<missing>"),
    );
    check(
        &mut problems,
        "X-Amz-Security-Token",
        out.security_token.as_deref().unwrap_or("<none>"),
        signed.header("x-amz-security-token").unwrap_or("<none>"),
    );
    check(
        &mut problems,
        "x-amz-content-sha256",
        out.content_sha256.as_deref().unwrap_or("<none>"),
        signed.header("x-amz-content-sha256").unwrap_or("<none>"),
    );
    report(&problems)
}

fn run_classic(dir: &Path) -> Result<(), String> {
    let name = file_name(dir);
    let file = |ext: &str| read(&dir.join(format!("{name}.{ext}")));
    // The `.req` already holds `X-Amz-Date`; it is passed on, and the signer replaces
    // it with its own (same value), as documented for `SignableRequest::headers`.
    let raw = file("req")?;
    let request = parse_request(&raw)?;
    let params = SigningParams::new(
        ACCESS_KEY_ID,
        SECRET_ACCESS_KEY,
        REGION,
        SERVICE,
        sigv4::parse_amz_date(X_AMZ_DATE).expect("valid fixed date"),
    );
    let out = request.sign(&params);

    let authz = file("authz")?;
    let authz = authz.trim_end();
    let signature = authz
        .rsplit_once("Signature=")
        .map_or("<missing>", |(_, s)| s);
    let mut problems = Vec::new();
    check(
        &mut problems,
        "canonical request",
        &out.canonical_request,
        &file("creq")?,
    );
    check(
        &mut problems,
        "string to sign",
        &out.string_to_sign,
        &file("sts")?,
    );
    check(&mut problems, "signature", &out.signature, signature);
    check(&mut problems, "Authorization", &out.authorization, authz);
    check(
        &mut problems,
        "X-Amz-Date",
        &out.x_amz_date,
        request.header("x-amz-date").unwrap_or("<missing>"),
    );
    report(&problems)
}

fn check(problems: &mut Vec<String>, what: &str, got: &str, expected: &str) {
    if got != expected {
        problems.push(format!(
            "  {what}:\n    expected {expected:?}\n    got      {got:?}"
        ));
    }
}

fn report(problems: &[String]) -> Result<(), String> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// A request of the suite: request line, header lines, blank line, body.
struct Request<'a> {
    method: &'a str,
    target: &'a str,
    /// Values own their text: an obs-fold value is joined from several lines.
    headers: Vec<(&'a str, String)>,
    body: &'a [u8],
}

impl Request<'_> {
    /// Signs the request with the header list in file order.
    fn sign(&self, params: &SigningParams<'_>) -> sigv4::SigningOutput {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        let request = SignableRequest::new(self.method, self.target, &headers, self.body);
        sigv4::sign(&request, params)
    }

    /// The (last) value of a header, with the optional space after the colon removed.
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .rev()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim_start_matches(' '))
    }
}

fn parse_request(raw: &str) -> Result<Request<'_>, String> {
    let (head, body) = match raw.split_once("\n\n") {
        Some((head, body)) => (head, body),
        None => (raw.trim_end_matches('\n'), ""),
    };
    let mut lines = head.split('\n');
    let request_line = lines.next().ok_or("  empty request")?;
    // The target may hold a raw space ("/example space/"): the method ends at the
    // first space, the HTTP version starts after the last.
    let (method, rest) = request_line.split_once(' ').ok_or("  no method")?;
    let (target, _version) = rest.rsplit_once(' ').ok_or("  no HTTP version")?;

    let mut headers: Vec<(&str, String)> = Vec::new();
    for line in lines {
        if line.starts_with([' ', '\t']) {
            // obs-fold: the line continues the previous value; keep the line break so
            // the signer has to fold it.
            let (_, value) = headers
                .last_mut()
                .ok_or("  continuation line before any header")?;
            value.push('\n');
            value.push_str(line);
        } else {
            let (name, value) = line
                .split_once(':')
                .ok_or_else(|| format!("  bad header line {line:?}"))?;
            headers.push((name, value.to_owned()));
        }
    }
    Ok(Request {
        method,
        target,
        headers,
        body: body.as_bytes(),
    })
}
