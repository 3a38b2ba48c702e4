//! Generated code names everything by absolute path: it still compiles when the
//! caller's module shadows the prelude and common crate names.

#![allow(dead_code, non_camel_case_types, clippy::all)]

mod shadowed {
    struct Option;
    struct Some;
    struct None;
    struct Result;
    struct Ok;
    struct Err;
    struct String;
    struct Vec;
    struct Box;
    struct Send;
    struct Future;
    struct Default;
    struct Formatter;
    struct usize;
    struct PhantomData;
    struct Deserialize;
    struct Serialize;
    struct __Visitor;
    mod fmt {}
    mod marker {}
    mod serde {}
    mod serde_json {}
    mod core {}
    mod std {}

    #[awsjson::aws_json_operation(
        target = "secretsmanager.CreateSecret",
        output = Out,
        errors(ResourceExistsException)
    )]
    pub(crate) struct CreateSecret {
        pub(crate) name: ::std::string::String,
        #[idempotency]
        pub(crate) client_request_token: ::std::option::Option<::std::string::String>,
    }

    #[awsjson::aws_json_shape]
    #[derive(Debug)]
    pub(crate) struct Out {
        #[aws(rename = "ARN")]
        pub(crate) arn: ::std::option::Option<::std::string::String>,
        pub(crate) name: ::std::option::Option<::std::string::String>,
    }

    #[awsjson::aws_json_shape(shape = "secretsmanager#ResourceExistsException")]
    #[derive(Debug)]
    pub(crate) struct ResourceExistsException {
        pub(crate) message: ::std::option::Option<::std::string::String>,
    }

    #[awsjson::aws_json_shape]
    #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub(crate) enum Status {
        Active,
    }

    /// Every member kind the generated `Serialize` / `Deserialize` treat apart.
    #[awsjson::aws_json_shape]
    #[derive(Debug)]
    pub(crate) struct Members {
        pub(crate) zero: ::std::string::String,
        #[aws(default = 3)]
        pub(crate) declared: ::core::primitive::i32,
        pub(crate) nested: Out,
        pub(crate) status: ::std::option::Option<Status>,
        pub(crate) message: ::std::option::Option<::std::string::String>,
        #[aws(timestamp = "date-time")]
        pub(crate) at: ::std::option::Option<::awsjson::DateTime>,
        #[aws(timestamp = "epoch-seconds")]
        pub(crate) history: ::std::vec::Vec<::awsjson::DateTime>,
        pub(crate) ratio: ::core::primitive::f64,
        pub(crate) ratios: ::std::option::Option<::std::vec::Vec<::core::primitive::f32>>,
        pub(crate) choice: ::std::option::Option<Choice>,
    }

    #[awsjson::aws_json_shape]
    #[derive(Debug)]
    pub(crate) enum Choice {
        Ratio(::core::primitive::f64),
        #[aws(timestamp = "http-date")]
        At(::awsjson::DateTime),
        Text(::std::string::String),
    }
}

#[test]
fn compiles_with_shadowed_names() {
    let _ = shadowed::CreateSecret {
        name: "s".into(),
        client_request_token: None,
    };
    // The wire value is "Active": it reads as the variant; another casing is unknown.
    assert_eq!(shadowed::Status::from("Active"), shadowed::Status::Active);
    assert_ne!(shadowed::Status::from("ACTIVE"), shadowed::Status::Active);
    assert_eq!(shadowed::Status::Active.as_str(), "Active");
}

#[test]
fn shapes_read_and_write_with_shadowed_names() {
    let json = r#"{"Nested":{"ARN":"a"},"errorMessage":"m","At":"2024-01-01T00:00:00Z","Ratio":"NaN","Ratios":[1.5],"Choice":{"At":"Tue, 29 Apr 2014 18:30:38 GMT"}}"#;
    let members: shadowed::Members = serde_json::from_str(json).unwrap();
    assert_eq!(members.declared, 3);
    assert_eq!(
        serde_json::to_string(&members).unwrap(),
        r#"{"Zero":"","Declared":3,"Nested":{"ARN":"a"},"Message":"m","At":"2024-01-01T00:00:00Z","History":[],"Ratio":"NaN","Ratios":[1.5],"Choice":{"At":"Tue, 29 Apr 2014 18:30:38 GMT"}}"#
    );
}
