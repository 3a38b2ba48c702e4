//! `sample`: a crate declaring N operations drawn from the catalog with a seed, every
//! service in proportion to its operation count, as the scaffold prints them.
//!
//! Two things read it: the compile test of scaffold output (`cli/tests/sample.rs`: the
//! sample must build) and the compile-cost benchmark (`benches/compile/run.sh`: what N
//! declarations cost to build). The draw depends only on the seed, N and the catalog,
//! so a figure can be reproduced and two builds of the macro compared on one crate.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use crate::catalog::{Service, catalog, field_ident};
use crate::scaffold::{scaffold, streams_events};

/// What `awsjson-cli sample` writes.
pub(crate) struct Options {
    /// Operations drawn (before `paginated` adds any).
    pub(crate) n: usize,
    pub(crate) seed: u64,
    /// Also every paginated operation of each service drawn.
    pub(crate) paginated: bool,
    /// The crate's directory (created; files of an earlier sample are overwritten).
    pub(crate) dir: PathBuf,
    /// The `awsjson` dependency's path; `None` takes it from crates.io.
    pub(crate) awsjson: Option<PathBuf>,
    /// Features of the `awsjson` dependency besides its defaults.
    pub(crate) awsjson_features: Vec<String>,
    /// Also writes the same calls against the official SDK (a crate per service) here.
    pub(crate) sdk: Option<PathBuf>,
}

/// One service's part of a sample: its operations, sorted by name.
pub(crate) struct Pick {
    pub(crate) service: &'static Service,
    pub(crate) ops: Vec<&'static str>,
}

/// Draws `n` operations (event streams excluded: the scaffold leaves them out) from the
/// catalog with `seed`.
///
/// Each service gets its proportional share of `n`, `n × ops / all ops`, rounded down or
/// up at random so that the expected count is exactly that share (systematic sampling
/// over the remainders, in a shuffled service order); when `n` reaches the number of
/// services, each gets one first and the rest is shared in proportion to the remaining
/// operations. Within a service, the operations are a uniform random choice.
/// `paginated` then adds every paginated operation of the services drawn. Zero
/// operations make the near-empty crate that compile costs are measured against.
pub(crate) fn pick(n: usize, seed: u64, paginated: bool) -> Result<Vec<Pick>, String> {
    let c = catalog();
    let services: Vec<(&'static Service, Vec<&'static str>)> = c
        .service_names()
        .map(|name| {
            let s: &'static Service = c.service(name).expect("listed service");
            let ops = s
                .operations
                .iter()
                .filter(|op| !streams_events(s, op))
                .map(|op| op.name)
                .collect();
            (s, ops)
        })
        .collect();
    let total: usize = services.iter().map(|(_, ops)| ops.len()).sum();
    if n > total {
        return Err(format!(
            "a sample takes at most {total} operations (the catalog's, event streams left out), not {n}"
        ));
    }
    if n == 0 {
        return Ok(Vec::new());
    }
    let mut rng = Rng(seed);
    let floor = usize::from(n >= services.len());
    let mut counts: Vec<usize> = services
        .iter()
        .map(|(_, ops)| floor.min(ops.len()))
        .collect();
    let rest = (n - counts.iter().sum::<usize>()) as u128;
    let weights: Vec<u128> = services
        .iter()
        .zip(&counts)
        .map(|((_, ops), c)| (ops.len() - c) as u128)
        .collect();
    let weight: u128 = weights.iter().sum();
    if rest > 0 {
        // Whole shares first; then one more for the services whose cumulative remainder
        // (in units of 1 / weight) crosses start, start + weight, start + 2 × weight...
        let mut remainders = Vec::with_capacity(services.len());
        for (i, w) in weights.iter().enumerate() {
            counts[i] += (rest * w / weight) as usize;
            remainders.push(rest * w % weight);
        }
        let mut order: Vec<usize> = (0..services.len()).collect();
        rng.shuffle(&mut order);
        let mut next = u128::from(rng.below(weight as u64));
        let mut cumulative = 0;
        for i in order {
            cumulative += remainders[i];
            if cumulative > next {
                counts[i] += 1;
                next += weight;
            }
        }
    }
    debug_assert_eq!(counts.iter().sum::<usize>(), n);
    let mut picks = Vec::new();
    for ((s, mut ops), count) in services.into_iter().zip(counts) {
        if count == 0 {
            continue;
        }
        rng.shuffle(&mut ops);
        let mut chosen: Vec<&'static str> = ops[..count].to_vec();
        if paginated {
            chosen.extend(ops[count..].iter().filter(|name| {
                s.operation(name)
                    .expect("listed operation")
                    .paginator
                    .is_some()
            }));
        }
        chosen.sort_unstable();
        picks.push(Pick {
            service: s,
            ops: chosen,
        });
    }
    Ok(picks)
}

