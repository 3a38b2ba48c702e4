#!/usr/bin/env bash
# Compile cost per operation (issue 20): crates of N scaffolded operations drawn from
# every service of the catalog in proportion (`awsjson-cli sample`, fixed seed), and a
# near-empty crate (the same program with no operation), each built alone with its
# dependencies prebuilt. See BENCHMARKS.md, "Compile cost per operation".
#
#   benches/compile/run.sh                    N = 10 100 400, debug and release, the SDK for N = 10
#   SIZES="100" SIDES=awsjson PROFILES=debug benches/compile/run.sh   one figure, quickly
#
# Per crate and profile: wall time of `cargo build` of the crate alone (after `cargo
# clean -p` of it: a first build, incremental cache empty), its rustc's wall time and
# peak RSS (/usr/bin/time around that rustc only), the binary's size (release stripped),
# the scaffold's lines and, in debug, the lines of the macro-expanded crate (rustc's
# `-Zunpretty=expanded`, what `cargo expand` prints before rustfmt). summary.md gives
# each figure and the per-operation share: (crate − near-empty) / N.
#
# The official SDK's side (SDK_SIZES, default 10): the same calls through the
# `aws-sdk-*` crate of each service drawn, a client per service (`--sdk` of the sample).
# There the operations' code is in the service crates, so their build (all of each
# service's operations) is timed too: every `aws-sdk-*` crate of the crate cleaned and
# rebuilt, aws-config and the rest prebuilt.
#
# The typed floor's side (SIDES typed): the same crates with serde's derives in place of
# awsjson's macros and a generic `send` of 40 lines (typed_floor.py), the cost of typed
# declarations with serde alone.
#
# Knobs: SIZES, SDK_SIZES ("" skips the SDK), SIDES (awsjson typed sdk), PROFILES (debug
# release), RUNS (timed builds per crate and profile, 1), SEED (1), EXPAND (1: count
# expanded lines), CARGO_TARGET_DIR (default benches/compile/target; the dependencies
# are built there once), WORK (the generated crates; benches/compile/work). The SDK crates come from crates.io (network on the first run).
# Results: benches/compile/results/<time>/ (results.tsv: every sample; summary.md).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

SIZES=${SIZES:-"10 100 400"}
SDK_SIZES=${SDK_SIZES-10}
SIDES=${SIDES:-"awsjson typed sdk"}
PROFILES=${PROFILES:-"debug release"}
RUNS=${RUNS:-1}
SEED=${SEED:-1}
EXPAND=${EXPAND:-1}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HERE/target}
WORK=${WORK:-$HERE/work}
OUT=$HERE/results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT" "$WORK"
TSV=$OUT/results.tsv
: >"$TSV"
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time missing: apt-get install -y time" >&2; exit 1; }
command -v strip >/dev/null || { echo "run.sh: strip missing: apt-get install -y binutils" >&2; exit 1; }
# From the repository, so that rustup picks its pinned toolchain for every build.
cd "$ROOT"

record() { printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >>"$TSV"; echo "  $1 $2 $3 $4 = $5"; }
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc -l | xargs printf '%.2f'; }
profile_flag() { [ "$1" = release ] && echo --release || true; }
profile_dir() { [ "$1" = release ] && echo release || echo debug; }

{
    echo "date: $(date -u +%FT%TZ)"
    echo "cpu: $(lscpu | sed -n 's/^Model name: *//p') x $(nproc)"
    echo "memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
    echo "rustc: $(rustc -V)"
    echo "awsjson: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- macros runtime cli || echo '+dirty')"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "SIZES=$SIZES SDK_SIZES=$SDK_SIZES SIDES=$SIDES PROFILES=$PROFILES RUNS=$RUNS SEED=$SEED"
} | tee "$OUT/machine.txt"

cargo build -q -p awsjson-cli
cli=$CARGO_TARGET_DIR/debug/awsjson-cli

