//! `awsjson-cli`: developer commands over awsjson's service catalog.
//!
//! ```text
//! cargo run -p awsjson-cli -- scaffold partnercentral-selling CreateResourceSnapshotJob ListEngagements
//! cargo run -p awsjson-cli -- services
//! cargo run -p awsjson-cli -- operations dynamodb
//! cargo run -p awsjson-cli -- sample --seed 1 --awsjson runtime 100 /tmp/sample-100
//! ```

// The catalog module is the proc macro's, which uses other parts of it: src/catalog/
// and catalog/ hold symbolic links to macros/, which `cargo package` packs as the
// files they point to, so the published crate needs nothing outside itself.
#[allow(dead_code, unreachable_pub)]
mod catalog;
mod docs;
#[cfg(test)]
mod model_tests;
mod sample;
mod scaffold;

use std::process::ExitCode;

const USAGE: &str = "usage:
  awsjson-cli scaffold [--explicit] <service> <Operation>...
                                                 print declarations for these operations;
                                                 --explicit spells out what the catalog supplies
  awsjson-cli services                           list the catalog's services
  awsjson-cli operations <service>               list a service's operations
                                                 (restJson1: with method and URI)
  awsjson-cli sample [--seed S] [--paginated] [--awsjson PATH] [--awsjson-features F,G]
                     [--sdk SDK_DIR] <N> <DIR>
                                                 write a crate to DIR declaring N operations
                                                 drawn with seed S (default 1), every service
                                                 in proportion to its operations (for
                                                 compile-cost measurements); --paginated adds
                                                 every paginated operation of the services
                                                 drawn; --awsjson depends on awsjson by path,
                                                 --awsjson-features with these features;
                                                 --sdk also writes the same calls through the
                                                 official SDK's crates to SDK_DIR

<service> is botocore's service name (dynamodb, partnercentral-selling, ecr, lambda), a
target prefix (DynamoDB_20120810) or a service id (API Gateway). restJson1 declarations
name their operation (`operation = \"lambda#Invoke\"`) and show each member's HTTP binding
as a comment (`// URI label {FunctionName}`, `// header X-Amz-Invocation-Type`).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("scaffold") => {
            let explicit = args.iter().any(|a| a == "--explicit");
            let rest: Vec<&str> = args[1..]
                .iter()
                .map(String::as_str)
                .filter(|a| *a != "--explicit")
                .collect();
            match rest.split_first() {
                Some((service, ops)) if !ops.is_empty() => {
                    scaffold::scaffold(service, ops, explicit)
                }
                _ => Err(USAGE.to_owned()),
            }
        }
        Some("sample") => sample_options(&args[1..]).and_then(|o| sample::write(&o)),
        Some("services") if args.len() == 1 => Ok(services()),
        Some("operations") if args.len() == 2 => operations(&args[1]),
        Some("-h" | "--help" | "help") => Ok(format!("{USAGE}\n")),
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

/// `sample`'s arguments: flags anywhere, then N and the directory.
fn sample_options(args: &[String]) -> Result<sample::Options, String> {
    let mut opts = sample::Options {
        n: 0,
        seed: 1,
        paginated: false,
        dir: Default::default(),
        awsjson: None,
        awsjson_features: Vec::new(),
        sdk: None,
    };
    let mut positional = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| format!("`{arg}` takes a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--seed" => {
                let v = value()?;
                opts.seed = v
                    .parse()
                    .map_err(|_| format!("`--seed {v}`: not an unsigned integer"))?;
            }
            "--paginated" => opts.paginated = true,
            "--awsjson" => opts.awsjson = Some(value()?.into()),
            "--awsjson-features" => {
                opts.awsjson_features = value()?.split(',').map(str::to_owned).collect();
            }
            "--sdk" => opts.sdk = Some(value()?.into()),
            flag if flag.starts_with("--") => {
                return Err(format!("unknown flag `{flag}`\n{USAGE}"));
            }
            _ => positional.push(arg),
        }
    }
    let [n, dir] = positional[..] else {
        return Err(USAGE.to_owned());
    };
    opts.n = n
        .parse()
        .map_err(|_| format!("`{n}`: the number of operations must be a positive integer"))?;
    opts.dir = dir.into();
    Ok(opts)
}

fn services() -> String {
    let c = catalog::catalog();
    let mut out = format!("# botocore {} ({})\n", c.botocore_version, c.command);
    for name in c.service_names() {
        let s = c.service(name).expect("listed service");
        out.push_str(&format!(
            "{name}\t{}\tjson {}\t{} operations\n",
            s.target_prefix,
            s.json_version,
            s.operations.len()
        ));
    }
    // After the awsJson services, in their own index.
    for name in c.rest_json_service_names() {
        let s = c.rest_json_service(name).expect("listed service");
        out.push_str(&format!(
            "{name}\t-\trestJson1\t{} operations\n",
            s.operations.len()
        ));
    }
    out
}

/// One name a line; a restJson1 operation with its method and request URI, where its
/// labels and literal query show.
fn operations(name: &str) -> Result<String, String> {
    if let Some(s) = scaffold::find_rest_json_service(name) {
        return Ok(s
            .operations
            .iter()
            .map(|o| match o.http {
                Some(http) => format!("{}\t{} {}\n", o.name, http.method, http.uri),
                None => format!("{}\n", o.name),
            })
            .collect());
    }
    scaffold::find_service(name).map(|s| {
        s.operations
            .iter()
            .map(|o| format!("{}\n", o.name))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::{operations, services};

    #[test]
    fn services_lists_both_protocols() {
        let out = services();
        assert!(out.contains("\ndynamodb\tDynamoDB_20120810\tjson 1.0\t62 operations\n"));
        assert!(out.contains("\nlambda\t-\trestJson1\t91 operations\n"));
        // A line per service and the header.
        assert_eq!(out.lines().count(), 1 + 154 + 265);
    }

    #[test]
    fn operations_of_a_rest_json_service_show_their_http_binding() {
        let out = operations("lambda").unwrap();
        assert_eq!(out.lines().count(), 91);
        assert!(out.contains("\nInvoke\tPOST /2015-03-31/functions/{FunctionName}/invocations\n"));
        // The service id finds it as it finds awsJson services.
        assert_eq!(
            operations("API Gateway").unwrap(),
            operations("apigateway").unwrap()
        );
        assert!(
            operations("apigateway")
                .unwrap()
                .contains("\nImportRestApi\tPOST /restapis?mode=import\n")
        );
        assert_eq!(
            operations("dynamodb").unwrap().lines().next(),
            Some("BatchExecuteStatement")
        );
    }

    #[test]
    fn scaffold_prints_rest_json_services() {
        let out = crate::scaffold::scaffold("lambda", &["Invoke"], false).unwrap();
        assert!(out.contains("operation = \"lambda#Invoke\""), "{out}");
        // By service id, as awsJson services are found.
        assert_eq!(
            crate::scaffold::scaffold("Lambda", &["Invoke"], false).unwrap(),
            out
        );
        let Err(err) = crate::scaffold::find_service("lambdaa") else {
            panic!("lambdaa found")
        };
        assert!(err.contains("did you mean `lambda`"), "{err}");
    }
}
