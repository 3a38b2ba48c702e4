#!/usr/bin/env bash
# The whole test suite, on a fresh machine: sets up what the tests need, then runs
# every test of the workspace (unit, doc, protocol vectors, SigV4 suite, UI tests,
# stub and fault tests, and the integration tests against moto).
#
# Plain `cargo test --workspace` runs everything but the moto tests, which sit behind
# the `moto` feature of awsjson-tests (tests/README.md says why). This script installs
# moto (pinned, into .venv, on the first run), starts it on a free loopback port
# (signature checking on), turns the feature on, and fails if any moto test target
# ran no test: a suite that skipped moto does not pass here.
#
# With arguments, runs `cargo test ARGS...` instead, against the same moto (with the
# moto feature when the arguments select awsjson-tests or the workspace):
#   scripts/test.sh -p awsjson-tests --test test_dynamodb
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${CI:-}" ] && [ -n "${TRYBUILD:-}${AWSJSON_BLESS:-}" ]; then
    echo "error: TRYBUILD / AWSJSON_BLESS rewrite the expected output; they are refused under CI" >&2
    exit 1
fi

. scripts/moto.sh
moto_start

MOTO_FEATURE=awsjson-tests/moto

# The test targets of awsjson-tests that need moto (required-features = ["moto"]).
moto_targets() {
    cargo metadata --no-deps --format-version 1 | python3 -c '
import json, sys
for package in json.load(sys.stdin)["packages"]:
    if package["name"] == "awsjson-tests":
        for target in package["targets"]:
            if "moto" in (target.get("required-features") or []):
                print(target["name"])
'
}

# Fails unless each moto target, and the moto module of test_credentials, ran at
# least one test in the run logged in $1 (cargo's "Running tests/NAME.rs" lines,
# then libtest's "test result" line of that binary).
check_moto_ran() {
    local log=$1 targets target passed missing=0 total=0
    targets=$(moto_targets)
    [ -n "$targets" ] || moto_die "no test target of awsjson-tests requires the moto feature: tests/Cargo.toml lost its [[test]] entries"
    for target in $targets; do
        passed=$(awk -v file="tests/$target.rs" '
            $1 == "Running" { current = ($2 == file) }
            current && /^test result:/ { for (i = 1; i <= NF; i++) if ($(i + 1) ~ /^passed/) print $i; current = 0 }
        ' "$log" | head -n 1)
        if [ -z "$passed" ] || [ "$passed" -eq 0 ]; then
            echo "error: moto test target $target ran no test" >&2
            missing=1
        else
            total=$((total + passed))
        fi
    done
    passed=$(grep -c '^test sts::.* ok$' "$log" || true)
    if [ "$passed" -eq 0 ]; then
        echo "error: the moto tests of test_credentials.rs (mod sts) did not run" >&2
        missing=1
    fi
    total=$((total + passed))
    [ "$missing" -eq 0 ] || moto_die "the moto tests did not all run (see above); the suite is not complete"
    echo "moto tests: $total passed in $(echo "$targets" | wc -w) targets and test_credentials::sts" >&2
}

if [ $# -gt 0 ]; then
    features=()
    for arg in "$@"; do
        case "$arg" in
        awsjson-tests | --package=awsjson-tests | -pawsjson-tests | --workspace | --all)
            features=(--features "$MOTO_FEATURE")
            ;;
        esac
    done
    cargo test "${features[@]}" "$@"
else
    cargo test --workspace --doc
    # The examples the README lists, against the same moto.
    for example in dynamodb kms timestream lambda bedrock_runtime apigateway; do
        echo "example $example:"
        env -u AWS_SESSION_TOKEN -u AWS_PROFILE \
            AWS_ENDPOINT_URL="$AWSJSON_MOTO_URL" AWS_REGION=us-east-1 \
            AWS_ACCESS_KEY_ID="$AWSJSON_MOTO_ACCESS_KEY_ID" \
            AWS_SECRET_ACCESS_KEY="$AWSJSON_MOTO_SECRET_ACCESS_KEY" \
            cargo run -q -p awsjson-examples --bin "$example"
    done
    # Bedrock's ConverseStream, in the default build: moto has no ConverseStream, so
    # without credentials the example answers itself through the stub.
    echo "example bedrock_converse_stream (local stub endpoint):"
    env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN -u AWS_PROFILE \
        cargo run -q -p awsjson-examples --bin bedrock_converse_stream
    # The event-stream calls of the `http2` feature, in a run of their own so that
    # the main suite keeps testing the default, HTTP/1.1-only build; moto does not
    # implement SubscribeToShard: the example answers itself through the stub.
    echo "example kinesis_subscribe (http2 feature, local stub endpoint):"
    env -u KINESIS_CONSUMER_ARN -u KINESIS_SHARD_ID \
        cargo run -q -p awsjson-examples --features http2 --bin kinesis_subscribe
    cargo test -p awsjson-tests --features http2 --test test_event_input --test test_subscribe_to_shard
    # Last, so that the run closes on the test counts of the main suite.
    log=target/test-run-$$.log
    cargo test --workspace --all-targets --features "$MOTO_FEATURE" 2>&1 | tee "$log"
    check_moto_ran "$log"
    rm -f "$log"
fi
