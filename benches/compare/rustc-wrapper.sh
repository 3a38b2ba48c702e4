#!/bin/sh
# RUSTC_WORKSPACE_WRAPPER for run.sh: wraps only this workspace's crates (the user
# programs), so /usr/bin/time's peak RSS is the user crate's compiler, not a dependency's.
if [ -n "$BENCH_RUSTC_LOG" ]; then
    exec /usr/bin/time -a -o "$BENCH_RUSTC_LOG" -f "%M" "$@"
fi
exec "$@"
