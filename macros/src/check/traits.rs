//! The model's `awsQueryCompatible` and `endpoint.hostPrefix` traits, taken from the
//! catalog for a cataloged target as its signing name is: a declaration that leaves
//! them out sends what the model says, one that gives another value is told the model's.

use super::target::Known;
use crate::attr::OperationArgs;
use crate::ctxt::Ctxt;

/// The two traits as the operation sends them.
pub(crate) struct ModelTraits {
    pub(crate) query_compatible: bool,
    /// The host prefix template: the declared literal, else the model's (spanned at the
    /// attribute).
    pub(crate) host_prefix: Option<syn::LitStr>,
}

pub(crate) fn model_traits(
    cx: &Ctxt,
    args: &OperationArgs,
    target: &str,
    known: Option<Known>,
) -> ModelTraits {
    let declared = ModelTraits {
        query_compatible: args.query_compatible.is_some(),
        host_prefix: args.host_prefix.clone(),
    };
    let Some((service, op)) = known else {
        return declared;
    };
    let mut traits = declared;
    match (&args.query_compatible, service.query_compatible) {
        (None, true) => traits.query_compatible = true,
        (Some(path), false) => cx.error_spanned_by(
            path,
            format!(
                "`{}` is not `awsQueryCompatible` in the model: its errors carry no query codes; remove `query_compatible`",
                service.name
            ),
        ),
        _ => {}
    }
    match (&args.host_prefix, op.host_prefix) {
        (None, Some(prefix)) => {
            traits.host_prefix = Some(syn::LitStr::new(prefix, proc_macro2::Span::call_site()));
        }
        (Some(lit), model) if model != Some(lit.value().as_str()) => {
            let message = match model {
                Some(prefix) => format!(
                    "the model's host prefix for `{target}` is {prefix:?}; leave `host_prefix` out and the catalog supplies it"
                ),
                None => format!("`{target}` has no host prefix in the model; remove `host_prefix`"),
            };
            cx.error_spanned_by(lit, message);
        }
        _ => {}
    }
    traits
}

#[cfg(all(test, feature = "catalog"))]
mod tests {
    use super::model_traits;
    use crate::attr::OperationArgs;
    use crate::catalog::catalog;
    use crate::ctxt::Ctxt;

    /// For every operation of the catalog, a declaration with `target` alone sends the
    /// model's host prefix and says `x-amzn-query-mode` exactly when the model's
    /// service is `awsQueryCompatible`.
    #[test]
    fn every_operation_sends_the_model_traits() {
        let c = catalog();
        let (mut prefixed, mut query) = (0, 0);
        for name in c.service_names() {
            let s = c.service(name).unwrap();
            for op in &s.operations {
                let target = format!("{}.{}", s.target_prefix, op.name);
                let cx = Ctxt::new();
                let args = OperationArgs::default();
                let traits = model_traits(&cx, &args, &target, Some((s, op)));
                cx.check().unwrap();
                let sent = traits.host_prefix.as_ref().map(syn::LitStr::value);
                assert_eq!(sent.as_deref(), op.host_prefix, "{target}");
                assert_eq!(traits.query_compatible, s.query_compatible, "{target}");
                prefixed += usize::from(sent.is_some());
                query += usize::from(traits.query_compatible);
            }
        }
        // HealthLake 11, CloudWatch Logs 2, Cloud Map 2, Step Functions 2; CloudWatch
        // 59 and SQS 23 (botocore 1.44.8).
        assert_eq!((prefixed, query), (17, 82));
    }

    /// A declaration that says otherwise than the model is told the model's traits.
    #[test]
    fn other_values_are_told_the_model() {
        let sfn = catalog().service("stepfunctions").unwrap();
        let op = sfn.operation("TestState").unwrap();
        let cx = Ctxt::new();
        let args = OperationArgs {
            host_prefix: Some(syn::parse_quote!("async-")),
            query_compatible: Some(syn::parse_quote!(query_compatible)),
            ..OperationArgs::default()
        };
        model_traits(&cx, &args, "AWSStepFunctions.TestState", Some((sfn, op)));
        let errors: Vec<String> = cx
            .check()
            .unwrap_err()
            .into_iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].contains("`stepfunctions` is not `awsQueryCompatible`"),
            "{errors:?}"
        );
        assert!(
            errors[1].contains(r#"host prefix for `AWSStepFunctions.TestState` is "sync-""#),
            "{errors:?}"
        );
        let list = sfn.operation("ListActivities").unwrap();
        let cx = Ctxt::new();
        let args = OperationArgs {
            host_prefix: Some(syn::parse_quote!("sync-")),
            ..OperationArgs::default()
        };
        model_traits(
            &cx,
            &args,
            "AWSStepFunctions.ListActivities",
            Some((sfn, list)),
        );
        let err = cx.check().unwrap_err().to_string();
        assert!(err.contains("has no host prefix in the model"), "{err}");
    }
}
