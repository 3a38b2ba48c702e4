#!/usr/bin/env bash
# Measures awsjson against the official AWS SDK for Rust, the raw-reqwest floor and the
# typed floor (the floor plus the typed, signed work of each call, written by hand).
# See BENCHMARKS.md at the repository root for what each figure means.
#
#   benches/compare/run.sh                 the full run (25 to 60 minutes on 2 shared cores)
#   SECTIONS="cpu callgrind" benches/compare/run.sh     only some sections
#
# Knobs (environment): BUILDS clean builds per variant and profile (2), RUNS repetitions
# of each runtime measurement (5), CALLS sequential calls per CPU/RSS run (5000),
# CG_CALLS calls under callgrind (400), LOAD_CALLS calls per requests/second run (20000),
# LOADS concurrencies of the requests/second runs (1 64 256), STARTS start-ups per variant
# and repetition (10),
# VARIANTS (awsjson sdk floor typed-floor), BUILD_PROFILES (release debug), MERGE (earlier results
# directories whose samples are pooled in), MIX (awsjson: the four awsJson operations;
# restjson: Lambda's GetFunction, restJson1, its per-call metrics named *_restjson),
# BENCH_TARGET (where the variants build: target/ here by default). The startup_https
# section (not in the default SECTIONS) needs python3 and the system's CA bundle at
# /etc/ssl/certs/ca-certificates.crt.
# Variants alternate inside every repetition (A B C A B C).
# Results: results/<time>/results.tsv (every sample) and summary.md (medians, ratios).
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD
BENCH_TARGET=${BENCH_TARGET:-$HERE/target}

BUILDS=${BUILDS:-2}
RUNS=${RUNS:-5}
CALLS=${CALLS:-5000}
CG_CALLS=${CG_CALLS:-400}
LOAD_CALLS=${LOAD_CALLS:-20000}
LOADS=${LOADS:-"1 64 256"}
STARTS=${STARTS:-10}
VARIANTS=${VARIANTS:-"awsjson sdk floor typed-floor"}
BUILD_PROFILES=${BUILD_PROFILES:-"release debug"}
SECTIONS=${SECTIONS:-"size cpu callgrind rps startup build incr mem"}
MIX=${MIX:-awsjson}
case $MIX in
    awsjson) MIX_SUFFIX= ;;
    restjson) MIX_SUFFIX=_restjson ;;
    *) echo "run.sh: MIX=$MIX: expected awsjson or restjson" >&2; exit 2 ;;
esac
export BENCH_MIX=$MIX
PORT=${PORT:-18080}
CLIENT_CORE=${CLIENT_CORE:-0}
SERVER_CORE=${SERVER_CORE:-1}

OUT=$HERE/results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT"
TSV=$OUT/results.tsv
: > "$TSV"
export RUSTC_WORKSPACE_WRAPPER=$HERE/rustc-wrapper.sh
export BENCH_ENDPOINT=http://127.0.0.1:$PORT
unset BENCH_RUSTC_LOG

need() { command -v "$1" >/dev/null || { echo "run.sh: $1 missing: apt-get install -y $2" >&2; exit 1; }; }
need valgrind valgrind
need taskset util-linux
need strip binutils
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time missing: apt-get install -y time" >&2; exit 1; }

record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$TSV"; echo "  $1 $2 = $3"; }
now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc -l | xargs printf '%.2f'; }
dir_of() { echo "$BENCH_TARGET/clean-$1-$2"; }
bin_of() { echo "$(dir_of "$1" release)/release/$1-bench"; }
profile_flag() { [ "$1" = release ] && echo --release || true; }

build() { # variant profile → cargo build into the variant's own target dir
    cargo build --offline --quiet --manifest-path "$HERE/$1-bench/Cargo.toml" $(profile_flag "$2") \
        --target-dir "$(dir_of "$1" "$2")"
}

ensure_built() {
    [ -x "$(dir_of "$1" "$2")/$2/$1-bench" ] || { echo "building $1 ($2)"; build "$1" "$2"; }
    # the runtime edits of the awsjson crate must reach the binary
    build "$1" "$2"
}

