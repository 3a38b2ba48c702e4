//! The catalog's entries for Partner Central Selling and DynamoDB against their models.
//!
//! `tests/data/*.service-2.json` are the botocore 1.44.8 models (identical to
//! `shared/models/partnercentral-selling.service-2.json` for Partner Central), with
//! `documentation` stripped to keep the repository small.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::catalog::{Kind, Service, TimestampFormat, catalog};

fn check(name: &str, model: &str) -> &'static Service {
    let model: Value = serde_json::from_str(model).unwrap();
    let s = catalog().service(name).unwrap();
    let meta = &model["metadata"];
    assert_eq!(s.target_prefix, meta["targetPrefix"]);
    assert_eq!(s.json_version, meta["jsonVersion"]);
    assert_eq!(s.endpoint_prefix, meta["endpointPrefix"]);
    assert_eq!(s.service_id, meta["serviceId"]);
    assert_eq!(s.api_version, meta["apiVersion"]);
    let signing = meta.get("signingName").unwrap_or(&meta["endpointPrefix"]);
    assert_eq!(s.signing_name, signing);

    let ops = model["operations"].as_object().unwrap();
    let names: BTreeSet<&str> = s.operations.iter().map(|o| o.name).collect();
    assert_eq!(names, ops.keys().map(String::as_str).collect());
    let shape_name = |v: &Value| v["shape"].as_str().unwrap().to_owned();
    for op in &s.operations {
        let m = &ops[op.name];
        assert_eq!(
            op.input.map(|i| s.shape(i).name.to_owned()),
            m.get("input").map(shape_name)
        );
        assert_eq!(
            op.output.map(|i| s.shape(i).name.to_owned()),
            m.get("output").map(shape_name)
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
        assert_eq!(ours, errors, "{}", op.name);
    }

    let shapes = model["shapes"].as_object().unwrap();
    for shape in &s.shapes {
        let m = &shapes[shape.name];
        let ty = m["type"].as_str().unwrap();
        let target = |v: &Value| shape_name(v);
        match &shape.kind {
            Kind::Structure { members, .. } => {
                assert_eq!(ty, "structure");
                let model_members = m["members"].as_object().unwrap();
                let required: BTreeSet<&str> = m
                    .get("required")
                    .into_iter()
                    .flat_map(|r| r.as_array().unwrap())
                    .map(|r| r.as_str().unwrap())
                    .collect();
                // serde_json's map sorts keys; the catalog keeps model order.
                let names: BTreeSet<&str> = members.iter().map(|m| m.name).collect();
                assert_eq!(names, model_members.keys().map(String::as_str).collect());
                for member in members {
                    let mm = &model_members[member.name];
                    assert_eq!(s.shape(member.target).name, target(mm));
                    assert_eq!(
                        member.required(),
                        required.contains(member.name),
                        "{}",
                        member.name
                    );
                    assert_eq!(member.idempotency_token(), mm["idempotencyToken"] == true);
                }
                assert_eq!(
                    shape.is_error(),
                    m["exception"] == true || m.get("error").is_some()
                );
                assert_eq!(shape.is_union(), m["union"] == true);
            }
            Kind::String { enum_values } => {
                assert_eq!(ty, "string");
                let values: Vec<&str> = m
                    .get("enum")
                    .into_iter()
                    .flat_map(|e| e.as_array().unwrap())
                    .map(|v| v.as_str().unwrap())
                    .collect();
                assert_eq!(enum_values, &values);
            }
            Kind::List(member) => {
                assert_eq!(ty, "list");
                assert_eq!(s.shape(*member).name, target(&m["member"]));
            }
            Kind::Map(k, v) => {
                assert_eq!(ty, "map");
                assert_eq!(s.shape(*k).name, target(&m["key"]));
                assert_eq!(s.shape(*v).name, target(&m["value"]));
            }
            Kind::Timestamp(format) => {
                assert_eq!(ty, "timestamp");
                let expected = match m.get("timestampFormat").and_then(Value::as_str) {
                    Some("iso8601") => TimestampFormat::Iso8601,
                    Some("rfc822") => TimestampFormat::Rfc822,
                    _ => TimestampFormat::EpochSeconds,
                };
                assert_eq!(*format, expected, "{}", shape.name);
            }
            Kind::Document => assert_eq!(m["document"], true),
            other => assert_eq!(other.describe(), ty, "{}", shape.name),
        }
    }
    s
}

#[test]
fn partner_central_selling_matches_its_model() {
    let s = check(
        "partnercentral-selling",
        include_str!("../tests/data/partnercentral-selling-2022-07-26.service-2.json"),
    );
    assert_eq!(s.target_prefix, "AWSPartnerCentralSelling");
    assert_eq!(s.json_version, "1.0");
    assert_eq!(s.signing_name, "partnercentral-selling");
    assert_eq!(
        s.endpoint("aws", false, false).unwrap().url,
        "https://partnercentral-selling.{region}.api.aws"
    );
    assert_eq!(
        s.endpoint("aws", true, false).unwrap().url,
        "https://partnercentral-selling-fips.{region}.api.aws"
    );
    assert_eq!(
        s.hostname(),
        "partnercentral-selling.{region}.{dualStackDnsSuffix}"
    );
}

#[test]
fn dynamodb_matches_its_model() {
    let s = check(
        "dynamodb",
        include_str!("../tests/data/dynamodb-2012-08-10.service-2.json"),
    );
    assert_eq!(s.target_prefix, "DynamoDB_20120810");
    assert_eq!(s.json_version, "1.0");
    assert_eq!(s.signing_name, "dynamodb");
    assert_eq!(
        s.endpoint("aws", false, false).unwrap().url,
        "https://dynamodb.{region}.amazonaws.com"
    );
    assert_eq!(
        s.endpoint("aws", false, true).unwrap().url,
        "https://dynamodb.{region}.api.aws"
    );
    assert_eq!(
        s.endpoint("aws-us-gov", true, false).unwrap().url,
        "https://dynamodb.{region}.amazonaws.com"
    );
    assert_eq!(s.hostname(), "dynamodb.{region}.{dnsSuffix}");
}
