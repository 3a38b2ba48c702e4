//! The restJson1 side of the catalog: every operation decodes with consistent
//! bindings, and a sample of operations binds exactly as botocore's own JSON says
//! (`testdata/restjson-sample.json`, extracted by `tools/gen-catalog/run.sh`).

use std::collections::BTreeSet;

use serde_json::Value;

use super::{
    Catalog, Kind, Location, Member, OperationError, Protocol, Service, Shape, TimestampFormat,
    catalog,
};

static SAMPLE: &str = include_str!("testdata/restjson-sample.json");

#[test]
fn every_rest_json_operation_decodes() {
    // Timed on a fresh decode, as `every_service_decodes` does for awsJson:
    // `cargo test -p awsjson-macros --lib -- --nocapture every_rest_json` prints what a
    // compiler process pays for the restJson1 index and for one service.
    let c = super::decode::catalog(super::BYTES);
    let start = std::time::Instant::now();
    let names: Vec<_> = c.rest_json_service_names().collect();
    let index = start.elapsed();
    let one = std::time::Instant::now();
    let lambda = c.rest_json_service("lambda").unwrap().operations.len();
    let one = one.elapsed();
    assert!(
        names.windows(2).all(|w| w[0] < w[1]),
        "index sorted by name"
    );
    let (mut ops, mut greedy, mut payloads, mut statuses) = (0, 0, 0, 0);
    for name in &names {
        let s = c.rest_json_service(name).unwrap();
        assert_eq!(s.name, *name);
        assert_eq!(s.protocol, Protocol::RestJson1);
        assert!(c.service(name).is_none(), "{name} is in both protocols");
        // Not every service has a default endpoint without more parameters
        // (cloudfront-keyvaluestore needs its key value store's ARN): the rules decide.
        assert!(s.endpoint_rules.is_some(), "{name}");
        ops += s.operations.len();
        for op in &s.operations {
            let at = format!("{name}#{}", op.name);
            let http = op.http.unwrap_or_else(|| panic!("{at}: no http trait"));
            assert!(
                ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"].contains(&http.method),
                "{at}"
            );
            assert!(http.uri.starts_with('/'), "{at}");
            assert!((200..300).contains(&http.code), "{at}");
            let labels = http.labels();
            greedy += labels.iter().filter(|l| l.greedy).count();
            let input = op.input.map(|i| s.shape(i));
            let bound: BTreeSet<&str> = input
                .into_iter()
                .flat_map(Shape::members)
                .filter(|m| m.location == Location::Label)
                .map(|m| m.wire_name)
                .collect();
            let in_uri: BTreeSet<&str> = labels.iter().map(|l| l.name).collect();
            assert_eq!(bound, in_uri, "{at}: label members and URI labels");
            assert_eq!(in_uri.len(), labels.len(), "{at}: a label twice");
            for id in op.input.iter().chain(&op.output).chain(&op.errors) {
                assert!((id.0 as usize) < s.shapes.len(), "{at}");
            }
            for e in &op.errors {
                assert!(s.shape(*e).is_error(), "{at}");
            }
            if let Some(out) = op.output {
                statuses += s
                    .shape(out)
                    .members()
                    .iter()
                    .filter(|m| m.location == Location::ResponseCode)
                    .count();
            }
            if let Some(i) = input {
                assert!(
                    i.members()
                        .iter()
                        .all(|m| m.location != Location::ResponseCode),
                    "{at}: a status code in the input"
                );
            }
        }
        for shape in &s.shapes {
            let members = shape.members();
            let n = members
                .iter()
                .filter(|m| m.location == Location::Payload)
                .count();
            assert!(n <= 1, "{name}#{}: {n} payloads", shape.name);
            payloads += n;
            for m in members {
                check_member_shape(s, shape, m);
            }
        }
    }
    println!(
        "restjson.bin {} bytes; restJson1 index {index:?}; lambda ({lambda} ops) {one:?}; \
         index and all {} services {:?}",
        super::REST_JSON_BYTES.len(),
        names.len(),
        start.elapsed()
    );
    assert_eq!(names.len(), 265);
    assert_eq!(ops, 10_258);
    // Counted from botocore 1.44.8's models by the generator's reader.
    assert_eq!(greedy, 96);
    assert_eq!(payloads, 371);
    assert_eq!(statuses, 249);
}