# The crates: awsjson-<n> (and sdk-<n> for SDK_SIZES), 0 being the near-empty one.
for n in 0 $SIZES; do
    sdk=()
    if [[ " 0 $SDK_SIZES " == *" $n "* ]]; then sdk=(--sdk "$WORK/sdk-$n"); fi
    rm -rf "$WORK/awsjson-$n/src" "$WORK/sdk-$n/src"
    "$cli" sample --seed "$SEED" --awsjson "$ROOT/runtime" "${sdk[@]}" "$n" "$WORK/awsjson-$n" |
        tee "$OUT/sample-$n.txt"
    # The workspace's versions: the dependencies are the ones its own builds use.
    cp Cargo.lock "$WORK/awsjson-$n/Cargo.lock"
    record scaffold_lines awsjson "$n" - "$(awk '{print $(NF - 3)}' "$OUT/sample-$n.txt")"
done

# crate_of <side> <n> → package name; manifest_of → its Cargo.toml
crate_of() {
    case $1 in
        sdk) echo "awsjson-sample-sdk-$2" ;;
        typed) echo "awsjson-sample-typed-$2" ;;
        *) echo "awsjson-sample-$2" ;;
    esac
}
manifest_of() { echo "$WORK/$1-$2/Cargo.toml"; }

build() { # side n profile [cargo args]: builds, rustc log to $OUT/rustc.log
    local side=$1 n=$2 profile=$3
    shift 3
    : >"$OUT/rustc.log"
    BENCH_RUSTC_LOG=$OUT/rustc.log cargo build --offline --quiet --manifest-path "$(manifest_of "$side" "$n")" \
        $(profile_flag "$profile") "$@"
}

rustc_of() { # crate-name-prefix field(2: s, 3: KiB) → the max over that prefix's rustc runs
    awk -v p="$1" -v f="$2" 'index($1, p) == 1 && $f > m { m = $f } END { print m + 0 }' "$OUT/rustc.log"
}

