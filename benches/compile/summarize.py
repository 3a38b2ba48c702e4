#!/usr/bin/env python3
"""Summary of a run.sh results directory: each figure (median of its samples) per crate
size, and the per-operation share, (crate - near-empty crate) / N."""

import statistics
import sys
from collections import defaultdict
from pathlib import Path

LABELS = {
    "build_debug_s": "build, debug, crate alone (s)",
    "rustc_debug_s": "rustc wall time, debug (s)",
    "rustc_peak_debug_mib": "rustc peak RSS, debug (MiB)",
    "binary_debug_mib": "binary, debug (MiB)",
    "build_release_s": "build, release, crate alone (s)",
    "rustc_release_s": "rustc wall time, release (s)",
    "rustc_peak_release_mib": "rustc peak RSS, release (MiB)",
    "binary_release_mib": "binary, release, stripped (MiB)",
    "scaffold_lines": "scaffold lines (declarations)",
    "expanded_lines": "lines after macro expansion",
    "service_crates_build_debug_s": "service crates' build, debug (s)",
    "service_crates_rustc_debug_s": "service crates' rustc time summed, debug (s)",
    "service_crates_rustc_peak_debug_mib": "service crates' rustc peak RSS, debug (MiB)",
    "service_crates_build_release_s": "service crates' build, release (s)",
    "service_crates_rustc_release_s": "service crates' rustc time summed, release (s)",
    "service_crates_rustc_peak_release_mib": "service crates' rustc peak RSS, release (MiB)",
}


def fmt(v):
    if v is None:
        return "–"
    if abs(v) >= 100 or v == int(v):
        return f"{v:,.0f}"
    if abs(v) >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"


def main(out):
    samples = defaultdict(list)
    for line in (Path(out) / "results.tsv").read_text().splitlines():
        metric, side, n, _profile, value = line.split("\t")
        samples[(side, metric, int(n))].append(float(value))
    med = {k: statistics.median(v) for k, v in samples.items()}
    counts = {k: len(v) for k, v in samples.items()}
    print((Path(out) / "machine.txt").read_text().strip().replace("\n", "  \n"))
    print()
    for side in ("awsjson", "typed", "sdk"):
        sizes = sorted({n for (s, _, n) in med if s == side})
        if not sizes:
            continue
        ns = [n for n in sizes if n > 0]
        title = {
            "awsjson": "awsjson",
            "typed": "typed floor (serde's derives, typed_floor.py)",
            "sdk": "official SDK (a crate per service)",
        }[side]
        print(f"### {title}\n")
        head = ["figure"] + [f"N = {n}" if n else "near-empty" for n in sizes]
        head += [f"per operation, N = {n}" for n in ns]
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" + "---:|" * (len(head) - 1))
        for metric, label in LABELS.items():
            row = [med.get((side, metric, n)) for n in sizes]
            if all(v is None for v in row):
                continue
            base = med.get((side, metric, 0))
            shares = [
                None
                if med.get((side, metric, n)) is None or base is None
                else (med[(side, metric, n)] - base) / n
                for n in ns
            ]
            if metric.startswith("service_crates"):
                # Nothing to subtract: the near-empty crate has no service crate.
                shares = [
                    None if med.get((side, metric, n)) is None else med[(side, metric, n)] / n
                    for n in ns
                ]
            print("| " + " | ".join([label] + [fmt(v) for v in row + shares]) + " |")
        n_runs = sorted({c for (s, _, _), c in counts.items() if s == side})
        print(f"\nSamples per figure: {', '.join(map(str, n_runs))} (medians).\n")
    typed_ratios(med)
    # awsjson against the SDK, per operation, where both were measured.
    common = sorted(
        n
        for (s, m, n) in med
        if s == "sdk" and m == "build_debug_s" and n > 0 and ("awsjson", m, n) in med
    )
    for n in common:
        print(f"### awsjson / SDK, N = {n} (per-operation shares)\n")
        print("| figure | awsjson | SDK, user crate | SDK, user crate + service crates | awsjson / SDK (with service crates) |")
        print("|---|---:|---:|---:|---:|")
        for profile in ("debug", "release"):
            a = share(med, "awsjson", f"build_{profile}_s", n)
            s = share(med, "sdk", f"build_{profile}_s", n)
            svc = med.get(("sdk", f"service_crates_build_{profile}_s", n))
            total = None if s is None or svc is None else s + svc / n
            ratio = None if a is None or not total else a / total
            print(f"| build time, {profile} (s) | {fmt(a)} | {fmt(s)} | {fmt(total)} | {fmt(ratio)} |")
        print()


def typed_ratios(med):
    """awsjson's per-operation share over the typed floor's, where both were measured."""
    sizes = sorted(n for (s, m, n) in med if s == "typed" and m == "rustc_peak_debug_mib" and n > 0)
    if not sizes:
        return
    print("### awsjson / typed floor (per-operation shares)\n")
    print("| figure | " + " | ".join(f"N = {n}" for n in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for metric, label in LABELS.items():
        ratios = []
        for n in sizes:
            a, t = share(med, "awsjson", metric, n), share(med, "typed", metric, n)
            ratios.append(None if a is None or not t else a / t)
        if any(r is not None for r in ratios):
            print("| " + " | ".join([label] + [fmt(r) for r in ratios]) + " |")
    print()


def share(med, side, metric, n):
    if (side, metric, n) not in med or (side, metric, 0) not in med:
        return None
    return (med[(side, metric, n)] - med[(side, metric, 0)]) / n


if __name__ == "__main__":
    main(sys.argv[1])
