#!/usr/bin/env bash
# Benchmark (not a test): one notebook from an empty cache, in-process, `--executor local --jobs 2
# --threads 1`, and `--executor slurm --threads 1` (the local cluster must be up:
# scripts/slurm-local.sh start). Prints wall time and tasks per minute for each, and checks that
# the three locks are identical.
#
#   scripts/bench-executors.sh [NOTEBOOK] [nbrun options ...]
#   scripts/bench-executors.sh notebooks/dropout-vs-pruning.md
#   scripts/bench-executors.sh Tests/Fixtures/notebooks/pruning.md --set fixtures=$PWD/Tests/Fixtures/mnist-small
set -euo pipefail
cd "$(dirname "$0")/.."
notebook=${1:-notebooks/dropout-vs-pruning.md}
shift || true
nbrun=${NBRUN:-$PWD/.build/release/nbrun}
[[ -x $nbrun ]] || nbrun=$PWD/.build/debug/nbrun
work=$(mktemp -d /tmp/nbrun-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp "$notebook" "$work/"
name=$(basename "$notebook")
lock="$work/${name%.md}.lock.json"
tasks=""
declare -A wall
for mode in in-process local slurm; do
    args=(--cache "$work/cache-$mode" --output "$work/out" --threads 1)
    case $mode in
        local) args+=(--executor local --jobs 2) ;;
        slurm) args+=(--executor slurm) ;;
    esac
    start=$(date +%s.%N)
    (cd "$work" && "$nbrun" "$name" "${args[@]}" "$@" 2> "$work/$mode.log")
    end=$(date +%s.%N)
    cp "$lock" "$work/$mode.lock"
    ran=$(grep -o 'tasks: [0-9]* run' "$work/$mode.log" | grep -o '[0-9]*' || true)
    tasks=${ran:-$tasks}
    wall[$mode]=$(echo "$end - $start" | bc -l)
done
printf '%-30s %8s %6s %10s\n' executor wall_s tasks tasks/min
for mode in in-process local slurm; do
    label=$mode
    [[ $mode == local ]] && label="local --jobs 2 --threads 1"
    [[ $mode == slurm ]] && label="slurm (one-node cluster)"
    printf '%-30s %8.1f %6s %10.1f\n' "$label" "${wall[$mode]}" "$tasks" "$(echo "$tasks * 60 / ${wall[$mode]}" | bc -l)"
done
cmp -s "$work/in-process.lock" "$work/local.lock" && cmp -s "$work/in-process.lock" "$work/slurm.lock" \
    && echo "locks: identical" || { echo "locks: DIFFER"; exit 1; }
