#!/usr/bin/env bash
# Instructions the proc macro executes per build of a user crate, counted by callgrind
# inside `aws_json_operation` and `aws_json_shape` (everything they call: parsing,
# the catalog's index and service decoding, the checks, code generation), for this
# checkout and, if BASELINE names one, another checkout of the repository, built in
# the same target dir. Counts, unlike wall time, do not move with the load of a
# shared machine. A benchmark, not a test: run by hand, figures go to BENCHMARKS.md.
#
#   BASELINE=/path/to/other/checkout tools/bench-catalog-instructions.sh
#
# Crates (declarations as `awsjson-cli scaffold` prints them, so all checked by the
# catalog): "1" = DynamoDB PutItem with its shapes; "25" = 25 DynamoDB operations.
# Work dir: $BENCH_DIR, default $CARGO_TARGET_DIR/bench-catalog-instructions (or
# target/...): the crates build in the checkout's own target dir.
set -euo pipefail
# The count covers macro expansion, which incremental compilation never skips;
# without it no session directory is shared between the two checkouts' crates.
export CARGO_INCREMENTAL=0

root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
work=${BENCH_DIR:-$target/bench-catalog-instructions}
mkdir -p "$work"
cd "$root"
cargo build -q -p awsjson-cli
cli="$target/debug/awsjson-cli"

ops_25="PutItem GetItem DeleteItem UpdateItem Query Scan BatchGetItem BatchWriteItem
  ListTables DescribeTable CreateTable DeleteTable UpdateTable TransactGetItems
  TransactWriteItems DescribeTimeToLive UpdateTimeToLive ListTagsOfResource TagResource
  UntagResource DescribeLimits DescribeEndpoints CreateBackup DescribeBackup ListBackups"

# The wrapper runs only for the bench crate (a workspace of its own): rustc under
# callgrind, counting from entry to exit of the two attribute macros.
wrapper="$work/callgrind-rustc.sh"
cat >"$wrapper" <<'EOF'
#!/bin/sh
exec valgrind --tool=callgrind --callgrind-out-file="$CALLGRIND_OUT" --log-file="$CALLGRIND_OUT.log" \
    --collect-atstart=no \
    --toggle-collect='awsjson_macros::aws_json_operation' \
    --toggle-collect='awsjson_macros::aws_json_shape' \
    "$@"
EOF
chmod +x "$wrapper"

checkouts="$root"
if [ -n "${BASELINE:-}" ]; then
    checkouts="$(cd "$BASELINE" && pwd) $root"
fi
for n in 1 25; do
    if [ "$n" = 1 ]; then ops=PutItem; else ops=$ops_25; fi
    # shellcheck disable=SC2086
    $cli scaffold dynamodb $ops >"$work/decls-$n.rs"
done
printf '%-50s %-4s %s\n' checkout ops "instructions in the macros"
slot=0
for checkout in $checkouts; do
    # Crate names differ per checkout: both build in the same target dir.
    slot=$((slot + 1))
    tag=$(echo "$checkout" | tr '/' '_')
    for n in 1 25; do
        d="$work/$tag-$n"
        mkdir -p "$d/src"
        cat >"$d/Cargo.toml" <<EOF
[package]
name = "bench_instructions_${slot}_$n"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
awsjson = { path = "$checkout/runtime" }

[workspace]
EOF
        # The checkout's lock file: the dependencies its own builds already compiled.
        cp "$checkout/Cargo.lock" "$d/Cargo.lock"
        { echo '#![allow(dead_code, clippy::all)]'; cat "$work/decls-$n.rs"; } >"$d/src/lib.rs"
        cargo build -q --manifest-path "$d/Cargo.toml"
        touch "$d/src/lib.rs"
        out="$d/callgrind.out"
        CALLGRIND_OUT="$out" RUSTC_WORKSPACE_WRAPPER="$wrapper" \
            cargo build -q --manifest-path "$d/Cargo.toml"
        total=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$out")
        printf '%-50s %-4s %s\n' "$checkout" "$n" "$total"
    done
done
echo "macros: $(stat -c %s "$root/macros/catalog/catalog.bin") + $(stat -c %s "$root/macros/catalog/restjson.bin" 2>/dev/null || echo 0) embedded bytes; $(rustc --version)"
