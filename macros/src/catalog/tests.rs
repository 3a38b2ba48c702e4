use super::{
    Discovery, Kind, TargetError, TimestampFormat, catalog, edit_distance, field_ident, field_key,
    suggest, type_ident, variant_ident, words,
};

#[test]
fn header_and_counts() {
    let c = catalog();
    assert_eq!(c.botocore_version, "1.44.8");
    assert_eq!(c.command, "tools/gen-catalog/run.sh");
    assert_eq!(c.service_names().count(), 154);
    let names: Vec<_> = c.service_names().collect();
    assert!(
        names.windows(2).all(|w| w[0] < w[1]),
        "index sorted by name"
    );
    assert!(
        c.partitions
            .iter()
            .any(|p| p.id == "aws" && p.dns_suffix == "amazonaws.com")
    );
}

#[test]
fn every_service_decodes() {
    // Timed on a fresh decode, not the process-wide one: `cargo test -p awsjson-macros
    // --lib -- --nocapture every_service_decodes` prints what a compiler process pays,
    // unoptimised as proc macros build in the dev profile.
    let start = std::time::Instant::now();
    let c = super::decode::catalog(super::BYTES);
    let index = start.elapsed();
    let one = std::time::Instant::now();
    let ddb = c.service("dynamodb").unwrap().operations.len();
    let one = one.elapsed();
    let (mut ops, mut v10) = (0, 0);
    for name in c.service_names() {
        let s = c.service(name).unwrap();
        assert_eq!(s.name, name);
        ops += s.operations.len();
        v10 += usize::from(s.json_version == "1.0");
        let n = s.shapes.len();
        for op in &s.operations {
            for id in op.input.iter().chain(&op.output).chain(&op.errors) {
                assert!((id.0 as usize) < n);
            }
            for e in &op.errors {
                assert!(s.shape(*e).is_error(), "{name}.{}", op.name);
            }
        }
        assert!(
            s.endpoints
                .iter()
                .any(|e| e.partition == "aws" && !e.fips && !e.dual_stack)
        );
    }
    println!(
        "catalog.bin {} bytes; index {index:?}; dynamodb ({ddb} ops) {one:?}; \
         index and all 154 services {:?}",
        super::BYTES.len(),
        start.elapsed()
    );
    assert_eq!(ops, 7194);
    assert_eq!(v10, 53);
}

#[test]
fn dynamodb() {
    let s = catalog().services_by_prefix("DynamoDB_20120810")[0];
    assert_eq!(s.name, "dynamodb");
    assert_eq!(s.json_version, "1.0");
    assert_eq!(s.signing_name, "dynamodb");
    assert_eq!(s.endpoint_prefix, "dynamodb");
    assert_eq!(s.service_id, "DynamoDB");
    let ep = |p, f, d| s.endpoint(p, f, d).unwrap().url;
    assert_eq!(
        ep("aws", false, false),
        "https://dynamodb.{region}.amazonaws.com"
    );
    assert_eq!(
        ep("aws", true, false),
        "https://dynamodb-fips.{region}.amazonaws.com"
    );
    assert_eq!(ep("aws", false, true), "https://dynamodb.{region}.api.aws");
    assert_eq!(
        ep("aws-cn", false, false),
        "https://dynamodb.{region}.amazonaws.com.cn"
    );

    let put = s.operation("PutItem").unwrap();
    let input = s.shape(put.input.unwrap());
    assert_eq!(input.name, "PutItemInput");
    let table = input.member_for_field("table_name").unwrap();
    assert_eq!(table.name, "TableName");
    assert!(table.required());
    assert!(!input.member("ReturnValues").unwrap().required());
    let rv = s.shape(input.member("ReturnValues").unwrap().target);
    let Kind::String { enum_values } = &rv.kind else {
        panic!()
    };
    assert!(enum_values.contains(&"ALL_OLD"));
    let item = s.shape(input.member("Item").unwrap().target);
    let Kind::Map(k, v) = item.kind else { panic!() };
    assert!(matches!(s.shape(k).kind, Kind::String { .. }));
    assert_eq!(s.shape(v).name, "AttributeValue");
    let errors: Vec<_> = put.errors.iter().map(|e| s.shape(*e).name).collect();
    assert!(errors.contains(&"ConditionalCheckFailedException"));
    assert!(errors.windows(2).all(|w| w[0] < w[1]));

    let p = s
        .operation("ListTables")
        .unwrap()
        .paginator
        .as_ref()
        .unwrap();
    assert_eq!(p.input_token, ["ExclusiveStartTableName"]);
    assert_eq!(p.output_token, ["LastEvaluatedTableName"]);
    assert_eq!(p.limit_key, Some("Limit"));
    assert_eq!(p.result_key, ["TableNames"]);
}