/// What a binding needs of its target: a map for query maps and prefix headers, an
/// integer for the status code, scalars or lists of them in labels, queries, headers.
fn check_member_shape(s: &Service, shape: &Shape, m: &Member) {
    let at = format!("{}#{}${}", s.name, shape.name, m.name);
    let target = s.shape(m.target);
    let scalar = |k: &Kind| {
        !matches!(
            k,
            Kind::Structure { .. } | Kind::List(_) | Kind::Map(..) | Kind::Document
        )
    };
    match m.location {
        Location::QueryParams | Location::PrefixHeaders => {
            assert!(matches!(target.kind, Kind::Map(..)), "{at}");
        }
        Location::ResponseCode => assert!(matches!(target.kind, Kind::Integer), "{at}"),
        Location::Label => assert!(scalar(&target.kind), "{at}"),
        Location::Query | Location::Header => match target.kind {
            Kind::List(e) => assert!(scalar(&s.shape(e).kind), "{at}"),
            ref k => assert!(scalar(k), "{at}"),
        },
        Location::Body | Location::Payload => {}
    }
    let is_timestamp = match target.kind {
        Kind::Timestamp(_) => true,
        Kind::List(e) => matches!(s.shape(e).kind, Kind::Timestamp(_)),
        _ => false,
    };
    assert_eq!(m.timestamp_format().is_some(), is_timestamp, "{at}");
    assert!(
        !m.wire_name.is_empty() || m.location == Location::PrefixHeaders,
        "{at}"
    );
}

#[test]
fn awsjson_builds_never_read_the_rest_json_index() {
    let c = super::decode::catalog(super::BYTES);
    c.resolve_target("DynamoDB_20120810.PutItem").unwrap();
    c.service("kms").unwrap();
    c.resolve_operation("dynamodb#GetItem").unwrap();
    c.any_service("ecr").unwrap();
    assert!(c.rest_json.get().is_none());
    c.resolve_operation("lambda#Invoke").unwrap();
    assert!(c.rest_json.get().is_some());
}

#[test]
fn resolve_operation() {
    let c = catalog();
    let (s, op) = c.resolve_operation("lambda#Invoke").unwrap();
    assert_eq!((s.name, op.name), ("lambda", "Invoke"));
    let (s, op) = c.resolve_operation("dynamodb#PutItem").unwrap();
    assert_eq!((s.protocol, op.name), (Protocol::AwsJson1_0, "PutItem"));
    assert!(op.http.is_none());
    assert_eq!(
        c.resolve_operation("lambda.Invoke").err(),
        Some(OperationError::Malformed)
    );
    let Err(OperationError::UnknownService { suggestions }) = c.resolve_operation("lamda#Invoke")
    else {
        panic!()
    };
    assert_eq!(suggestions.first(), Some(&"lambda"));
    let Err(OperationError::UnknownOperation { suggestions }) =
        c.resolve_operation("lambda#Invoek")
    else {
        panic!()
    };
    assert_eq!(suggestions.first(), Some(&"Invoke"));
}

