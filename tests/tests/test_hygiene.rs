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

    #[awsjson::aws_json_operation(target = "DynamoDB_20120810.DescribeTable", output = Out, errors(NotFound))]
    pub(crate) struct DescribeTable {
        pub(crate) table_name: ::std::string::String,
        #[idempotency]
        pub(crate) token: ::std::option::Option<::std::string::String>,
    }

    #[awsjson::aws_json_shape]
    #[derive(Debug)]
    pub(crate) struct Out {
        pub(crate) table: ::std::option::Option<::std::string::String>,
        pub(crate) status: ::std::option::Option<Status>,
    }

    #[awsjson::aws_json_shape]
    #[derive(Debug)]
    pub(crate) struct NotFound {
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
    let _ = shadowed::DescribeTable {
        table_name: "t".into(),
        token: None,
    };
    assert_eq!(shadowed::Status::from("ACTIVE").as_str(), "ACTIVE");
    assert_eq!(shadowed::Status::Active.as_str(), "Active");
}
