//! The catalog path of restJson1 through the checks: `operation = "<service>#<Op>"`
//! resolves the model's route and every member's binding, location-specific wire name,
//! timestamp format and streaming, and each misuse is one error.

use crate::ast;
use crate::attr;
use crate::checked::Binding;
use crate::ctxt::Ctxt;

/// Parses and checks a declaration, then hands the checked model and the errors to `f`.
fn checked<R>(
    args: proc_macro2::TokenStream,
    item: proc_macro2::TokenStream,
    f: impl FnOnce(&crate::checked::Operation, Vec<String>) -> R,
) -> R {
    let cx = Ctxt::new();
    let args = syn::parse::Parser::parse2(
        |s: syn::parse::ParseStream| Ok(attr::operation_args(&cx, s)),
        args,
    )
    .unwrap();
    let item: syn::DeriveInput = syn::parse2(item).unwrap();
    let op = ast::Operation::from_syn(&cx, args, item).unwrap();
    let model = super::operation(&cx, &op);
    let errors = match cx.check() {
        Ok(()) => Vec::new(),
        Err(e) => e.into_iter().map(|e| e.to_string()).collect(),
    };
    f(&model, errors)
}

fn bindings(op: &crate::checked::Operation) -> Vec<(String, String, Binding)> {
    op.body
        .fields
        .iter()
        .map(|f| {
            (
                f.decl.ident.to_string(),
                f.wire_name.clone(),
                f.binding.clone(),
            )
        })
        .collect()
}

#[test]
fn lambda_invoke_takes_the_model_bindings() {
    checked(
        quote::quote!(operation = "lambda#Invoke"),
        quote::quote!(
            struct Invoke {
                function_name: String,
                invocation_type: Option<String>,
                qualifier: Option<String>,
                payload: Option<awsjson::Blob>,
            }
        ),
        |op, errors| {
            assert_eq!(errors, Vec::<String>::new());
            assert_eq!(op.target, "");
            let http = op.http.as_ref().unwrap();
            assert_eq!(
                (http.method.as_str(), http.uri.as_str(), http.code),
                (
                    "POST",
                    "/2015-03-31/functions/{FunctionName}/invocations",
                    200
                )
            );
            assert!(!http.checksum_required);
            assert!(!http.has_body_members, "the payload is the whole body");
            assert_eq!(
                bindings(op),
                [
                    (
                        "function_name".into(),
                        "FunctionName".into(),
                        Binding::Label { greedy: false }
                    ),
                    (
                        "invocation_type".into(),
                        "X-Amz-Invocation-Type".into(),
                        Binding::Header("X-Amz-Invocation-Type".into())
                    ),
                    (
                        "qualifier".into(),
                        "Qualifier".into(),
                        Binding::Query("Qualifier".into())
                    ),
                    ("payload".into(), "Payload".into(), Binding::Payload),
                ]
            );
            let payload = &op.body.fields[3];
            assert_eq!(
                payload.media_type.as_deref(),
                Some("application/octet-stream")
            );
            assert!(!payload.streaming);
            assert_eq!(op.service.signing_name, "lambda");
            assert_eq!(op.service.endpoint_prefix, "lambda");
            assert_eq!(op.service.service_id, "Lambda");
            assert_eq!(op.service.target_prefix, "");
            assert!(op.service.endpoint_rules.is_some());
        },
    );
}

#[test]
fn awsjson_operations_are_named_the_same_way() {
    checked(
        quote::quote!(operation = "dynamodb#DeleteTable"),
        quote::quote!(
            struct DeleteTable {
                table_name: String,
            }
        ),
        |op, errors| {
            assert_eq!(errors, Vec::<String>::new());
            assert_eq!(op.target, "DynamoDB_20120810.DeleteTable");
            assert_eq!(op.service.json_version, "1.0");
            assert!(op.http.is_none());
            assert_eq!(op.body.fields[0].binding, Binding::Body);
        },
    );
}

#[test]
fn greedy_labels_timestamps_and_streams() {
    checked(
        quote::quote!(operation = "iot#GetTopicRuleDestination"),
        quote::quote!(
            struct GetTopicRuleDestination {
                arn: String,
            }
        ),
        |op, errors| {
            assert_eq!(errors, Vec::<String>::new());
            assert_eq!(op.body.fields[0].binding, Binding::Label { greedy: true });
        },
    );
    // A timestamp in a query parameter is date-time, as botocore sends it.
    checked(
        quote::quote!(operation = "iot#ListAuditFindings"),
        quote::quote!(
            struct ListAuditFindings {
                start_time: Option<awsjson::DateTime>,
            }
        ),
        |op, errors| {
            assert_eq!(errors, Vec::<String>::new());
            assert_eq!(op.body.fields[0].timestamp, None, "a body member");
        },
    );
    checked(
        quote::quote!(operation = "glacier#UploadArchive"),
        quote::quote!(
            struct UploadArchive {
                vault_name: String,
                account_id: String,
                body: Option<awsjson::ByteStream>,
            }
        ),
        |op, errors| {
            assert_eq!(errors, Vec::<String>::new());
            let body = &op.body.fields[2];
            assert_eq!(body.binding, Binding::Payload);
            assert!(body.streaming);
            assert_eq!(op.http.as_ref().unwrap().code, 201);
        },
    );
}