{
    echo "date: $(date -u +%FT%TZ)"
    echo "cpu: $(lscpu | sed -n 's/^Model name: *//p') x $(nproc)"
    echo "memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
    echo "kernel: $(uname -r)"
    echo "rustc: $(rustc -V)"
    echo "awsjson: $(git -C "$HERE" rev-parse --short HEAD)$(git -C "$HERE" diff --quiet HEAD -- ../../runtime || echo '+dirty')"
    for v in awsjson sdk floor typed-floor; do
        grep -A1 -E '^name = "(aws-config|aws-sdk-dynamodb|aws-sdk-partnercentralselling|aws-sdk-lambda|reqwest|rustls|hyper|tokio|idna_adapter)"$' "$v-bench/Cargo.lock" |
            paste - - - | awk -v v="$v" '{print v ": " $3 " " $6}' | tr -d '"'
    done
    echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "sections: $SECTIONS; MIX=$MIX BUILDS=$BUILDS RUNS=$RUNS CALLS=$CALLS CG_CALLS=$CG_CALLS LOAD_CALLS=$LOAD_CALLS"
} | tee "$OUT/machine.txt"

# Every variant is its own workspace with its own lock file, as a user's program is.
for m in awsjson-bench sdk-bench floor-bench typed-floor-bench canned-server; do
    cargo fetch --quiet --manifest-path "$HERE/$m/Cargo.toml"
done

has() { [[ " $SECTIONS " == *" $1 "* ]]; }

section_build() {
    echo "== clean builds (dependencies downloaded, nothing compiled)"
    for rep in $(seq "$BUILDS"); do
        for profile in $BUILD_PROFILES; do
            for v in $VARIANTS; do
                rm -rf "$(dir_of "$v" "$profile")"
                t=$(now)
                cargo build --offline --manifest-path "$HERE/$v-bench/Cargo.toml" $(profile_flag "$profile") \
                    --target-dir "$(dir_of "$v" "$profile")" 2> "$OUT/build-$v-$profile-$rep.log"
                record "clean_build_${profile}_s" "$v" "$(elapsed "$t")"
                if [ "$profile" = release ]; then
                    record crates_compiled "$v" "$(grep -c '^ *Compiling ' "$OUT/build-$v-$profile-$rep.log")"
                fi
            done
        done
    done
}

edit() { # file marker-kind: change the marked line (a real code change, not a comment)
    case $2 in
        call) sed -i -E '/BENCH-EDIT-CALL/ s/"([^"]*)"/"\1!"/' "$1" ;;
        decl) sed -i 's|// BENCH-EDIT-DECL|pub projection_expression: Option<String>,|' "$1" ;;
    esac
}

section_incr() {
    echo "== incremental debug rebuilds after one edit"
    for v in $VARIANTS; do ensure_built "$v" debug; done
    for rep in $(seq "$RUNS"); do
        for v in $VARIANTS; do
            kinds=call
            if [ "$v" = awsjson ]; then kinds="call decl"; fi
            for kind in $kinds; do
                src=$HERE/$v-bench/src/main.rs
                cp "$src" "$OUT/main.rs.orig"
                edit "$src" "$kind"
                t=$(now); build "$v" debug; record "incr_${kind}_debug_s" "$v" "$(elapsed "$t")"
                cp "$OUT/main.rs.orig" "$src"
                build "$v" debug
            done
        done
    done
}

section_mem() {
    echo "== peak memory of the user crate's rustc"
    for profile in release debug; do
        for v in $VARIANTS; do ensure_built "$v" "$profile"; done
        for rep in $(seq "$BUILDS"); do
            for v in $VARIANTS; do
                touch "$HERE/$v-bench/src/main.rs"
                : > "$OUT/rustc-mem.log"
                BENCH_RUSTC_LOG=$OUT/rustc-mem.log build "$v" "$profile"
                record "rustc_peak_rss_${profile}_mib" "$v" \
                    "$(sort -n "$OUT/rustc-mem.log" | tail -1 | awk '{printf "%.1f", $1 / 1024}')"
            done
        done
    done
}