/// Writes the sample crate (and its SDK twin) and returns a summary line.
pub(crate) fn write(opts: &Options) -> Result<String, String> {
    let picks = pick(opts.n, opts.seed, opts.paginated)?;
    let c = catalog();
    let ops: usize = picks.iter().map(|p| p.ops.len()).sum();
    let command = format!(
        "awsjson-cli sample{} --seed {} {} <dir>",
        if opts.paginated { " --paginated" } else { "" },
        opts.seed,
        opts.n
    );
    let src = opts.dir.join("src");
    create_dir(&src)?;
    let mut main = format!(
        "//! Generated by `{command}` from botocore {}: {ops} operations of {} services,\n\
         //! declared as `awsjson-cli scaffold` prints them.\n\n\
         // Scaffold output must build without warnings; the declarations are not all used.\n\
         #![deny(warnings)]\n#![allow(dead_code)]\n\n",
        c.botocore_version,
        picks.len()
    );
    let mut list = String::from("# service\tservice id\toperation\tpaginated\n");
    let (mut lines, mut paginate) = (0, 0);
    for p in &picks {
        let _ = writeln!(main, "mod {};", module(p.service));
        let out = scaffold(p.service.name, &p.ops, false)?;
        lines += out.lines().count();
        paginate += out.matches("\n    paginate(\n").count();
        write_file(&src.join(format!("{}.rs", module(p.service))), &out)?;
        for op in &p.ops {
            let paginated = p.service.operation(op).expect("picked").paginator.is_some();
            let _ = writeln!(
                list,
                "{}\t{}\t{op}\t{paginated}",
                p.service.name, p.service.service_id
            );
        }
    }
    main.push('\n');
    main.push_str(&dispatch(
        &picks,
        "let client = awsjson::Client::from_env().await.expect(\"configuration\");\n        \
         let _ = &client;",
        |p, op| format!("{}::{op}::default().send(&client).await", module(p.service)),
    ));
    write_file(&src.join("main.rs"), &main)?;
    let mut awsjson = match &opts.awsjson {
        Some(path) => {
            // Relative to where the command runs, not to the crate written elsewhere.
            let path = std::path::absolute(path)
                .map_err(|e| format!("cannot resolve {}: {e}", path.display()))?;
            format!("{{ path = {:?}", path.display().to_string())
        }
        None => format!("{{ version = \"{}\"", env!("CARGO_PKG_VERSION")),
    };
    if !opts.awsjson_features.is_empty() {
        let _ = write!(awsjson, ", features = {:?}", opts.awsjson_features);
    }
    awsjson.push_str(" }");
    write_file(
        &opts.dir.join("Cargo.toml"),
        &manifest(
            &format!("awsjson-sample-{}", opts.n),
            &command,
            &format!("awsjson = {awsjson}\n"),
        ),
    )?;
    write_file(&opts.dir.join("operations.tsv"), &list)?;
    if let Some(dir) = &opts.sdk {
        write_sdk(
            dir,
            &format!("awsjson-sample-sdk-{}", opts.n),
            &picks,
            &command,
        )?;
    }
    Ok(format!(
        "{ops} operations of {} services ({paginate} with `paginate`), {lines} lines of declarations\n",
        picks.len()
    ))
}

/// The same calls through the official AWS SDK for Rust: a crate per service
/// (`aws-sdk-<service id>`), a client per service, a fluent builder per call.
fn write_sdk(dir: &Path, name: &str, picks: &[Pick], command: &str) -> Result<(), String> {
    let src = dir.join("src");
    create_dir(&src)?;
    let mut deps = String::from(
        "aws-config = { version = \"1\", features = [\"behavior-version-latest\"] }\n",
    );
    let mut clients =
        String::from("let config = aws_config::load_from_env().await;\n        let _ = &config;\n");
    for p in picks {
        let _ = writeln!(deps, "{} = \"1\"", sdk_crate(p.service).replace('_', "-"));
        let _ = writeln!(
            clients,
            "        let {} = {}::Client::new(&config);",
            module(p.service),
            sdk_crate(p.service)
        );
    }
    let mut main = format!(
        "//! Generated by `{command} --sdk <dir>`: the sample's calls through the official SDK.\n\n\
         #![deny(warnings)]\n\
         // `report` is unused in the near-empty crate.\n\
         #![allow(dead_code)]\n\n"
    );
    main.push_str(&dispatch(picks, clients.trim_end(), |p, op| {
        format!(
            "{}.{}().send().await",
            module(p.service),
            field_ident(op).trim_start_matches("r#")
        )
    }));
    write_file(&src.join("main.rs"), &main)?;
    write_file(
        &dir.join("Cargo.toml"),
        &manifest(name, &format!("{command} --sdk <dir>"), &deps),
    )
}