#[test]
fn partner_central_selling() {
    let (s, op) = catalog()
        .resolve_target("AWSPartnerCentralSelling.CreateResourceSnapshotJob")
        .unwrap();
    assert_eq!(s.name, "partnercentral-selling");
    assert_eq!(s.json_version, "1.0");
    assert_eq!(s.signing_name, "partnercentral-selling");
    assert_eq!(
        s.endpoint("aws", false, false).unwrap().url,
        "https://partnercentral-selling.{region}.api.aws"
    );
    // The rules define no dual-stack variant: the default host already is.
    assert!(s.endpoint("aws", false, true).is_none());
    let input = s.shape(op.input.unwrap());
    let token = input.member_for_field("client_token").unwrap();
    // Required, yet the declaration may leave it `None`: the runtime fills it.
    assert!(token.idempotency_token() && token.required());
    assert!(input.member_for_field("catalog").unwrap().required());
    let (_, dt) = s.shape_named("DateTime").unwrap();
    assert_eq!(dt.kind.describe(), "timestamp");
    assert!(matches!(dt.kind, Kind::Timestamp(TimestampFormat::Iso8601)));
}

#[test]
fn camel_case_service() {
    let (s, op) = catalog()
        .resolve_target("AmazonEC2ContainerRegistry_V20150921.CreateRepository")
        .unwrap();
    assert_eq!(s.name, "ecr");
    assert_eq!(s.json_version, "1.1");
    let input = s.shape(op.input.unwrap());
    assert_eq!(
        input.member_for_field("repository_name").unwrap().name,
        "repositoryName"
    );
    assert!(input.member_for_field("r#type").is_none());
    assert!(s.shape_named("Repository").is_some());
}

#[test]
fn hostname_pattern_holds_in_most_partitions() {
    let c = catalog();
    let (mut total, mut agree) = (0, 0);
    for name in c.service_names() {
        let s = c.service(name).unwrap();
        let pattern = s.hostname();
        for p in &c.partitions {
            let Some(ep) = s.endpoint(p.id, false, false) else {
                continue;
            };
            total += 1;
            let host = pattern
                .replace("{dnsSuffix}", p.dns_suffix)
                .replace("{dualStackDnsSuffix}", p.dual_stack_dns_suffix);
            agree += usize::from(ep.url == format!("https://{host}"));
        }
    }
    // The rest are partition-specific hosts (global services' fixed regions, `cn.`
    // prefixes) that the per-partition entries keep.
    assert!(agree * 100 / total >= 90, "{agree}/{total}");
}

#[test]
fn endpoint_overrides_are_few() {
    let c = catalog();
    let overrides = |name: &str| {
        c.service(name)
            .unwrap()
            .endpoint_overrides(&c.partitions)
            .len()
    };
    // Services on the standard rules need none: the runtime derives every variant.
    assert_eq!(overrides("kms"), 0);
    // DynamoDB's FIPS endpoint in GovCloud is its plain host.
    let ddb = c.service("dynamodb").unwrap();
    let ddb: Vec<_> = ddb
        .endpoint_overrides(&c.partitions)
        .iter()
        .map(|e| (e.partition, e.fips, e.url))
        .collect();
    assert_eq!(
        ddb,
        [(
            "aws-us-gov",
            true,
            "https://dynamodb.{region}.amazonaws.com"
        )]
    );
    // Global services sign for one region.
    let waf = c.service("waf").unwrap();
    assert!(
        waf.endpoint_overrides(&c.partitions)
            .iter()
            .any(|e| e.signing_region == Some("us-east-1"))
    );
    let total: usize = c.service_names().map(overrides).sum();
    println!("{total} endpoint overrides over 154 services");
    assert!(total < 1000, "{total}");
}

#[test]
fn global_endpoint() {
    let s = catalog().service("waf").unwrap();
    let ep = s.endpoint("aws", false, false).unwrap();
    assert_eq!(ep.url, "https://waf.amazonaws.com");
    assert_eq!(ep.signing_region, Some("us-east-1"));
    assert_eq!(s.hostname(), "waf.{dnsSuffix}");
    assert_eq!(s.global_signing_region(), Some("us-east-1"));
}

#[test]
fn shared_prefix() {
    let c = catalog();
    assert_eq!(c.services_by_prefix("Timestream_20181101").len(), 2);
    let (s, _) = c
        .resolve_target("Timestream_20181101.WriteRecords")
        .unwrap();
    assert_eq!(s.name, "timestream-write");
    let (s, _) = c.resolve_target("Timestream_20181101.Query").unwrap();
    assert_eq!(s.name, "timestream-query");
    let Err(TargetError::Ambiguous { services }) =
        c.resolve_target("Timestream_20181101.TagResource")
    else {
        panic!()
    };
    assert_eq!(
        services,
        [
            ("timestream-query", "query.timestream"),
            ("timestream-write", "ingest.timestream")
        ]
    );
    let (s, _) = c
        .resolve_target_in("Timestream_20181101.TagResource", Some("ingest.timestream"))
        .unwrap();
    assert_eq!(s.name, "timestream-write");
}

