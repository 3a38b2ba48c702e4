"""Medians and ratios of run.sh results directories (samples pooled), as a Markdown table."""

import collections
import statistics
import sys

LABELS = {
    "crates_compiled": ("crates compiled (clean release)", "", False),
    "clean_build_release_s": ("clean build, release", "s", False),
    "clean_build_debug_s": ("clean build, debug", "s", False),
    "incr_call_debug_s": ("rebuild after editing a call site (debug)", "s", False),
    "incr_decl_debug_s": ("rebuild after editing a declaration (debug)", "s", False),
    "rustc_peak_rss_release_mib": ("peak rustc memory, user crate, release", "MiB", False),
    "rustc_peak_rss_debug_mib": ("peak rustc memory, user crate, debug", "MiB", False),
    "stripped_binary_mib": ("stripped binary (release)", "MiB", False),
    "cpu_per_call_us": ("client CPU per call (user+sys)", "µs", False),
    "startup_cpu_ms": ("client CPU, start-up + 4 warm-up calls", "ms", False),
    "peak_rss_mib": ("peak RSS over the sequential run", "MiB", False),
    "instructions_per_call": ("instructions per call (callgrind)", "", False),
    "rps_c1": ("requests/s, concurrency 1", "", True),
    "rps_c64": ("requests/s, concurrency 64", "", True),
    "rps_c256": ("requests/s, concurrency 256", "", True),
    "cpu_per_call_c1_us": ("client CPU per call, concurrency 1 (whole run)", "µs", False),
    "cpu_per_call_c64_us": ("client CPU per call, concurrency 64 (whole run)", "µs", False),
    "cpu_per_call_c256_us": ("client CPU per call, concurrency 256 (whole run)", "µs", False),
    "startup_first_response_ms": ("start-up: main to first response, client from env", "ms", False),
    "startup_wall_ms": ("start-up: process start to exit after the first response", "ms", False),
    "startup_https_instructions": ("start-up over https: instructions, start to exit (callgrind)", "", False),
    "startup_https_first_response_ms": ("start-up over https: main to first response", "ms", False),
}
# The same per-call metrics for one restJson1 operation (run.sh with MIX=restjson).
for _metric in ("cpu_per_call_us", "startup_cpu_ms", "peak_rss_mib", "instructions_per_call",
                "rps_c1", "rps_c64", "rps_c256", "cpu_per_call_c1_us", "cpu_per_call_c64_us",
                "cpu_per_call_c256_us"):
    _label, _unit, _higher = LABELS[_metric]
    LABELS[f"{_metric}_restjson"] = (f"{_label}, Lambda GetFunction (restJson1)", _unit, _higher)


# typed-floor: the floor plus what every typed, signing client does per call.
VARIANTS = ("awsjson", "sdk", "floor", "typed-floor")


def paired(samples, metric):
    """Median of per-repetition ratios: samples are recorded A B C per repetition."""
    a, b = samples.get((metric, "awsjson"), []), samples.get((metric, "sdk"), [])
    if len(a) < 2 or len(a) != len(b):
        return "–"
    return f"{statistics.median(x / y for x, y in zip(a, b) if y):.2f}"


def spread(samples, metric):
    parts = []
    for v in VARIANTS:
        xs = samples.get((metric, v), [])
        if len(xs) < 2:
            parts.append("–")
        else:
            parts.append(f"{min(xs):g}–{max(xs):g}")
    return "; ".join(parts)


def main(dirs):
    samples = collections.defaultdict(list)
    for out in dirs:
        with open(f"{out}/results.tsv") as f:
            for line in f:
                metric, variant, value = line.rstrip("\n").split("\t")
                if value:
                    samples[(metric, variant)].append(float(value))
    median = {k: statistics.median(v) for k, v in samples.items()}

    def fmt(x):
        if x is None:
            return "–"
        if x >= 1000:
            return f"{x:,.0f}"
        return f"{x:.3g}" if x < 10 else f"{x:.1f}".rstrip("0").rstrip(".")

    def ratio(a, b):
        return f"{a / b:.2f}" if a is not None and b else "–"

    print(
        "| metric | awsjson | official SDK | floor | typed floor | awsjson / SDK "
        "| awsjson / floor | awsjson / typed floor | paired awsjson / SDK | n "
        "| spread (min–max: awsjson; SDK; floor; typed floor) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for metric, (label, unit, higher_better) in LABELS.items():
        row = {v: median.get((metric, v)) for v in VARIANTS}
        if all(x is None for x in row.values()):
            continue
        n = max(len(samples.get((metric, v), [])) for v in row)
        unit = f" ({unit})" if unit else ""
        print(
            f"| {label}{unit} | {fmt(row['awsjson'])} | {fmt(row['sdk'])} | {fmt(row['floor'])} "
            f"| {fmt(row['typed-floor'])} "
            f"| {ratio(row['awsjson'], row['sdk'])} | {ratio(row['awsjson'], row['floor'])} "
            f"| {ratio(row['awsjson'], row['typed-floor'])} "
            f"| {paired(samples, metric)} | {n} "
            f"| {spread(samples, metric)} |"
        )
    print()
    print(
        "Medians; ratios are awsjson's median over the other's (for requests/s, higher is "
        "better); *paired* is the median of the ratios within each repetition."
    )


main(sys.argv[1:])
