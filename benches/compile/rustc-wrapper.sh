#!/bin/sh
# RUSTC_WORKSPACE_WRAPPER (the sample crate) and RUSTC_WRAPPER (the SDK's service crates)
# for run.sh. With BENCH_RUSTC_LOG, appends "<crate> <wall s> <peak KiB>" of each rustc;
# with BENCH_EXPAND, the sample crate's rustc prints its macro-expanded source there
# instead of compiling (what `cargo expand` runs: `-Zunpretty=expanded`, allowed on
# stable for this one invocation by RUSTC_BOOTSTRAP). With BENCH_IR, the sample crate is
# compiled to LLVM IR in one codegen unit, copied there for llvm-lines.py (what
# cargo-llvm-lines counts), and not linked. With BENCH_TIME_PASSES, the sample crate's
# rustc writes `-Ztime-passes` (RSS after each phase) there (ablate.sh).
crate=___
prev=
for arg in "$@"; do
    [ "$prev" = --crate-name ] && crate=$arg
    prev=$arg
done
case $crate in
awsjson_sample*)
    if [ -n "$BENCH_EXPAND" ]; then
        RUSTC_BOOTSTRAP=1 "$@" -Zunpretty=expanded >"$BENCH_EXPAND"
        exit
    fi
    if [ -n "$BENCH_IR" ]; then
        out=
        prev=
        for arg in "$@"; do
            [ "$prev" = --out-dir ] && out=$arg
            prev=$arg
        done
        "$@" --emit=llvm-ir -Ccodegen-units=1 && cp "$out"/"$crate"-*.ll "$BENCH_IR"
        exit
    fi
    if [ -n "$BENCH_TIME_PASSES" ]; then
        # With BENCH_RUSTC_LOG too, the same rustc's peak (one build for both).
        if [ -n "$BENCH_RUSTC_LOG" ]; then
            set -- /usr/bin/time -a -o "$BENCH_RUSTC_LOG" -f "$crate %e %M" "$@"
        fi
        RUSTC_BOOTSTRAP=1 "$@" -Ztime-passes 2>"$BENCH_TIME_PASSES"
        exit
    fi
    ;;
esac
if [ -n "$BENCH_RUSTC_LOG" ] && [ "$crate" != ___ ]; then
    exec /usr/bin/time -a -o "$BENCH_RUSTC_LOG" -f "$crate %e %M" "$@"
fi
exec "$@"