#[test]
fn target_errors() {
    let c = catalog();
    assert_eq!(
        c.resolve_target("DynamoDB_20120810").err(),
        Some(TargetError::Malformed)
    );
    let Err(TargetError::UnknownOperation { suggestions }) =
        c.resolve_target("DynamoDB_20120810.PutItm")
    else {
        panic!()
    };
    assert_eq!(suggestions[0], "PutItem");
    let Err(TargetError::UnknownPrefix { suggestions }) =
        c.resolve_target("DynamoDB_2012081.PutItem")
    else {
        panic!()
    };
    assert_eq!(suggestions, ["DynamoDB_20120810"]);
    let Err(TargetError::UnknownPrefix { suggestions }) = c.resolve_target("Nothing.Like.This")
    else {
        panic!()
    };
    assert!(suggestions.is_empty());
}

#[test]
fn matching_rule() {
    assert_eq!(field_key("kms_key_id"), field_key("KMSKeyId"));
    assert_eq!(field_key("client_token"), field_key("clientToken"));
    assert_eq!(field_key("r#type"), "type");
    assert_ne!(field_key("key_ids"), field_key("KeyId"));
    let s = catalog().service("secretsmanager").unwrap();
    let input = s.shape(s.operation("CreateSecret").unwrap().input.unwrap());
    assert_eq!(
        input.member_for_field("kms_key_id").unwrap().name,
        "KmsKeyId"
    );
}

#[test]
fn suggestions() {
    assert_eq!(edit_distance("kitten", "sitting"), 3);
    assert_eq!(edit_distance("", "abc"), 3);
    assert_eq!(edit_distance("Abc", "aBC"), 0);
    assert_eq!(edit_distance("itme", "item"), 1);
    let names = ["TableName", "Item", "ReturnValues", "ConditionExpression"];
    assert_eq!(suggest("table_nam", names), ["TableName"]);
    assert_eq!(suggest("itme", names), ["Item"]);
    assert!(suggest("zzzzzz", names).is_empty());
}

#[test]
fn sensitive_shapes_and_members() {
    let c = catalog();
    let member_redacted = |service: &str, shape: &str, member: &str| {
        let s = c.service(service).unwrap();
        let (_, sh) = s.shape_named(shape).unwrap();
        s.redacts(sh.member(member).unwrap().target)
    };
    // Strings and blobs.
    assert!(member_redacted(
        "secretsmanager",
        "GetSecretValueResponse",
        "SecretString"
    ));
    assert!(member_redacted(
        "secretsmanager",
        "GetSecretValueResponse",
        "SecretBinary"
    ));
    assert!(!member_redacted(
        "secretsmanager",
        "GetSecretValueResponse",
        "Name"
    ));
    assert!(member_redacted(
        "secretsmanager",
        "CreateSecretRequest",
        "SecretString"
    ));
    assert!(member_redacted("kms", "DecryptResponse", "Plaintext"));
    assert!(!member_redacted("kms", "DecryptResponse", "KeyId"));
    assert!(member_redacted("cognito-idp", "SignUpRequest", "Password"));
    assert!(member_redacted("cognito-idp", "SignUpRequest", "ClientId"));
    assert!(member_redacted("cognito-idp", "SignUpRequest", "Username"));
    // A list of structures: each structure redacts its own sensitive members.
    assert!(!member_redacted(
        "cognito-idp",
        "SignUpRequest",
        "UserAttributes"
    ));
    // A sensitive map, and a structure's sensitive members.
    assert!(member_redacted(
        "cognito-idp",
        "InitiateAuthRequest",
        "AuthParameters"
    ));
    assert!(member_redacted(
        "cognito-idp",
        "AuthenticationResultType",
        "AccessToken"
    ));
    assert!(!member_redacted(
        "cognito-idp",
        "AuthenticationResultType",
        "ExpiresIn"
    ));
    // The flag is on the shape, whatever its kind.
    let s = c.service("secretsmanager").unwrap();
    assert!(s.shape_named("SecretStringType").unwrap().1.sensitive);
    assert!(!s.shape_named("SecretNameType").unwrap().1.sensitive);
    let sensitive: usize = c
        .service_names()
        .map(|n| {
            c.service(n)
                .unwrap()
                .shapes
                .iter()
                .filter(|s| s.sensitive)
                .count()
        })
        .sum();
    assert!(sensitive > 400, "{sensitive} sensitive shapes");
}

