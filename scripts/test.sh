#!/usr/bin/env bash
# The whole test suite, on a fresh machine: sets up what the tests need, then runs
# every test of the workspace (unit, doc, protocol vectors, SigV4 suite, UI tests,
# integration tests).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --workspace --all-targets "$@"
cargo test --workspace --doc
