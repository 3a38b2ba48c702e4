#!/usr/bin/env python3
"""Copy botocore's endpoint-rule test cases of the cataloged services into the repo.

Usage: tools/endpoint-rules/extract.py BOTOCORE_SDIST_DIR OUT_DIR

BOTOCORE_SDIST_DIR is the unpacked source distribution of the botocore the catalog is
generated from (tools/gen-catalog/requirements.txt): unlike the wheel, the sdist carries
tests/functional/endpoint-rules/<service>/endpoint-tests-1.json. `run.sh` beside this
file downloads and unpacks it. Writes OUT_DIR/<service>.json for every service whose
latest model speaks the JSON protocol (the catalog's selection), minified, with the
cases in their original order; a case's number in the runner is its index there.
"""
import gzip
import json
import os
import sys


def load(path):
    if os.path.exists(path):
        with open(path, "rb") as f:
            return json.load(f)
    if os.path.exists(path + ".gz"):
        with gzip.open(path + ".gz", "rb") as f:
            return json.load(f)
    return None


def json_services(data):
    """The catalog's services: the latest API version's model speaks `json`."""
    for name in sorted(os.listdir(data)):
        sdir = os.path.join(data, name)
        if not os.path.isdir(sdir):
            continue
        versions = sorted(v for v in os.listdir(sdir) if load(os.path.join(sdir, v, "service-2.json")))
        if not versions:
            continue
        meta = load(os.path.join(sdir, versions[-1], "service-2.json"))["metadata"]
        if meta.get("protocol") == "json" or "json" in meta.get("protocols", []):
            yield name


def main():
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(out):
        if f.endswith(".json"):
            os.remove(os.path.join(out, f))
    services = cases = 0
    for name in json_services(os.path.join(src, "botocore", "data")):
        tests = load(os.path.join(src, "tests", "functional", "endpoint-rules", name, "endpoint-tests-1.json"))
        if tests is None:
            print(f"{name}: no endpoint tests", file=sys.stderr)
            continue
        services += 1
        cases += len(tests["testCases"])
        with open(os.path.join(out, name + ".json"), "w") as f:
            json.dump(tests, f, separators=(",", ":"), sort_keys=False)
            f.write("\n")
    print(f"{services} services, {cases} cases", file=sys.stderr)


if __name__ == "__main__":
    main()