/// A few bindings spelt out, as a reader of the issue would check them by hand.
#[test]
fn lambda_invoke() {
    let c = catalog();
    let s = c.rest_json_service("lambda").unwrap();
    assert_eq!(s.target_prefix, "");
    assert_eq!(s.json_version, "");
    assert_eq!(s.signing_name, "lambda");
    assert_eq!(s.signature_version, Some("v4"));
    let op = s.operation("Invoke").unwrap();
    let http = op.http.unwrap();
    assert_eq!(http.method, "POST");
    assert_eq!(
        http.path(),
        "/2015-03-31/functions/{FunctionName}/invocations"
    );
    assert!(http.literal_query().is_empty());
    assert_eq!(http.code, 200);
    let input = s.shape(op.input.unwrap());
    let by_name = |shape: &'static Shape, n: &str| shape.member(n).unwrap();
    let name = by_name(input, "FunctionName");
    assert_eq!(
        (name.location, name.wire_name),
        (Location::Label, "FunctionName")
    );
    assert!(!http.label("FunctionName").unwrap().greedy);
    let ty = by_name(input, "InvocationType");
    assert_eq!(
        (ty.location, ty.wire_name),
        (Location::Header, "X-Amz-Invocation-Type")
    );
    let q = by_name(input, "Qualifier");
    assert_eq!((q.location, q.wire_name), (Location::Query, "Qualifier"));
    let payload = input.payload_member().unwrap();
    assert_eq!(payload.name, "Payload");
    assert_eq!(
        s.payload_media_type(payload),
        Some("application/octet-stream")
    );
    assert!(!s.shape(payload.target).is_streaming());
    let out = s.shape(op.output.unwrap());
    assert_eq!(by_name(out, "StatusCode").location, Location::ResponseCode);
    assert_eq!(
        by_name(out, "FunctionError").wire_name,
        "X-Amz-Function-Error"
    );
    let (_, not_found) = s.shape_named("ResourceNotFoundException").unwrap();
    assert!(not_found.is_error());
    assert_eq!(not_found.http_status, Some(404));

    let list = s.operation("ListFunctions").unwrap().http.unwrap();
    assert_eq!((list.method, list.uri), ("GET", "/2015-03-31/functions"));
    let (_, config) = s.shape_named("FunctionConfiguration").unwrap();
    let modified = config.member("LastModified").unwrap();
    // Body members are named by `locationName` where the model gives one.
    assert_eq!(modified.wire_name, "LastModified");
}

#[test]
fn literal_query_greedy_label_and_streams() {
    let c = catalog();
    let apigw = c.rest_json_service("apigateway").unwrap();
    let import = apigw.operation("ImportRestApi").unwrap().http.unwrap();
    assert_eq!(import.path(), "/restapis");
    assert_eq!(import.literal_query(), [("mode", Some("import"))]);
    let glacier = c.rest_json_service("glacier").unwrap();
    let upload = glacier.operation("UploadArchive").unwrap();
    assert_eq!(upload.http.unwrap().code, 201);
    let input = glacier.shape(upload.input.unwrap());
    let body = input.payload_member().unwrap();
    assert!(glacier.shape(body.target).is_streaming());
    let iot = c.rest_json_service("iot").unwrap();
    let dest = iot
        .operation("GetTopicRuleDestination")
        .unwrap()
        .http
        .unwrap();
    assert!(dest.label("arn").unwrap().greedy);
    let polly = c.rest_json_service("polly").unwrap();
    let speech = polly.operation("SynthesizeSpeech").unwrap();
    let out = polly.shape(speech.output.unwrap());
    let audio = out.payload_member().unwrap();
    assert!(polly.shape(audio.target).is_streaming());
    assert_eq!(out.member("ContentType").unwrap().wire_name, "Content-Type");
    let stream = polly.operation("StartSpeechSynthesisStream").unwrap();
    let events = polly
        .shape(stream.output.unwrap())
        .payload_member()
        .unwrap();
    assert!(polly.shape(events.target).is_event_stream());
    assert_eq!(
        polly.payload_media_type(events),
        Some("application/vnd.amazon.eventstream")
    );
    let media = c.rest_json_service("mediastore-data").unwrap();
    let get = media.operation("GetObject").unwrap();
    let modified = media
        .shape(get.output.unwrap())
        .member("LastModified")
        .unwrap();
    assert_eq!(modified.location, Location::Header);
    assert_eq!(modified.timestamp_format(), Some(TimestampFormat::Rfc822));
    assert!(media.operation("PutObject").unwrap().unsigned_payload());
}

// ---------------------------------------------------------------- against botocore

#[test]
fn sample_binds_as_botocore_says() {
    let sample: Value = serde_json::from_str(SAMPLE).unwrap();
    let c = catalog();
    assert_eq!(sample["botocore"], c.botocore_version);
    let services = sample["services"].as_object().unwrap();
    assert_eq!(services.len(), 9);
    let mut checked = (0, 0, 0);
    for (name, model) in services {
        let n = check_service(c, name, model);
        checked = (checked.0 + n.0, checked.1 + n.1, checked.2 + n.2);
    }
    // operations, shapes, members: the sample is what it was extracted as.
    assert_eq!(checked.0, 20);
    assert!(checked.1 > 100 && checked.2 > 400, "{checked:?}");
}

