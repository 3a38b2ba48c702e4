#!/usr/bin/env bash
# What each part of the generated code costs the compiler: a sample crate's expansion
# built as a crate of its own, whole and with parts taken out (ablate.py), each build's
# rustc RSS after the phases that hold the memory (`-Ztime-passes`; these snapshots
# repeat within a few MB from run to run, where the peak of /usr/bin/time moves by
# 20 to 40 MB at N = 100 with the load), and its peak. See BENCHMARKS.md, "Where the
# rest of the memory is".
#
#   SAMPLE=benches/compile/work/awsjson-100 CARGO_TARGET_DIR=benches/compile/target \
#       benches/compile/ablate.sh 'drop:misfit const' stub:read stub:write stub:read+stub:write
#
# SAMPLE: a crate of `awsjson-cli sample` (run.sh's WORK has them), built once before
# with the same CARGO_TARGET_DIR so its dependencies are there. WORK: where the
# expansion's crate goes (default $CARGO_TARGET_DIR/ablate). Prints one row per variant.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
: "${SAMPLE:?SAMPLE=<sample crate dir>}"
: "${CARGO_TARGET_DIR:?CARGO_TARGET_DIR=<the target dir the sample was built in>}"
# Absolute: the builds below run in the sample's directory and in WORK's.
CARGO_TARGET_DIR=$(realpath -m "$CARGO_TARGET_DIR")
export CARGO_TARGET_DIR
WORK=$(realpath -m "${WORK:-$CARGO_TARGET_DIR/ablate}")
SAMPLE=$(cd "$SAMPLE" && pwd)
name=$(sed -n 's/^name = "\(.*\)"/\1/p' "$SAMPLE/Cargo.toml" | head -1)

mkdir -p "$WORK/crate/src"
(cd "$SAMPLE" && cargo clean -q -p "$name" &&
    BENCH_EXPAND="$WORK/expanded.rs" RUSTC_WORKSPACE_WRAPPER="$HERE/rustc-wrapper.sh" \
        cargo build -q --offline)
cp "$SAMPLE/Cargo.toml" "$WORK/crate/"
cp "$SAMPLE/Cargo.lock" "$WORK/crate/" 2>/dev/null || true
python3 "$HERE/ablate.py" crate "$WORK/expanded.rs" "$WORK/whole.rs"

phase() { # phase FILE NAME: RSS (MB) after that phase
    awk -v p="$2" -F'\t' '$2 == p { sub(/.*-> */, "", $1); sub(/MB.*/, "", $1); print $1 }' "$1"
}
printf '%-40s %10s %10s %10s %10s %12s\n' variant typeck borrowck collector codegen "peak KiB"
for variant in whole "$@"; do
    if [ "$variant" = whole ]; then
        cp "$WORK/whole.rs" "$WORK/crate/src/main.rs"
    else
        python3 "$HERE/ablate.py" variant "$WORK/whole.rs" "$WORK/crate/src/main.rs" "$variant"
    fi
    cd "$WORK/crate"
    cargo clean -q -p "$name"
    : >"$WORK/peak.txt"
    # The expansion's own warnings (unused imports of the sample) go to build.log.
    RUSTC_BOOTSTRAP=1 BENCH_TIME_PASSES="$WORK/passes.txt" BENCH_RUSTC_LOG="$WORK/peak.txt" \
        RUSTC_WORKSPACE_WRAPPER="$HERE/rustc-wrapper.sh" cargo build -q --offline 2>"$WORK/build.log" ||
        { grep -A8 '^error' "$WORK/build.log" | head -40; echo "rustc's messages: $WORK/passes.txt"; exit 1; }
    printf '%-40s %10s %10s %10s %10s %12s\n' "$variant" \
        "$(phase "$WORK/passes.txt" type_check_crate)" \
        "$(phase "$WORK/passes.txt" MIR_borrow_checking)" \
        "$(phase "$WORK/passes.txt" monomorphization_collector_graph_walk)" \
        "$(phase "$WORK/passes.txt" codegen_crate)" \
        "$(awk '{ print $3 }' "$WORK/peak.txt" | tail -1)"
done