/// `fn main`: sends the operation named on the command line, so that every call is
/// compiled and linked as in a program that makes it.
fn dispatch(picks: &[Pick], setup: &str, call: impl Fn(&Pick, &str) -> String) -> String {
    let mut arms = String::new();
    for p in picks {
        for op in &p.ops {
            let _ = writeln!(
                arms,
                "            \"{}.{op}\" => report({}),",
                p.service.name,
                call(p, op)
            );
        }
    }
    format!(
        "fn main() {{\n    \
             let name = std::env::args().nth(1).unwrap_or_default();\n    \
             let runtime = tokio::runtime::Builder::new_current_thread()\n        \
                 .enable_all()\n        \
                 .build()\n        \
                 .expect(\"runtime\");\n    \
             runtime.block_on(async {{\n        \
                 {setup}\n        \
                 match name.as_str() {{\n\
         {arms}            \
                     other => eprintln!(\"no operation `{{other}}` (`service.Operation`)\"),\n        \
                 }}\n    \
             }});\n\
         }}\n\n\
         fn report<T: std::fmt::Debug, E: std::fmt::Display>(result: Result<T, E>) {{\n    \
             match result {{\n        \
                 Ok(output) => println!(\"{{output:?}}\"),\n        \
                 Err(error) => eprintln!(\"{{error}}\"),\n    \
             }}\n\
         }}\n"
    )
}

fn manifest(name: &str, command: &str, deps: &str) -> String {
    format!(
        "# Generated by `{command}`.\n\
         [package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\n{deps}\
         tokio = {{ version = \"1\", features = [\"macros\", \"rt-multi-thread\"] }}\n\n\
         # A workspace of its own, wherever it is written.\n[workspace]\n"
    )
}

/// The module of a service's declarations: its botocore name in snake case.
fn module(s: &Service) -> String {
    field_ident(s.name)
}

/// The official SDK's crate for a service, as a Rust path: `aws_sdk_` and the service
/// id in lower case without spaces or dashes (`Partner Central Selling` →
/// `aws_sdk_partnercentralselling`), as smithy-rs names them.
fn sdk_crate(s: &Service) -> String {
    let id: String = s
        .service_id
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    format!("aws_sdk_{id}")
}

fn create_dir(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))
}

fn write_file(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// splitmix64: a fixed, portable sequence for a seed (the draw must not change with a
/// platform or a dependency's version).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`), by Lemire's multiply-shift: the bias is below
    /// n / 2^64, far under anything a sample could show.
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    /// Fisher–Yates.
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::pick;
    use crate::catalog::catalog;

    /// Each service's count is its proportional share rounded down or up, and the
    /// counts add up to n.
    #[test]
    fn shares_are_proportional() {
        let c = catalog();
        let services = c.service_names().count();
        for (n, seed) in [(10, 1), (100, 1), (400, 1), (400, 7), (1000, 3)] {
            let picks = pick(n, seed, false).unwrap();
            assert_eq!(picks.iter().map(|p| p.ops.len()).sum::<usize>(), n);
            if n >= services {
                assert_eq!(picks.len(), services, "n = {n}: one per service at least");
            }
            let total: usize = c
                .service_names()
                .map(|s| c.service(s).unwrap().operations.len())
                .sum();
            for p in &picks {
                // Every operation is distinct and of that service.
                let mut ops = p.ops.clone();
                ops.dedup();
                assert_eq!(ops.len(), p.ops.len());
                assert!(ops.iter().all(|op| p.service.operation(op).is_some()));
                // Within one (plus the floor of one) of n × ops / total, up to the few
                // event-stream operations left out of the total.
                let share = n as f64 * p.service.operations.len() as f64 / total as f64;
                assert!(
                    (p.ops.len() as f64) < share + 2.5,
                    "n = {n}: {} has {} for a share of {share:.2}",
                    p.service.name,
                    p.ops.len()
                );
            }
        }
    }

    #[test]
    fn the_seed_fixes_the_draw() {
        let names = |seed| -> Vec<(&str, Vec<&str>)> {
            pick(100, seed, false)
                .unwrap()
                .into_iter()
                .map(|p| (p.service.name, p.ops))
                .collect()
        };
        assert_eq!(names(5), names(5));
        assert_ne!(names(5), names(6));
    }

    /// `paginated` adds every paginated operation of the services drawn, and only those.
    #[test]
    fn paginated_adds_the_list_operations() {
        let plain = pick(100, 2, false).unwrap();
        let paged = pick(100, 2, true).unwrap();
        assert_eq!(plain.len(), paged.len());
        for (a, b) in plain.iter().zip(&paged) {
            assert!(a.ops.iter().all(|op| b.ops.contains(op)));
            for op in &a.service.operations {
                if op.paginator.is_some() && !crate::scaffold::streams_events(a.service, op) {
                    assert!(b.ops.contains(&op.name), "{} {}", a.service.name, op.name);
                }
            }
            for op in &b.ops {
                let paginated = a.service.operation(op).unwrap().paginator.is_some();
                assert!(a.ops.contains(op) || paginated);
            }
        }
    }

    #[test]
    fn bad_sizes_are_errors() {
        let err = pick(1_000_000, 1, false).err().unwrap();
        assert!(err.contains("not 1000000"), "{err}");
        assert!(pick(0, 1, true).unwrap().is_empty());
    }
}