fn check_service(c: &Catalog, name: &str, model: &Value) -> (usize, usize, usize) {
    let s = c.rest_json_service(name).unwrap();
    assert_eq!(model["metadata"]["protocol"], "rest-json");
    assert_eq!(s.endpoint_prefix, model["metadata"]["endpointPrefix"]);
    assert_eq!(
        s.signature_version,
        model["metadata"]["signatureVersion"].as_str()
    );
    let shape_name = |v: &Value| v["shape"].as_str().unwrap().to_owned();
    let ops = model["operations"].as_object().unwrap();
    for (oname, m) in ops {
        let op = s.operation(oname).unwrap();
        let at = format!("{name}#{oname}");
        let http = op.http.unwrap();
        assert_eq!(http.method, m["http"]["method"], "{at}");
        assert_eq!(http.uri, m["http"]["requestUri"], "{at}");
        assert_eq!(
            u64::from(http.code),
            m["http"]["responseCode"].as_u64().unwrap_or(200),
            "{at}"
        );
        assert_eq!(op.host_prefix, m["endpoint"]["hostPrefix"].as_str(), "{at}");
        assert_eq!(
            op.unsigned_payload(),
            m["authtype"] == "v4-unsigned-body" || m["unsignedPayload"] == true,
            "{at}"
        );
        assert_eq!(
            op.checksum_required(),
            m["httpChecksumRequired"] == true,
            "{at}"
        );
        assert_eq!(
            op.input.map(|i| s.shape(i).name.to_owned()),
            m.get("input").map(shape_name),
            "{at}"
        );
        assert_eq!(
            op.output.map(|i| s.shape(i).name.to_owned()),
            m.get("output").map(shape_name),
            "{at}"
        );
        let errors: BTreeSet<String> = m
            .get("errors")
            .into_iter()
            .flat_map(|e| e.as_array().unwrap())
            .map(shape_name)
            .collect();
        let ours: BTreeSet<String> = op
            .errors
            .iter()
            .map(|e| s.shape(*e).name.to_owned())
            .collect();
        assert_eq!(ours, errors, "{at}");
    }
    let shapes = model["shapes"].as_object().unwrap();
    let mut members = 0;
    for (sname, m) in shapes {
        let (_, shape) = s.shape_named(sname).unwrap();
        members += check_shape(s, shape, m, shapes);
    }
    (ops.len(), shapes.len(), members)
}

fn check_shape(
    s: &Service,
    shape: &Shape,
    m: &Value,
    shapes: &serde_json::Map<String, Value>,
) -> usize {
    let at = format!("{}#{}", s.name, shape.name);
    let ty = m["type"].as_str().unwrap();
    let flag = |key: &str| m[key] == true;
    assert_eq!(shape.sensitive, flag("sensitive"), "{at}");
    match &shape.kind {
        Kind::Structure { error_code, .. } => {
            assert_eq!(ty, "structure", "{at}");
            assert_eq!(
                shape.is_error(),
                flag("exception") || m.get("error").is_some()
            );
            assert_eq!(shape.is_event_stream(), flag("eventstream"), "{at}");
            assert_eq!(shape.is_event(), flag("event"), "{at}");
            assert_eq!(shape.is_union(), flag("union"), "{at}");
            if shape.is_error() {
                assert_eq!(
                    *error_code,
                    Some(m["error"]["code"].as_str().unwrap_or(shape.name)),
                    "{at}"
                );
                assert_eq!(
                    shape.http_status.map(u64::from),
                    m["error"]["httpStatusCode"].as_u64(),
                    "{at}"
                );
            }
        }
        Kind::Blob => {
            assert_eq!(ty, "blob", "{at}");
            assert_eq!(shape.is_streaming(), flag("streaming"), "{at}");
            assert_eq!(shape.requires_length(), flag("requiresLength"), "{at}");
        }
        Kind::Timestamp(f) => {
            assert_eq!(ty, "timestamp", "{at}");
            let want = match m["timestampFormat"].as_str() {
                Some("iso8601") => TimestampFormat::Iso8601,
                Some("rfc822") => TimestampFormat::Rfc822,
                _ => TimestampFormat::EpochSeconds,
            };
            assert_eq!(*f, want, "{at}");
        }
        Kind::Document => assert!(ty == "structure" && flag("document"), "{at}"),
        k => assert_eq!(k.describe().replace("enum", "string"), ty, "{at}"),
    }
    let Some(model_members) = m["members"].as_object() else {
        assert!(shape.members().is_empty() || matches!(shape.kind, Kind::Document));
        return 0;
    };
    let names: Vec<&str> = shape.members().iter().map(|x| x.name).collect();
    let want: Vec<&str> = model_members.keys().map(String::as_str).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, want, "{at}: members");
    let required: BTreeSet<&str> = m["required"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| v.as_str().unwrap())
        .collect();
    for member in shape.members() {
        let mm = &model_members[member.name];
        let at = format!("{at}${}", member.name);
        let target = &shapes[mm["shape"].as_str().unwrap()];
        assert_eq!(s.shape(member.target).name, mm["shape"], "{at}");
        assert_eq!(
            member.location,
            expected_location(m, member.name, mm, target),
            "{at}"
        );
        assert_eq!(
            member.wire_name,
            mm["locationName"].as_str().unwrap_or(member.name),
            "{at}"
        );
        assert_eq!(
            member.timestamp_format(),
            expected_timestamp(mm, target, shapes),
            "{at}"
        );
        assert_eq!(member.required(), required.contains(member.name), "{at}");
        assert_eq!(member.idempotency_token(), mm["idempotencyToken"] == true);
        assert_eq!(member.host_label(), mm["hostLabel"] == true, "{at}");
        assert_eq!(member.event_payload(), mm["eventpayload"] == true, "{at}");
        assert_eq!(member.event_header(), mm["eventheader"] == true, "{at}");
        assert_eq!(member.json_value(), mm["jsonvalue"] == true, "{at}");
    }
    shape.members().len()
}

