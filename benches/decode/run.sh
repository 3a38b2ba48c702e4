#!/usr/bin/env bash
# Instructions and heap blocks per error answer read and per event read (issue 20),
# under valgrind: callgrind and DHAT of `awsjson-decode-bench KIND N` for N = 0 and
# N = $N (default 3000); per one = (N run − 0 run) / N. Errors count the whole
# program; events count `Runtime::block_on` (inclusive), which reads the stream and
# nothing else. Heap blocks are the whole program's in both.
#
#   benches/decode/run.sh            both kinds
#   KINDS=errors benches/decode/run.sh
#
# Builds in release into $BENCH_TARGET (default benches/decode/target).
set -euo pipefail
cd "$(dirname "$0")"
N=${N:-3000}
KINDS=${KINDS:-"errors events"}
target=${BENCH_TARGET:-$PWD/target}
command -v valgrind >/dev/null || { echo "run.sh: valgrind missing: apt-get install -y valgrind" >&2; exit 1; }
cargo build --release --quiet --target-dir "$target"
bin=$target/release/awsjson-decode-bench
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

first_of() { # pattern [option] → the count on callgrind_annotate's first line matching
    # awk reads to the end: an early exit would stop the annotator with SIGPIPE.
    callgrind_annotate ${2:-} "$out/cg" 2>/dev/null |
        awk -v p="$1" 'index($0, p) && !found {gsub(",", "", $1); print $1; found = 1}'
}
instructions() { # kind n → instructions counted
    valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$bin" "$1" "$2" >/dev/null 2>&1
    if [ "$1" = events ]; then
        first_of 'Runtime::block_on' --inclusive=yes
    else
        first_of 'PROGRAM TOTALS'
    fi
}
blocks() { # kind n → heap blocks allocated
    valgrind --tool=dhat --dhat-out-file=/dev/null "$bin" "$1" "$2" 2>&1 |
        awk '/Total:/ {gsub(",", "", $6); print $6}'
}
echo "awsjson at $(git rev-parse --short HEAD 2>/dev/null || echo '?'), N = $N"
for kind in $KINDS; do
    i0=$(instructions "$kind" 0); i1=$(instructions "$kind" "$N")
    b0=$(blocks "$kind" 0); b1=$(blocks "$kind" "$N")
    printf '%s: %d instructions, %s heap blocks per one\n' "$kind" \
        $(( (i1 - i0) / N )) "$(echo "scale=2; ($b1 - $b0) / $N" | bc)"
done
