#!/bin/sh
# Regenerate macros/catalog/*.bin from the pinned botocore, and the restJson1 sample the
# catalog's tests compare against.
# Usage (from anywhere): tools/gen-catalog/run.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
# --no-deps: the generator reads botocore's data files and needs none of its runtime deps.
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps -r "$here/requirements.txt"
cd "$root"
"$venv/bin/python" "$here/gen_catalog.py" --out macros/catalog
exec "$venv/bin/python" "$here/sample_extract.py" --out macros/src/catalog/testdata/restjson-sample.json
