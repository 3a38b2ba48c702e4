#!/usr/bin/env bash
# Runs a command against a local moto server: installs moto (pinned, into .venv, once),
# starts it on a free loopback port with signature checking on, points the standard
# AWS variables at it, runs the command, and stops moto when the command ends.
#
#   scripts/with-moto.sh cargo run -p awsjson-examples --bin dynamodb
#   scripts/with-moto.sh cargo run -p awsjson-examples --bin kms
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -eq 0 ]; then
    echo "usage: scripts/with-moto.sh COMMAND [ARGS...]" >&2
    exit 2
fi

. scripts/moto.sh
moto_start

export AWS_ENDPOINT_URL="$AWSJSON_MOTO_URL"
export AWS_ACCESS_KEY_ID="$AWSJSON_MOTO_ACCESS_KEY_ID"
export AWS_SECRET_ACCESS_KEY="$AWSJSON_MOTO_SECRET_ACCESS_KEY"
export AWS_REGION=us-east-1
unset AWS_SESSION_TOKEN AWS_DEFAULT_REGION AWS_PROFILE

"$@"
