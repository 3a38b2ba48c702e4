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
}

#[test]
fn compiles_with_shadowed_names() {
    let _ = shadowed::CreateSecret {
        name: "s".into(),
        client_request_token: None,
    };
    assert_eq!(shadowed::Status::from("ACTIVE").as_str(), "ACTIVE");
    assert_eq!(shadowed::Status::Active.as_str(), "Active");
}