section_size() {
    echo "== stripped release binary"
    for v in $VARIANTS; do
        ensure_built "$v" release
        strip -o "$OUT/$v-bench.stripped" "$(bin_of "$v")"
        record stripped_binary_mib "$v" "$(stat -c %s "$OUT/$v-bench.stripped" | awk '{printf "%.2f", $1 / 1048576}')"
        rm "$OUT/$v-bench.stripped"
    done
}

start_server() {
    for v in $VARIANTS; do ensure_built "$v" release; done
    cargo build --offline --quiet --release --manifest-path "$HERE/canned-server/Cargo.toml" \
        --target-dir "$BENCH_TARGET/server"
    taskset -c "$SERVER_CORE" "$BENCH_TARGET/server/release/canned-server" "$PORT" 2> "$OUT/server.log" &
    SERVER=$!
    sleep 0.5
}

# bash's `time` keeps getrusage's microseconds (GNU time prints hundredths: 2 µs a call
# at 5,000 calls); /usr/bin/time is there for the peak RSS.
TIMEFORMAT='%3U %3S'
cpu_of() { awk '{printf "%.4f", $1 + $2}' "$1"; }
timed() { # out-file command...: user and sys seconds to out-file, peak RSS to out-file.rss
    local out=$1
    shift
    { time /usr/bin/time -o "$out.rss" -f "%M" "$@" > /dev/null; } 2> "$out"
}

section_cpu() {
    echo "== client CPU per call and peak RSS ($CALLS sequential calls, client on core $CLIENT_CORE)"
    for rep in $(seq "$RUNS"); do
        for v in $VARIANTS; do
            timed "$OUT/t0" taskset -c "$CLIENT_CORE" "$(bin_of "$v")" seq 0
            timed "$OUT/tn" taskset -c "$CLIENT_CORE" "$(bin_of "$v")" seq "$CALLS"
            record "cpu_per_call_us$MIX_SUFFIX" "$v" \
                "$(echo "($(cpu_of "$OUT/tn") - $(cpu_of "$OUT/t0")) * 1000000 / $CALLS" | bc -l | xargs printf '%.1f')"
            record "startup_cpu_ms$MIX_SUFFIX" "$v" "$(echo "$(cpu_of "$OUT/t0") * 1000" | bc -l | xargs printf '%.1f')"
            record "peak_rss_mib$MIX_SUFFIX" "$v" "$(awk '{printf "%.1f", $1 / 1024}' "$OUT/tn.rss")"
        done
    done
}

section_callgrind() {
    echo "== instructions per call (callgrind, $CG_CALLS calls minus 0 calls)"
    for v in $VARIANTS; do
        for n in 0 "$CG_CALLS"; do
            taskset -c "$CLIENT_CORE" valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.$v.$n" \
                "$(bin_of "$v")" seq "$n" 2> "$OUT/callgrind.$v.$n.log"
        done
        ir() { grep -E '^(summary|totals):' "$1" | head -1 | awk '{print $2}'; }
        record "instructions_per_call$MIX_SUFFIX" "$v" \
            "$(( ($(ir "$OUT/callgrind.$v.$CG_CALLS") - $(ir "$OUT/callgrind.$v.0")) / CG_CALLS ))"
    done
}

section_rps() {
    echo "== requests per second and CPU per call under load ($LOAD_CALLS calls, client on core $CLIENT_CORE)"
    for rep in $(seq "$RUNS"); do
        for c in $LOADS; do
            for v in $VARIANTS; do
                # CPU of the whole run (start-up and warm-up calls too, about 6 ms) over
                # the calls: the client is CPU-bound at high concurrency, so this is the
                # figure requests/s follows, and less noisy than it on a shared machine.
                { time taskset -c "$CLIENT_CORE" "$(bin_of "$v")" load "$c" "$LOAD_CALLS" > "$OUT/load.out"; } 2> "$OUT/load.time"
                record "rps_c$c$MIX_SUFFIX" "$v" "$(awk '/^rps/ {print $2}' "$OUT/load.out")"
                record "cpu_per_call_c${c}_us$MIX_SUFFIX" "$v" \
                    "$(echo "$(cpu_of "$OUT/load.time") * 1000000 / $LOAD_CALLS" | bc -l | xargs printf '%.1f')"
            done
        done
    done
}