/// botocore's `location` (and the structure's `payload`), in the catalog's words.
fn expected_location(structure: &Value, name: &str, member: &Value, target: &Value) -> Location {
    if structure["payload"] == name {
        return Location::Payload;
    }
    match member["location"].as_str() {
        None => Location::Body,
        Some("uri") => Location::Label,
        Some("querystring") if target["type"] == "map" => Location::QueryParams,
        Some("querystring") => Location::Query,
        Some("header") => Location::Header,
        Some("headers") => Location::PrefixHeaders,
        Some("statusCode") => Location::ResponseCode,
        Some(other) => panic!("unknown location {other}"),
    }
}

/// botocore's `RestJSONSerializer`: the shape's `timestampFormat`, else `rfc822` in
/// headers, `iso8601` in the URI and the query, `unixtimestamp` in the body.
fn expected_timestamp(
    member: &Value,
    target: &Value,
    shapes: &serde_json::Map<String, Value>,
) -> Option<TimestampFormat> {
    let target = if target["type"] == "list" {
        &shapes[target["member"]["shape"].as_str().unwrap()]
    } else {
        target
    };
    if target["type"] != "timestamp" {
        return None;
    }
    let default = match member["location"].as_str() {
        Some("header" | "headers") => "rfc822",
        Some("uri" | "querystring") => "iso8601",
        _ => "unixTimestamp",
    };
    Some(
        match target["timestampFormat"].as_str().unwrap_or(default) {
            "iso8601" => TimestampFormat::Iso8601,
            "rfc822" => TimestampFormat::Rfc822,
            _ => TimestampFormat::EpochSeconds,
        },
    )
}

/// The awsJson side reads as before: no HTTP trait, every member in the body under
/// its own name, none of the restJson1-only flags.
#[test]
fn awsjson_services_have_no_http_bindings() {
    let c = catalog();
    for name in c.service_names() {
        let s = c.service(name).unwrap();
        assert_ne!(s.protocol, Protocol::RestJson1);
        assert_eq!(s.json_version == "1.0", s.protocol == Protocol::AwsJson1_0);
        assert!(s.signature_version.is_none() && s.h2.is_none());
        for op in &s.operations {
            assert!(op.http.is_none());
            assert!(!op.checksum_required() && !op.unsigned_payload());
        }
        for shape in &s.shapes {
            assert!(shape.http_status.is_none() && !shape.is_streaming() && !shape.is_event());
            for m in shape.members() {
                assert_eq!((m.location, m.wire_name), (Location::Body, m.name));
                assert!(m.timestamp_format().is_none() && !m.host_label());
            }
        }
    }
}
