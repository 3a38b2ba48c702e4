//! Runs every case of botocore's endpoint-rule tests (`tests/vectors/endpoint-rules/`,
//! README there) for every cataloged service through the resolver `send` uses.
//!
//! Each case gives the rule set's parameters and the expected URL and signing
//! properties, or an error. The parameters go to `awsjson::__private::resolve_endpoint`
//! with the service's `ServiceMeta` as the macro emits it
//! (`awsjson::__private::__catalog_services!`); the URL must be equal, the signing
//! region and name (from `authSchemes`) must be the ones the request would be signed
//! with, and an expected error must be an error. A case that cannot apply to awsjson
//! prints `SKIP` with its reason. Runs without the libtest harness so that each case
//! prints `PASS`/`FAIL`/`SKIP` with its id, `endpoint-rules/<service>/<n>` (`n` is the
//! case's index in the file's `testCases`).

use std::collections::BTreeMap;

use awsjson::__private::{EndpointParam, EndpointParams, EndpointView, resolve_endpoint};
use awsjson::ServiceMeta;
use serde_json::{Map, Value};

/// The counts of the vectors (botocore 1.44.8): a truncated or swapped copy fails the run.
const SERVICES: usize = 154;
const CASES: usize = 6156;

fn main() {
    let services: BTreeMap<&str, &ServiceMeta> = awsjson::__private::__catalog_services!()
        .iter()
        .map(|(name, meta)| (*name, meta))
        .collect();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/vectors/endpoint-rules");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let (mut passed, mut skipped, mut failed) = (0, Vec::new(), Vec::new());
    let mut total = 0;
    for path in &files {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("file name");
        let service = services
            .get(name)
            .unwrap_or_else(|| panic!("{name}: not a cataloged service"));
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        let tests: Value = serde_json::from_str(&text).expect("vectors are JSON");
        let cases = tests["testCases"].as_array().expect("testCases");
        for (n, case) in cases.iter().enumerate() {
            total += 1;
            let id = format!("endpoint-rules/{name}/{n}");
            match run_case(service, case) {
                Outcome::Pass => {
                    passed += 1;
                    println!("PASS {id}");
                }
                Outcome::Skip(why) => {
                    println!("SKIP {why}: {id}");
                    skipped.push(id);
                }
                Outcome::Fail(why) => {
                    println!("FAIL {why}: {id}");
                    failed.push(id);
                }
            }
        }
    }
    assert_eq!(files.len(), SERVICES, "service files in {dir}");
    assert_eq!(total, CASES, "cases in {dir}");
    println!(
        "endpoint rules: {total} cases of {} services: {passed} passed, {} skipped, {} failed",
        files.len(),
        skipped.len(),
        failed.len()
    );
    if !failed.is_empty() {
        eprintln!("failed cases:\n  {}", failed.join("\n  "));
        std::process::exit(1);
    }
}

enum Outcome {
    Pass,
    Skip(String),
    Fail(String),
}

fn run_case(service: &ServiceMeta, case: &Value) -> Outcome {
    let empty = Map::new();
    let params = case["params"].as_object().unwrap_or(&empty);
    let expect = &case["expect"];
    let schemes = expect["endpoint"]["properties"]["authSchemes"].as_array();
    if schemes.is_some_and(|s| s.iter().all(|s| s["name"] == "sigv4a")) {
        return Outcome::Skip(
            "expects SigV4a (a multi-region endpoint signed for a region set), which awsjson \
             does not sign"
                .into(),
        );
    }
    let mut p = EndpointParams::default();
    for (key, value) in params {
        match (key.as_str(), value) {
            ("Region", Value::String(v)) => p.region = Some(v.clone()),
            ("UseFIPS", Value::Bool(v)) => p.use_fips = *v,
            ("UseDualStack", Value::Bool(v)) => p.use_dual_stack = *v,
            ("Endpoint", Value::String(v)) => p.endpoint = Some(v.clone()),
            ("AccountIdEndpointMode", Value::String(v)) => {
                p.account_id_endpoint_mode = Some(v.clone());
            }
            (_, Value::String(v)) => p.context.push((key.clone(), EndpointParam::Str(v.clone()))),
            (_, Value::Bool(v)) => p.context.push((key.clone(), EndpointParam::Bool(*v))),
            (_, Value::Array(items)) => {
                let items: Option<Vec<String>> = items
                    .iter()
                    .map(|v| v.as_str().map(str::to_owned))
                    .collect();
                let Some(items) = items else {
                    return Outcome::Fail(format!("parameter {key} is not a list of strings"));
                };
                p.context.push((key.clone(), EndpointParam::StrList(items)));
            }
            _ => return Outcome::Fail(format!("parameter {key} = {value} has no rule-set type")),
        }
    }
    let got = resolve_endpoint(service, &p);
    let documentation = case["documentation"].as_str().unwrap_or_default();
    if let Some(error) = expect["error"].as_str() {
        return match got {
            Err(why) if why == error => Outcome::Pass,
            Err(why) => Outcome::Fail(format!(
                "{documentation}: expected the error {error:?}, got the error {why:?}"
            )),
            Ok(e) => Outcome::Fail(format!(
                "{documentation}: expected the error {error:?}, got {}",
                e.url
            )),
        };
    }
    let want = &expect["endpoint"];
    let got = match got {
        Ok(e) => e,
        Err(why) => return Outcome::Fail(format!("{documentation}: {why}")),
    };
    match compare(service, p.region.as_deref(), want, &got) {
        Ok(()) => Outcome::Pass,
        Err(why) => Outcome::Fail(format!("{documentation}: {why}")),
    }
}

/// The URL, then the SigV4 scheme's signing region and name as the request would be
/// signed: the endpoint's own, else the client's region and the service's name.
fn compare(
    service: &ServiceMeta,
    region: Option<&str>,
    want: &Value,
    got: &EndpointView,
) -> Result<(), String> {
    let url = want["url"].as_str().ok_or("the case has no url")?;
    if got.url != url {
        return Err(format!("url {} (expected {url})", got.url));
    }
    let schemes = want["properties"]["authSchemes"].as_array();
    let Some(scheme) = schemes.and_then(|s| s.iter().find(|s| s["name"] == "sigv4")) else {
        return Ok(());
    };
    if let Some(want_region) = scheme["signingRegion"].as_str() {
        let signing_region = got.signing_region.as_deref().or(region).unwrap_or("");
        if signing_region != want_region {
            return Err(format!(
                "signing region {signing_region} (expected {want_region})"
            ));
        }
    }
    if let Some(want_name) = scheme["signingName"].as_str() {
        let signing_name = got.signing_name.as_deref().unwrap_or(service.signing_name);
        if signing_name != want_name {
            return Err(format!(
                "signing name {signing_name} (expected {want_name})"
            ));
        }
    }
    Ok(())
}