section_startup() {
    echo "== start-up: process start to the first response, client set up from the environment"
    # As a program on a developer's machine or in Lambda starts: region and credentials in
    # the shared config files, the endpoint in AWS_ENDPOINT_URL, nothing else set.
    local home=$OUT/home
    mkdir -p "$home/.aws"
    printf '[default]\nregion = us-east-1\n' > "$home/.aws/config"
    printf '[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = %s\n' \
        wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY > "$home/.aws/credentials"
    for rep in $(seq "$((RUNS * STARTS))"); do
        for v in $VARIANTS; do
            local t0=$EPOCHREALTIME
            env -i PATH="$PATH" HOME="$home" AWS_ENDPOINT_URL="$BENCH_ENDPOINT" BENCH_ENDPOINT="$BENCH_ENDPOINT" \
                taskset -c "$CLIENT_CORE" "$(bin_of "$v")" first > "$OUT/first.out"
            local t1=$EPOCHREALTIME
            record startup_wall_ms "$v" "$(echo "($t1 - $t0) * 1000" | bc -l | xargs printf '%.2f')"
            record startup_first_response_ms "$v" \
                "$(awk '/^first_response_us/ {printf "%.2f", $2 / 1000}' "$OUT/first.out")"
        done
    done
}

section_startup_https() {
    echo "== start-up over https: the same, the endpoint behind a TLS front (tls-front.py)"
    # The test CA is trusted through SSL_CERT_FILE (the system bundle plus it) and
    # SSL_CERT_DIR (the system directory without the bundle, which would be read twice):
    # every variant reads the system's roots as it does by default, plus one.
    local home=$OUT/home certs=$OUT/certs tls=$HERE/../../tests/tls port=$((PORT + 1))
    mkdir -p "$home/.aws" "$certs"
    printf '[default]\nregion = us-east-1\n' > "$home/.aws/config"
    printf '[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = %s\n' \
        wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY > "$home/.aws/credentials"
    local bundle=/etc/ssl/certs/ca-certificates.crt
    cat "$bundle" "$tls/ca.pem" > "$OUT/bundle.pem"
    for f in /etc/ssl/certs/*; do [ "$f" = "$bundle" ] || ln -sf "$f" "$certs/"; done
    taskset -c "$SERVER_CORE" python3 "$HERE/tls-front.py" "$tls/server.pem" "$tls/server.key" "$port" "$PORT" \
        2> "$OUT/tls-front.log" &
    local front=$!
    sleep 0.5
    local endpoint=https://localhost:$port
    run_first() {
        env -i PATH="$PATH" HOME="$home" AWS_ENDPOINT_URL="$endpoint" BENCH_ENDPOINT="$endpoint" \
            SSL_CERT_FILE="$OUT/bundle.pem" SSL_CERT_DIR="$certs" "$@"
    }
    for v in $VARIANTS; do
        run_first taskset -c "$CLIENT_CORE" valgrind --tool=callgrind \
            --callgrind-out-file="$OUT/callgrind.first-https.$v" "$(bin_of "$v")" first \
            > /dev/null 2> "$OUT/callgrind.first-https.$v.log"
        record startup_https_instructions "$v" \
            "$(grep -E '^(summary|totals):' "$OUT/callgrind.first-https.$v" | head -1 | awk '{print $2}')"
    done
    for rep in $(seq "$((RUNS * STARTS))"); do
        for v in $VARIANTS; do
            run_first taskset -c "$CLIENT_CORE" "$(bin_of "$v")" first > "$OUT/first.out"
            record startup_https_first_response_ms "$v" \
                "$(awk '/^first_response_us/ {printf "%.2f", $2 / 1000}' "$OUT/first.out")"
        done
    done
    kill "$front" 2>/dev/null || true
}

SERVER=
stop_server() { [ -z "$SERVER" ] || kill "$SERVER" 2>/dev/null || true; SERVER=; }
trap stop_server EXIT
for section in $SECTIONS; do
    case $section in
        cpu | callgrind | rps | startup | startup_https) [ -n "$SERVER" ] || start_server ;;
        *) stop_server ;;
    esac
    "section_$section"
done
stop_server

python3 "$HERE/summarize.py" "$OUT" ${MERGE:-} | tee "$OUT/summary.md"
echo "results in $OUT"
