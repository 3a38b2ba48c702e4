//! Snapshots of the expansion (cxx's `macro/src/tests.rs`, with whole files): a few
//! declarations that between them use every expander are expanded, formatted and
//! compared with `macros/tests/expand/<name>.rs`, so that a change in generated code is
//! a diff in review. The line counts of those files are the generated code per
//! declaration (BENCHMARKS.md).
//!
//! After a deliberate change, rewrite them with `AWSJSON_BLESS=1 cargo test -p
//! awsjson-macros` and review the diff; under `CI` the variable is refused, as a
//! rewrite would pass every case.

use std::path::PathBuf;

use proc_macro2::TokenStream;
use quote::quote;

/// The expansion as source: prettyplease rather than rustfmt, so that the text
/// depends on a pinned dev-dependency, not on the toolchain that runs the test.
fn formatted(tokens: TokenStream) -> String {
    let file: syn::File = match syn::parse2(tokens.clone()) {
        Ok(file) => file,
        Err(err) => panic!("the expansion does not parse as a file: {err}\n{tokens}"),
    };
    prettyplease::unparse(&file)
}

fn check(name: &str, expanded: TokenStream) {
    let bless = std::env::var_os("AWSJSON_BLESS").is_some();
    assert!(
        !bless || std::env::var_os("CI").is_none(),
        "AWSJSON_BLESS is set under CI: the snapshots would be rewritten, not checked"
    );
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "expand", name]
        .iter()
        .collect::<PathBuf>()
        .with_extension("rs");
    let actual = formatted(expanded);
    if bless {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "the expansion of `{name}` differs from {} from line {} on (expected {} lines, got {}); \
             if the change is meant, rerun with AWSJSON_BLESS=1 and review the diff\n\
             --- expected\n{}\n+++ actual\n{}",
            path.display(),
            first + 1,
            expected.lines().count(),
            actual.lines().count(),
            expected
                .lines()
                .skip(first)
                .take(15)
                .collect::<Vec<_>>()
                .join("\n"),
            actual
                .lines()
                .skip(first)
                .take(15)
                .collect::<Vec<_>>()
                .join("\n"),
        );
    }
}

fn operation(args: TokenStream, item: TokenStream) -> TokenStream {
    crate::expand::operation(args, item)
}

fn shape(args: TokenStream, item: TokenStream) -> TokenStream {
    crate::expand::shape(args, item)
}

/// The seed's operation: seven fields, an idempotency token, seven modeled errors.
#[test]
fn operation_with_errors_and_token() {
    check(
        "operation_with_errors_and_token",
        operation(
            quote! {
                target = "AWSPartnerCentralSelling.CreateResourceSnapshotJob",
                output = CreateResourceSnapshotJobResponse,
                errors(AccessDeniedException, ConflictException, InternalServerException,
                       ResourceNotFoundException, ServiceQuotaExceededException,
                       ThrottlingException, ValidationException),
            },
            quote! {
                #[derive(Debug, Clone, Default)]
                pub struct CreateResourceSnapshotJob {
                    pub catalog: String,
                    pub engagement_identifier: String,
                    pub resource_identifier: String,
                    pub resource_snapshot_template_identifier: String,
                    pub resource_type: ResourceType,
                    #[idempotency]
                    pub client_token: Option<String>,
                    pub tags: Option<Vec<Tag>>,
                }
            },
        ),
    );
}

#[test]
fn paginated_operation() {
    check(
        "paginated_operation",
        operation(
            quote! {
                target = "secretsmanager.ListSecrets",
                output = ListSecretsResponse,
                errors(InvalidNextTokenException),
                paginate(input_token = next_token, output_token = next_token,
                         page_size = max_results, items = secret_list: SecretListEntry),
            },
            quote! {
                #[derive(Debug, Clone, Default)]
                pub struct ListSecrets {
                    pub max_results: Option<i32>,
                    pub next_token: Option<String>,
                }
            },
        ),
    );
}

#[test]
fn struct_shape() {
    check(
        "struct_shape",
        shape(
            quote!(shape = "partnercentral-selling#Tag"),
            quote! {
                #[derive(Debug, Clone)]
                pub struct Tag {
                    pub key: String,
                    pub value: String,
                }
            },
        ),
    );
}

/// A field the model marks sensitive and one the declaration does: `Debug` redacts both.
#[test]
fn sensitive_member() {
    check(
        "sensitive_member",
        shape(
            quote!(shape = "secretsmanager#GetSecretValueResponse"),
            quote! {
                #[derive(Debug)]
                pub struct GetSecretValueResponse {
                    pub name: Option<String>,
                    pub secret_string: Option<String>,
                    #[aws(sensitive)]
                    pub version_id: Option<String>,
                    #[aws(timestamp = "epoch-seconds")]
                    pub created_date: Option<awsjson::DateTime>,
                }
            },
        ),
    );
}

#[test]
fn string_enum() {
    check(
        "string_enum",
        shape(
            quote!(shape = "partnercentral-selling#ResourceType"),
            quote! {
                #[derive(Debug, Clone, PartialEq)]
                pub enum ResourceType {
                    Opportunity,
                }
            },
        ),
    );
}

#[test]
fn int_enum() {
    check(
        "int_enum",
        shape(
            TokenStream::new(),
            quote! {
                #[derive(Debug, Clone, Copy, PartialEq)]
                pub enum Priority {
                    Low = 1,
                    High = 10,
                }
            },
        ),
    );
}

#[test]
fn union() {
    check(
        "union",
        shape(
            TokenStream::new(),
            quote! {
                #[derive(Debug, Clone, PartialEq)]
                pub enum Value {
                    Text(String),
                    Number(f64),
                    #[aws(timestamp = "date-time")]
                    At(awsjson::DateTime),
                    #[aws(sensitive)]
                    Secret(awsjson::Blob),
                }
            },
        ),
    );
}
