#!/usr/bin/env python3
"""Write the restJson1 sample the catalog's unit tests compare against.

Run through `tools/gen-catalog/run.sh`. For a fixed list of operations it copies
botocore's own JSON (operation entries and every shape they reach, documentation
removed) into macros/src/catalog/testdata/restjson-sample.json, so that the tests
check the decoded catalog against botocore's words without the network.
"""

import argparse
import importlib.metadata
import json
import os

from gen_catalog import load_json

# Chosen to cover every binding: labels (greedy too), literal queries, query lists,
# maps and timestamps, headers (lists, timestamps), prefix headers, payloads of each
# kind (structure, blob, streaming blob with and without requiresLength, event
# streams both ways), status codes, host prefixes with a host label, query
# idempotency tokens, unsigned payloads, and errors with their status codes.
SAMPLE = {
    "apigateway": ["GetExport", "GetRestApis", "ImportRestApi"],
    "dataexchange": ["SendApiAsset"],
    "glacier": ["GetJobOutput", "UploadArchive"],
    "iot": ["CreatePackage", "GetTopicRuleDestination"],
    "lambda": [
        "GetFunction",
        "Invoke",
        "InvokeWithResponseStream",
        "ListDurableExecutionsByFunction",
        "ListFunctions",
        "UntagResource",
    ],
    "mediastore-data": ["GetObject", "PutObject"],
    "neptune-graph": ["ExecuteQuery"],
    "omics": ["UploadReadSetPart"],
    "polly": ["StartSpeechSynthesisStream", "SynthesizeSpeech"],
}


def strip_docs(value):
    if isinstance(value, dict):
        return {k: strip_docs(v) for k, v in value.items() if k != "documentation"}
    if isinstance(value, list):
        return [strip_docs(v) for v in value]
    return value


def extract(data, name, operations):
    sdir = os.path.join(data, name)
    versions = sorted(v for v in os.listdir(sdir) if load_json(os.path.join(sdir, v, "service-2.json")))
    model = load_json(os.path.join(sdir, versions[-1], "service-2.json"))
    shapes = model["shapes"]
    keep = set()

    def reach(sname):
        if sname in keep:
            return
        keep.add(sname)
        sh = shapes[sname]
        for m in sh.get("members", {}).values():
            reach(m["shape"])
        for k in ("member", "key", "value"):
            if k in sh:
                reach(sh[k]["shape"])

    ops = {}
    for oname in operations:
        op = model["operations"][oname]
        ops[oname] = op
        for k in ("input", "output"):
            if k in op:
                reach(op[k]["shape"])
        for e in op.get("errors", []):
            reach(e["shape"])
    meta = model["metadata"]
    return strip_docs(
        {
            "metadata": {k: meta[k] for k in ("protocol", "signatureVersion", "endpointPrefix") if k in meta},
            "operations": ops,
            "shapes": {s: shapes[s] for s in sorted(keep)},
        }
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="macros/src/catalog/testdata/restjson-sample.json")
    args = ap.parse_args()
    import botocore

    data = os.path.join(os.path.dirname(botocore.__file__), "data")
    sample = {
        "botocore": importlib.metadata.version("botocore"),
        "command": "tools/gen-catalog/run.sh",
        "services": {name: extract(data, name, ops) for name, ops in sorted(SAMPLE.items())},
    }
    with open(args.out, "w") as f:
        json.dump(sample, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