measure_crate() { # side n profile: the crate alone, dependencies built
    local side=$1 n=$2 profile=$3 name t
    name=$(crate_of "$side" "$n")
    cargo clean -q -p "$name" --manifest-path "$(manifest_of "$side" "$n")" $(profile_flag "$profile")
    t=$(now)
    build "$side" "$n" "$profile"
    record "build_${profile}_s" "$side" "$n" "$profile" "$(since "$t")"
    record "rustc_${profile}_s" "$side" "$n" "$profile" "$(rustc_of "${name//-/_}" 2)"
    record "rustc_peak_${profile}_mib" "$side" "$n" "$profile" \
        "$(echo "$(rustc_of "${name//-/_}" 3) / 1024" | bc -l | xargs printf '%.0f')"
}

binary_size() { # side n profile
    local bin
    bin=$CARGO_TARGET_DIR/$(profile_dir "$3")/$(crate_of "$1" "$2")
    if [ "$3" = release ]; then
        strip -o "$OUT/stripped" "$bin"
        bin=$OUT/stripped
    fi
    record "binary_${3}_mib" "$1" "$2" "$3" "$(stat -c %s "$bin" | awk '{printf "%.2f", $1 / 1048576}')"
    rm -f "$OUT/stripped"
}

expanded_lines() { # n: the crate's source after macro expansion (debug)
    local name
    name=$(crate_of awsjson "$1")
    cargo clean -q -p "$name" --manifest-path "$(manifest_of awsjson "$1")"
    BENCH_EXPAND=$OUT/expanded-$1.rs cargo build --offline --quiet --manifest-path "$(manifest_of awsjson "$1")"
    record expanded_lines awsjson "$1" debug "$(wc -l <"$OUT/expanded-$1.rs")"
    rm "$OUT/expanded-$1.rs"
    # The expansion left no binary behind a fresh fingerprint: clean, so that the
    # next build builds.
    cargo clean -q -p "$name" --manifest-path "$(manifest_of awsjson "$1")"
}

measure_sizes() { # side title: every size and profile of a side's crates
    export RUSTC_WORKSPACE_WRAPPER=$HERE/rustc-wrapper.sh
    for profile in $PROFILES; do
        echo "== $2, $profile: dependencies (untimed)"
        build "$1" 0 "$profile"
        for rep in $(seq "$RUNS"); do
            for n in 0 $SIZES; do
                measure_crate "$1" "$n" "$profile"
                [ "$rep" != 1 ] || binary_size "$1" "$n" "$profile"
            done
        done
    done
}

side_awsjson() {
    measure_sizes awsjson awsjson
    if [ "$EXPAND" = 1 ]; then
        for n in 0 $SIZES; do expanded_lines "$n"; done
    fi
    unset RUSTC_WORKSPACE_WRAPPER
}

side_typed() {
    # The same crates with serde's derives in place of awsjson's macros (typed_floor.py):
    # what typed declarations cost with serde alone.
    for n in 0 $SIZES; do
        rm -rf "$WORK/typed-$n/src"
        python3 "$HERE/typed_floor.py" "$WORK/awsjson-$n" "$WORK/typed-$n"
        cp Cargo.lock "$WORK/typed-$n/Cargo.lock"
    done
    measure_sizes typed "typed floor"
    unset RUSTC_WORKSPACE_WRAPPER
}

side_sdk() {
    # Every rustc, so that the service crates' runs are logged too.
    export RUSTC_WRAPPER=$HERE/rustc-wrapper.sh
    for n in 0 $SDK_SIZES; do
        cargo fetch --quiet --manifest-path "$(manifest_of sdk "$n")"
        cp "$WORK/sdk-$n/Cargo.lock" "$OUT/sdk-$n.Cargo.lock"
        grep -A1 -E '^name = "aws-(config|sdk-[a-z0-9]+)"$' "$WORK/sdk-$n/Cargo.lock" | paste - - |
            awk '{print $3 " " $6}' | tr -d '"' >>"$OUT/machine.txt"
    done
    for profile in $PROFILES; do
        echo "== SDK, $profile: aws-config and the rest (untimed)"
        build sdk 0 "$profile"
        for rep in $(seq "$RUNS"); do
            for n in $SDK_SIZES; do
                # The service crates: each cleaned, then built with the crate.
                local services
                services=$(grep -o '^aws-sdk-[a-z0-9]*' "$(manifest_of sdk "$n")" | sed 's/^/-p /')
                # shellcheck disable=SC2086
                cargo clean -q --manifest-path "$(manifest_of sdk "$n")" $(profile_flag "$profile") \
                    -p "$(crate_of sdk "$n")" $services
                t=$(now)
                build sdk "$n" "$profile"
                record "service_crates_build_${profile}_s" sdk "$n" "$profile" "$(since "$t")"
                record "service_crates_rustc_peak_${profile}_mib" sdk "$n" "$profile" \
                    "$(echo "$(rustc_of aws_sdk_ 3) / 1024" | bc -l | xargs printf '%.0f')"
                record "service_crates_rustc_${profile}_s" sdk "$n" "$profile" \
                    "$(awk '$1 ~ /^aws_sdk_/ {s += $2} END {printf "%.2f", s}' "$OUT/rustc.log")"
                grep '^aws_sdk_' "$OUT/rustc.log" | sed "s/^/$profile /" >>"$OUT/sdk-service-crates.txt"
            done
            for n in 0 $SDK_SIZES; do
                measure_crate sdk "$n" "$profile"
                [ "$rep" != 1 ] || binary_size sdk "$n" "$profile"
            done
        done
    done
    unset RUSTC_WRAPPER
}

for side in $SIDES; do
    case $side in
        awsjson) side_awsjson ;;
        typed) side_typed ;;
        sdk) [ -z "$SDK_SIZES" ] || side_sdk ;;
    esac
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
rm -f "$OUT/rustc.log"
python3 "$HERE/summarize.py" "$OUT" | tee "$OUT/summary.md"
echo "results in $OUT"
