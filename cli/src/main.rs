//! `awsjson-cli`: developer commands over awsjson's service catalog.
//!
//! ```text
//! cargo run -p awsjson-cli -- scaffold partnercentral-selling CreateResourceSnapshotJob ListEngagements
//! cargo run -p awsjson-cli -- services
//! cargo run -p awsjson-cli -- operations dynamodb
//! ```

// The catalog module is the proc macro's, which uses other parts of it: src/catalog/
// and catalog/ hold symbolic links to macros/, which `cargo package` packs as the
// files they point to, so the published crate needs nothing outside itself.
#[allow(dead_code, unreachable_pub)]
mod catalog;
mod docs;
#[cfg(test)]
mod model_tests;
mod scaffold;

use std::process::ExitCode;

const USAGE: &str = "usage:
  awsjson-cli scaffold [--explicit] <service> <Operation>...
                                                 print declarations for these operations;
                                                 --explicit spells out what the catalog supplies
  awsjson-cli services                           list the catalog's services
  awsjson-cli operations <service>               list a service's operations

<service> is botocore's service name (dynamodb, partnercentral-selling, ecr) or a target
prefix (DynamoDB_20120810).";

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
        Some("services") if args.len() == 1 => Ok(services()),
        Some("operations") if args.len() == 2 => scaffold::find_service(&args[1]).map(|s| {
            s.operations
                .iter()
                .map(|o| format!("{}\n", o.name))
                .collect()
        }),
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
    out
}