fn errors_of(args: proc_macro2::TokenStream, item: proc_macro2::TokenStream) -> Vec<String> {
    checked(args, item, |_, errors| errors)
}

#[test]
fn each_misuse_is_one_error() {
    let item = quote::quote!(
        struct Invoke {
            function_name: String,
        }
    );
    let e = errors_of(quote::quote!(operation = "lambda#Invok"), item.clone());
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].starts_with("`lambda` has no operation `Invok`; did you mean `Invoke`"),
        "{e:?}"
    );
    let e = errors_of(quote::quote!(operation = "lamda#Invoke"), item.clone());
    assert!(
        e[0].starts_with("unknown service `lamda` in `operation`; did you mean `lambda`"),
        "{e:?}"
    );
    let e = errors_of(quote::quote!(operation = "lambda.Invoke"), item.clone());
    assert!(e[0].starts_with("malformed `operation`"), "{e:?}");
    let e = errors_of(
        quote::quote!(operation = "lambda#Invoke", target = "Lambda.Invoke"),
        item.clone(),
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].starts_with("give either `operation` or `target`"),
        "{e:?}"
    );
    let e = errors_of(
        quote::quote!(operation = "lambda#Invoke", json_version = "1.1"),
        item,
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("restJson1 service"), "{e:?}");
    // A label the declaration leaves out, though the model does not mark it required.
    let e = errors_of(
        quote::quote!(operation = "lambda#Invoke"),
        quote::quote!(
            struct Invoke {
                payload: Option<awsjson::Blob>,
            }
        ),
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].contains("missing required member `FunctionName`")
            && e[0].contains("the URI label {FunctionName}"),
        "{e:?}"
    );
    let e = errors_of(
        quote::quote!(operation = "polly#SynthesizeSpeech", output = Speech),
        quote::quote!(
            struct SynthesizeSpeech {
                text: String,
                output_format: String,
                voice_id: String,
                lexicon_names: Option<Vec<String>>,
            }
        ),
    );
    assert_eq!(e, Vec::<String>::new());
    // A streaming payload held as bytes, and bytes held as a stream.
    let e = errors_of(
        quote::quote!(operation = "glacier#UploadArchive"),
        quote::quote!(
            struct UploadArchive {
                vault_name: String,
                account_id: String,
                body: Option<awsjson::Blob>,
            }
        ),
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].contains("a streaming blob") && e[0].contains("use `awsjson::ByteStream`"),
        "{e:?}"
    );
    let e = errors_of(
        quote::quote!(operation = "lambda#Invoke"),
        quote::quote!(
            struct Invoke {
                function_name: String,
                payload: Option<awsjson::ByteStream>,
            }
        ),
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].contains("use `awsjson::Blob`"), "{e:?}");
}

#[test]
fn json_names_are_the_wire_names() {
    // API Gateway's body members are `locationName`d in lower camel case.
    checked(
        quote::quote!(operation = "apigateway#CreateRestApi"),
        quote::quote!(
            struct CreateRestApi {
                name: String,
                description: Option<String>,
            }
        ),
        |op, errors| {
            assert_eq!(errors, Vec::<String>::new());
            let names: Vec<&str> = op
                .body
                .fields
                .iter()
                .map(|f| f.wire_name.as_str())
                .collect();
            assert_eq!(names, ["name", "description"]);
            assert!(op.http.as_ref().unwrap().has_body_members);
        },
    );
}

/// A token bound to a query parameter travels there, declared or not; a host label
/// needs no `#[aws(host_label)]` when the model marks it.
#[test]
fn tokens_and_host_labels_from_the_model() {
    checked(
        quote::quote!(operation = "accessanalyzer#DeleteAnalyzer"),
        quote::quote!(
            struct DeleteAnalyzer {
                analyzer_name: String,
            }
        ),
        |op, errors| {
            assert_eq!(errors, Vec::<String>::new());
            let token = op.token.as_ref().unwrap();
            assert_eq!(token.member, "clientToken");
            assert_eq!(token.binding, Binding::Query("clientToken".into()));
            assert!(token.field.is_none());
        },
    );
    checked(
        quote::quote!(operation = "neptune-graph#GetGraphSummary"),
        quote::quote!(
            struct GetGraphSummary {
                graph_identifier: String,
            }
        ),
        |op, errors| {
            assert_eq!(errors, Vec::<String>::new());
            let prefix = op.host_prefix.as_ref().unwrap();
            assert_eq!(prefix.template, "{graphIdentifier}.");
            assert_eq!(prefix.labels[0].1, "graph_identifier");
        },
    );
}
