#!/usr/bin/env bash
# The whole test suite, on a fresh machine: sets up what the tests need, then runs
# every test of the workspace (unit, doc, protocol vectors, SigV4 suite, UI tests,
# integration tests against moto).
#
# Needs Rust and Python 3 (with venv and pip): moto, pinned, is installed into .venv
# on the first run and reused after; it runs on a free loopback port for the duration
# of the tests (signature checking on) and is stopped on exit.
#
# With arguments, runs `cargo test ARGS...` instead, against the same moto:
#   scripts/test.sh -p awsjson-tests --test test_dynamodb
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/moto.sh
moto_start

if [ $# -gt 0 ]; then
    cargo test "$@"
else
    cargo test --workspace --all-targets
    cargo test --workspace --doc
fi
