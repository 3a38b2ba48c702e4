//! Responses that leave out required members or send `null`: Smithy's client error
//! correction (`null` reads as absent, a missing member as its type's zero value) and
//! the union member that holds a `null` document.

use awsjson::{Blob, DateTime, Document, aws_json_shape};

/// application-autoscaling's `ScalableTarget`, whose `RoleARN` the service sends as
/// `null` (`DescribeScalableTargets`), with a member of each kind.
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct ScalableTarget {
    resource_id: String,
    #[aws(rename = "RoleARN")]
    role_arn: String,
    min_capacity: i32,
    suspended: bool,
    tags: Vec<String>,
    created: DateTime,
    payload: Blob,
    note: Option<String>,
    #[aws(default = 7)]
    weight: i32,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
enum ScalableStatus {
    Active,
    Deleting,
}

/// firehose's `DescribeDeliveryStream` output without its required
/// `EncryptionConfiguration`, reduced to one member of each kind.
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct DeliveryStreamDescription {
    delivery_stream_name: String,
    encryption_configuration: EncryptionConfiguration,
    status: ScalableStatus,
    level: Level,
    source: Source,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct EncryptionConfiguration {
    #[aws(rename = "KeyARN")]
    key_arn: Option<String>,
    key_type: KeyType,
    retries: i32,
    nested: Inner,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct Inner {
    names: Vec<String>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
enum KeyType {
    #[aws(rename = "AWS_OWNED_CMK")]
    AwsOwnedCmk,
    #[aws(rename = "CUSTOMER_MANAGED_CMK")]
    CustomerManagedCmk,
}

#[aws_json_shape]
#[derive(Debug, Clone, Copy, PartialEq)]
enum Level {
    Low = 1,
    High = 2,
}

/// opensearchmemory's `StructuredDataSource`: a union with a document member.
#[aws_json_shape(rename_all = "camelCase")]
#[derive(Debug, Clone, PartialEq)]
enum Source {
    Json(Document),
    Text(String),
}

/// A structure that cannot have a zero value: its required member is a `Box` of
/// itself (a zero value would never end).
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct Chain {
    next: Box<Chain>,
}

#[aws_json_shape]
#[derive(Debug, Clone, PartialEq)]
struct HasChain {
    chain: Chain,
}

fn zero_target() -> ScalableTarget {
    ScalableTarget {
        resource_id: String::new(),
        role_arn: String::new(),
        min_capacity: 0,
        suspended: false,
        tags: Vec::new(),
        created: DateTime::from_secs(0),
        payload: Blob::new(Vec::new()),
        note: None,
        weight: 7,
    }
}

#[test]
fn null_in_a_required_member_reads_as_if_left_out() {
    let absent =
        serde_json::from_slice::<ScalableTarget>(br#"{"ResourceId":"service/c/s"}"#).unwrap();
    let nulls = serde_json::from_slice::<ScalableTarget>(
        br#"{"ResourceId":"service/c/s","RoleARN":null,"MinCapacity":null,"Suspended":null,
            "Tags":null,"Created":null,"Payload":null,"Note":null,"Weight":null}"#,
    )
    .unwrap();
    assert_eq!(nulls, absent);
    assert_eq!(
        nulls,
        ScalableTarget {
            resource_id: "service/c/s".into(),
            ..zero_target()
        }
    );
    // A value after a `null` for the same member is not a duplicate.
    let later =
        serde_json::from_slice::<ScalableTarget>(br#"{"RoleARN":null,"RoleARN":"arn:r"}"#).unwrap();
    assert_eq!(later.role_arn, "arn:r");
    // Two values still are.
    let twice =
        serde_json::from_slice::<ScalableTarget>(br#"{"RoleARN":"a","RoleARN":"b"}"#).unwrap_err();
    assert!(
        twice.to_string().contains("duplicate field `RoleARN`"),
        "{twice}"
    );
}

#[test]
fn structure_enum_and_union_members_left_out_get_their_error_correction() {
    let out = serde_json::from_slice::<DeliveryStreamDescription>(br#"{"DeliveryStreamName":"s"}"#)
        .unwrap();
    assert_eq!(out.delivery_stream_name, "s");
    assert_eq!(
        out.encryption_configuration,
        EncryptionConfiguration {
            key_arn: None,
            key_type: KeyType::from(""),
            retries: 0,
            nested: Inner { names: Vec::new() },
        }
    );
    assert!(
        matches!(&out.encryption_configuration.key_type, KeyType::Unknown(v) if v.as_str().is_empty())
    );
    assert!(matches!(&out.status, ScalableStatus::Unknown(v) if v.as_str().is_empty()));
    assert_eq!(out.level, Level::Unknown(0));
    assert!(matches!(&out.source, Source::Unknown(member) if member.as_str().is_empty()));
    // `null` for each reads the same.
    let nulls = serde_json::from_slice::<DeliveryStreamDescription>(
        br#"{"DeliveryStreamName":"s","EncryptionConfiguration":null,"Status":null,
            "Level":null,"Source":null}"#,
    )
    .unwrap();
    assert_eq!(nulls, out);
    // Present members are read as sent, of course.
    let sent = serde_json::from_slice::<DeliveryStreamDescription>(
        br#"{"EncryptionConfiguration":{"KeyType":"AWS_OWNED_CMK","Retries":2},
            "Level":2,"Source":{"text":"t"}}"#,
    )
    .unwrap();
    assert_eq!(sent.encryption_configuration.key_type, KeyType::AwsOwnedCmk);
    assert_eq!(sent.encryption_configuration.retries, 2);
    assert_eq!(sent.level, Level::High);
    assert_eq!(sent.source, Source::Text("t".into()));
}

#[test]
fn a_structure_without_a_zero_value_is_still_a_missing_member() {
    let err = serde_json::from_slice::<HasChain>(b"{}").unwrap_err();
    assert!(err.to_string().contains("missing field `Chain`"), "{err}");
    let err = serde_json::from_slice::<Chain>(b"{}").unwrap_err();
    assert!(err.to_string().contains("missing field `Next`"), "{err}");
}

#[test]
fn a_union_member_holding_a_null_document_reads_back() {
    let null = Source::Json(Document::Null);
    let json = serde_json::to_string(&null).unwrap();
    assert_eq!(json, r#"{"json":null}"#);
    assert_eq!(serde_json::from_str::<Source>(&json).unwrap(), null);
    // Another member set wins over the `null` document.
    let text = serde_json::from_str::<Source>(r#"{"json":null,"text":"t"}"#).unwrap();
    assert_eq!(text, Source::Text("t".into()));
    // `null` for a member that is not a document is still no member.
    let err = serde_json::from_str::<Source>(r#"{"text":null}"#).unwrap_err();
    assert!(err.to_string().contains("has no member set"), "{err}");
    // A document that is not `null` reads as before.
    let doc = serde_json::from_str::<Source>(r#"{"json":{"a":[1,null]}}"#).unwrap();
    assert!(matches!(doc, Source::Json(Document::Object(_))), "{doc:?}");
}

/// An enum that derives its own `Default` keeps it: the macro adds none.
#[aws_json_shape]
#[derive(Debug, Clone, PartialEq, Default)]
enum Tier {
    Free,
    #[default]
    Paid,
}

/// `Default` of enums and unions is their error-correction value, so that a structure
/// holding one as a required member derives `Default` (`..Default::default()`).
#[test]
fn enums_and_unions_default_to_their_unknown_variant() {
    assert_eq!(KeyType::default().as_str(), "");
    assert!(matches!(KeyType::default(), KeyType::Unknown(_)));
    assert_eq!(Level::default(), Level::Unknown(0));
    assert!(matches!(Source::default(), Source::Unknown(_)));
    assert_eq!(Tier::default(), Tier::Paid);
}
