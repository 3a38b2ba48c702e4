#!/bin/sh
# Refresh tests/vectors/endpoint-rules/ from the botocore pinned in
# tools/gen-catalog/requirements.txt (its source distribution carries the tests).
# Usage (from anywhere): tools/endpoint-rules/run.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
spec=$(grep -E '^botocore==' "$root/tools/gen-catalog/requirements.txt")
version=${spec#botocore==}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --disable-pip-version-check --no-deps --no-binary :all: \
    -d "$tmp" "$spec"
tar -xzf "$tmp/botocore-$version.tar.gz" -C "$tmp"
python3 "$here/extract.py" "$tmp/botocore-$version" "$root/tests/vectors/endpoint-rules"
