#!/usr/bin/env bash
# Compile cost of generated code: a crate of 100 scaffolded operations (the first two
# operations of the first 50 catalog services, each service in its own module), built
# in debug against the awsjson of a given checkout. Prints the crate's own build time
# (dependencies prebuilt: only the crate is rebuilt) and the peak resident memory of
# that build (GNU time's "Maximum resident set size", the largest process: rustc).
#
#   benches/codegen/run.sh [AWSJSON_CHECKOUT] [WORK_DIR]
#
# AWSJSON_CHECKOUT defaults to this checkout; WORK_DIR to a fresh temporary directory.
# Builds use $CARGO_TARGET_DIR (required: the crate shares the workspace's dependencies).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
src=$(cd "${1:-$here}" && pwd)
work=${2:-$(mktemp -d)}
: "${CARGO_TARGET_DIR:?set CARGO_TARGET_DIR to the workspace target dir}"
services=${SERVICES:-50}
per=${PER_SERVICE:-2}

cargo build -q --manifest-path "$here/Cargo.toml" -p awsjson-cli
cli="$CARGO_TARGET_DIR/debug/awsjson-cli"

mkdir -p "$work/src"
cat >"$work/Cargo.toml" <<TOML
[package]
name = "codegen-bench"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
awsjson = { path = "$src/runtime" }

[workspace]
TOML
cp "$here/Cargo.lock" "$work/Cargo.lock"
: >"$work/src/lib.rs"
echo "#![allow(dead_code, clippy::all)]" >>"$work/src/lib.rs"
n=0
for service in $("$cli" services | grep -v '^#' | cut -f1 | head -n "$services"); do
    ops=$("$cli" operations "$service" | head -n "$per")
    module=$(echo "$service" | tr '-' '_')
    # shellcheck disable=SC2086
    "$cli" scaffold "$service" $ops >"$work/src/$module.rs"
    echo "pub mod $module;" >>"$work/src/lib.rs"
    n=$((n + $(echo "$ops" | wc -l)))
done
echo "operations: $n, scaffold lines: $(cat "$work"/src/*.rs | wc -l)"

cd "$work"
cargo build -q --offline 2>&1 | tail -3
touch src/lib.rs
/usr/bin/time -v cargo build -q --offline 2>"$work/time.txt"
grep -E 'Elapsed|Maximum resident' "$work/time.txt"