/// The official Rust SDK's names (smithy-rs's `toSnakeCase`).
#[test]
fn names_split_as_the_rust_sdk() {
    for (model, field) in [
        ("SizeInMBs", "size_in_mbs"),
        ("ClusterJDBCURL", "cluster_jdbcurl"),
        ("KMSKeyId", "kms_key_id"),
        ("DBProxyName", "db_proxy_name"),
        ("IAMUser", "iam_user"),
        ("ResourceARNs", "resource_arns"),
        ("DynamoDBv2", "dynamo_dbv2"),
        ("IPv4Address", "ipv4_address"),
        ("SizeInMiB", "size_in_mib"),
        ("s3key", "s3_key"),
        ("S3Bucket", "s3_bucket"),
        ("clientToken", "client_token"),
        ("Ec2InstanceId", "ec2_instance_id"),
        ("acm-success", "acm_success"),
        ("Type", "r#type"),
        ("Self", "self_"),
    ] {
        assert_eq!(field_ident(model), field, "{model}");
    }
    assert_eq!(words("SizeInMBs"), ["Size", "In", "MBs"]);
    assert_eq!(type_ident("N2_AMAZON_MANAGED"), "N2AmazonManaged");
    assert_eq!(type_ident("m5.large"), "M5Large");
    assert_eq!(type_ident("1.0"), "V10");
    assert_eq!(type_ident("ALL_OLD"), "AllOld");
}

/// Every member and enum value of the catalog gets a valid Rust identifier that is
/// unique within its shape, and the macro's matching finds the member back from it.
#[test]
fn every_catalog_name_is_a_unique_identifier() {
    let c = catalog();
    let (mut members, mut values) = (0, 0);
    for name in c.service_names() {
        let s = c.service(name).unwrap();
        for shape in &s.shapes {
            let mut seen = std::collections::HashSet::new();
            match &shape.kind {
                Kind::Structure { members: ms, .. } => {
                    for m in ms {
                        members += 1;
                        let ident = if shape.is_union() {
                            variant_ident(m.name)
                        } else {
                            field_ident(m.name)
                        };
                        assert!(
                            syn::parse_str::<syn::Ident>(&ident).is_ok(),
                            "{name}#{}${}: `{ident}`",
                            shape.name,
                            m.name
                        );
                        assert!(
                            seen.insert(ident.clone()),
                            "{name}#{}: two members named `{ident}`",
                            shape.name
                        );
                        let found = shape.member_for_field(&ident).map(|f| f.name);
                        let shared = ms
                            .iter()
                            .filter(|o| field_key(o.name) == field_key(m.name))
                            .count();
                        // Members that share a key are declared with `rename`.
                        assert!(
                            shared > 1 || found == Some(m.name),
                            "{name}#{}${}: `{ident}` matches {found:?}",
                            shape.name,
                            m.name
                        );
                    }
                }
                Kind::String { enum_values } => {
                    for v in enum_values {
                        values += 1;
                        let ident = variant_ident(v);
                        assert!(
                            syn::parse_str::<syn::Ident>(&ident).is_ok(),
                            "{name}#{} value {v:?}: `{ident}`",
                            shape.name
                        );
                        assert!(
                            seen.insert(ident.clone()),
                            "{name}#{}: two values named `{ident}`",
                            shape.name
                        );
                    }
                }
                _ => {}
            }
        }
    }
    assert!(members > 80_000 && values > 20_000, "{members} {values}");
}

#[test]
fn endpoint_discovery_traits() {
    let c = catalog();
    let mut found = Vec::new();
    for name in c.service_names() {
        let s = c.service(name).unwrap();
        let required = s
            .operations
            .iter()
            .filter(|o| o.discovery == Some(Discovery::Required))
            .count();
        let optional = s
            .operations
            .iter()
            .filter(|o| o.discovery == Some(Discovery::Optional))
            .count();
        let discovery_op = s.discovery_operation().map(|o| o.name);
        if required + optional > 0 || discovery_op.is_some() {
            found.push((name, discovery_op, required, optional));
            // The discovery operation takes no input the runtime would have to fill.
            let op = s
                .discovery_operation()
                .expect("a service with discovery has its operation");
            let input = s.shape(op.input.unwrap());
            assert!(input.members().is_empty(), "{name}: {:?}", input.name);
        }
        for shape in &s.shapes {
            for m in shape.members() {
                // The runtime keys discovered endpoints per service only; a model that
                // adds `endpointdiscoveryid` needs the runtime to key by it too.
                assert!(!m.discovery_id(), "{name}#{}${}", shape.name, m.name);
            }
        }
    }
    assert_eq!(
        found,
        [
            ("dynamodb", Some("DescribeEndpoints"), 0, 46),
            ("timestream-query", Some("DescribeEndpoints"), 14, 0),
            ("timestream-write", Some("DescribeEndpoints"), 18, 0),
        ]
    );
}
