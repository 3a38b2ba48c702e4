#!/usr/bin/env bash
# Compile cost of the service catalog (issue 4 §3): wall time of clean and incremental
# builds of a crate declaring 1 operation and one declaring 100, with and without the
# catalog checks. A benchmark, not a test: run by hand, figures go to
# macros/catalog/README.md.
#
#   tools/bench-catalog.sh            # RUNS=5 by default
#   RUNS=3 tools/bench-catalog.sh
#
# Variants, each built in its own target dir under target/bench-catalog/:
#   catalog    `awsjson` with default features; declarations as `awsjson-cli scaffold`
#              prints them (target alone, wire names from the catalog, `shape = ...`)
#   explicit   the same features; declarations from `scaffold --explicit` (metadata
#              keys and every wire name spelt out), which the catalog leaves unchecked:
#              catalog vs explicit is the checks' cost, explicit vs off the embedding's
#   off        `awsjson` without its `catalog` feature (no catalog embedded or
#              checked); the same `--explicit` declarations
#
# "clean" rebuilds only the bench crate (`cargo clean -p`; dependencies stay built,
# after one untimed warm-up build per target dir); "incremental" touches its source.
# The full from-scratch build of each feature set is timed once, as "scratch".
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-5}
work="$root/target/bench-catalog"
mkdir -p "$work"
cd "$root"
cargo build -q -p awsjson-cli
cli="$root/target/debug/awsjson-cli"

# 100 operations over five services; 1 operation = the first.
ops_dynamodb="PutItem GetItem DeleteItem UpdateItem Query Scan BatchGetItem BatchWriteItem
  ListTables DescribeTable CreateTable DeleteTable UpdateTable TransactGetItems
  TransactWriteItems DescribeTimeToLive UpdateTimeToLive ListTagsOfResource TagResource
  UntagResource DescribeLimits DescribeEndpoints CreateBackup DescribeBackup ListBackups"
ops_kms="Encrypt Decrypt ReEncrypt GenerateDataKey GenerateDataKeyWithoutPlaintext
  GenerateRandom CreateKey DescribeKey ListKeys EnableKey DisableKey ScheduleKeyDeletion
  CancelKeyDeletion CreateAlias DeleteAlias ListAliases UpdateAlias TagResource
  UntagResource ListResourceTags Sign Verify GetPublicKey EnableKeyRotation GetKeyRotationStatus"
ops_secretsmanager="CreateSecret GetSecretValue PutSecretValue DescribeSecret ListSecrets
  DeleteSecret RestoreSecret UpdateSecret TagResource UntagResource RotateSecret
  CancelRotateSecret GetRandomPassword ListSecretVersionIds BatchGetSecretValue"
ops_ecr="CreateRepository DescribeRepositories DeleteRepository DescribeImages ListImages
  BatchGetImage BatchDeleteImage PutImage GetAuthorizationToken GetRepositoryPolicy
  SetRepositoryPolicy DeleteRepositoryPolicy PutLifecyclePolicy GetLifecyclePolicy
  DeleteLifecyclePolicy ListTagsForResource TagResource UntagResource PutImageTagMutability"
ops_ssm="GetParameter GetParameters PutParameter DeleteParameter DeleteParameters
  GetParametersByPath DescribeParameters LabelParameterVersion GetParameterHistory
  AddTagsToResource RemoveTagsFromResource ListTagsForResource SendCommand
  GetCommandInvocation ListCommands ListCommandInvocations"

gen() { # gen <dir> <flags> <n>
    local dir=$1 flags=$2 n=$3 src="$1/src"
    mkdir -p "$src"
    : >"$src/lib.rs.new"
    echo '#![allow(dead_code, clippy::all)]' >>"$src/lib.rs.new"
    if [ "$n" = 1 ]; then
        $cli scaffold $flags dynamodb PutItem >"$src/dynamodb.rs"
        echo 'pub mod dynamodb;' >>"$src/lib.rs.new"
    else
        for svc in dynamodb kms secretsmanager ecr ssm; do
            var="ops_${svc}"
            # shellcheck disable=SC2086
            $cli scaffold $flags "$svc" ${!var} >"$src/$svc.rs"
            echo "pub mod $svc;" >>"$src/lib.rs.new"
        done
    fi
    mv "$src/lib.rs.new" "$src/lib.rs"
}

manifest() { # manifest <dir> <name> <awsjson dependency>
    mkdir -p "$1"
    cat >"$1/Cargo.toml" <<EOF
[package]
name = "$2"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
awsjson = $3

[workspace]
EOF
}

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}'; }
minmax() { sort -n | awk 'NR==1{lo=$1} {hi=$1} END {printf "%.2f–%.2f", lo, hi}'; }

on="{ path = \"$root/runtime\" }"
off="{ path = \"$root/runtime\", default-features = false }"

setup() { # setup <variant>: sets flags, dep, target
    case $1 in
        catalog) flags="" dep=$on target="$work/target-on" ;;
        explicit) flags="--explicit" dep=$on target="$work/target-on" ;;
        off) flags="--explicit" dep=$off target="$work/target-off" ;;
    esac
}

timed() { # timed <cargo args...>: prints the wall seconds of one cargo build
    local t0 t1
    t0=$(now)
    CARGO_TARGET_DIR="$target" cargo "$@"
    t1=$(now)
    echo "$t1 - $t0" | bc
}

variants="catalog explicit off"
printf '%-9s %-4s %-12s %-10s %s\n' variant ops build median "range (s, $runs runs)"
for variant in $variants; do
    setup "$variant"
    if [ ! -d "$target" ]; then
        # From scratch, once per feature set: dependencies included.
        d="$work/scratch-$variant"
        manifest "$d" scratch "$dep"
        gen "$d" "$flags" 1
        s=$(timed build -q --manifest-path "$d/Cargo.toml")
        printf '%-9s %-4s %-12s %-10.2f\n' "$variant" 1 scratch "$s"
    fi
    for n in 1 100; do
        d="$work/$variant-$n"
        manifest "$d" "bench_${variant}_$n" "$dep"
        gen "$d" "$flags" "$n"
        CARGO_TARGET_DIR="$target" cargo build -q --manifest-path "$d/Cargo.toml"
    done
done

# Runs interleave the variants, so that load from elsewhere on the machine spreads
# over all of them instead of skewing one.
declare -A times
for _ in $(seq "$runs"); do
    for variant in $variants; do
        setup "$variant"
        for n in 1 100; do
            d="$work/$variant-$n"
            CARGO_TARGET_DIR="$target" cargo clean -q -p "bench_${variant}_$n" --manifest-path "$d/Cargo.toml"
            times[$variant,$n,clean]+="$(timed build -q --manifest-path "$d/Cargo.toml") "
            touch "$d/src/lib.rs"
            times[$variant,$n,incremental]+="$(timed build -q --manifest-path "$d/Cargo.toml") "
        done
    done
done
for variant in $variants; do
    for n in 1 100; do
        for kind in clean incremental; do
            # shellcheck disable=SC2086
            set -- ${times[$variant,$n,$kind]}
            printf '%-9s %-4s %-12s %-10s %s\n' "$variant" "$n" "$kind" \
                "$(printf '%s\n' "$@" | median)" "$(printf '%s\n' "$@" | minmax)"
        done
    done
done
echo "embedded catalog: $(stat -c %s "$root/macros/catalog/catalog.bin") bytes; $(nproc) cores; $(rustc --version)"
