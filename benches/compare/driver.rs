// The benchmark driver, `include!`d by each variant's main.rs so that the three
// programs differ only in `setup` and `call`.
//
//   BIN seq N       one warm-up call per operation, then N sequential calls
//   BIN load C N    one warm-up call per operation, then N calls from C concurrent tasks;
//                   prints `rps <requests per second>`
//   BIN first       start-up: the client set up from the environment and its config files
//                   as users set it up (`setup_from_env`), then one PutItem; prints
//                   `first_response_us <microseconds from main to the response>`
//
// Calls cycle through CreateResourceSnapshotJob, PutItem, GetItem, Query (awsJson); with
// BENCH_MIX=restjson every call is Lambda's GetFunction (restJson1: a GET with a URI
// label and a query parameter, a nested JSON answer), `call_rest_json` of each variant.
// The endpoint is BENCH_ENDPOINT (default http://127.0.0.1:18080). Runs on a
// current-thread runtime: run.sh pins the client to one core.

fn main() {
    let started = std::time::Instant::now();
    let args: Vec<String> = std::env::args().collect();
    let usage = || -> ! {
        eprintln!("usage: {} seq N | load CONCURRENCY N | first", args[0]);
        std::process::exit(2)
    };
    let number = |i: usize| -> usize {
        args.get(i).and_then(|s| s.parse().ok()).unwrap_or_else(|| usage())
    };
    let endpoint =
        std::env::var("BENCH_ENDPOINT").unwrap_or_else(|_| "http://127.0.0.1:18080".to_owned());
    let rest_json = match std::env::var("BENCH_MIX").as_deref() {
        Ok("restjson") => true,
        Ok("awsjson") | Err(_) => false,
        Ok(other) => {
            eprintln!("BENCH_MIX={other}: expected awsjson or restjson");
            std::process::exit(2)
        }
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    if args.get(1).map(String::as_str) == Some("first") {
        runtime.block_on(async {
            let ctx = setup_from_env(&endpoint).await;
            call(&ctx, 1).await;
        });
        println!("first_response_us {}", started.elapsed().as_micros());
        return;
    }
    runtime.block_on(async {
        let ctx = setup(&endpoint).await;
        for i in 0..4 {
            dispatch(&ctx, rest_json, i).await;
        }
        match args.get(1).map(String::as_str) {
            Some("seq") => {
                for i in 0..number(2) {
                    dispatch(&ctx, rest_json, i).await;
                }
            }
            Some("load") => {
                let (concurrency, total) = (number(2).max(1), number(3));
                let start = std::time::Instant::now();
                let mut tasks = Vec::with_capacity(concurrency);
                for t in 0..concurrency {
                    let ctx = ctx.clone();
                    let share = total / concurrency + usize::from(t < total % concurrency);
                    tasks.push(tokio::spawn(async move {
                        for i in 0..share {
                            dispatch(&ctx, rest_json, t + i).await;
                        }
                    }));
                }
                for task in tasks {
                    task.await.expect("load task");
                }
                let secs = start.elapsed().as_secs_f64();
                println!("rps {:.0}", total as f64 / secs);
            }
            _ => usage(),
        }
    });
}

async fn dispatch(ctx: &Ctx, rest_json: bool, i: usize) {
    if rest_json {
        call_rest_json(ctx, i).await;
    } else {
        call(ctx, i).await;
    }
}
