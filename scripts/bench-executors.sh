#!/usr/bin/env bash
# Benchmark (not a test): one notebook from an empty cache, in-process, `--executor local --jobs 2
# --threads 1`, and `--executor slurm --threads 1` (the local cluster must be up:
# scripts/slurm-local.sh start). Prints wall time and tasks per minute for each, and checks that
# the three locks are identical.
#
#   scripts/bench-executors.sh [NOTEBOOK] [nbrun options ...]
#   scripts/bench-executors.sh notebooks/dropout-vs-pruning.md
#   scripts/bench-executors.sh Tests/Fixtures/notebooks/pruning.md --set fixtures=$PWD/Tests/Fixtures/mnist-small
#   scripts/bench-executors.sh notebooks/dropout-vs-pruning.md --set epochs=1 --allow-failed-claims
# (shortened settings may flip an article's claims: --allow-failed-claims keeps the exit status 0).
# Each executor's line is printed as soon as it finishes. KEEP=DIR keeps the three runs' logs
# (their per-task lines give the task durations) and locks there.
set -euo pipefail
cd "$(dirname "$0")/.."
notebook=${1:-notebooks/dropout-vs-pruning.md}
shift || true
nbrun=${NBRUN:-$PWD/.build/release/nbrun}
[[ -x $nbrun ]] || nbrun=$PWD/.build/debug/nbrun
work=$(mktemp -d /tmp/nbrun-bench.XXXXXX)
keep=${KEEP:-}
trap '[[ -n $keep ]] && mkdir -p "$keep" && cp "$work"/*.log "$work"/*.lock "$keep"/ 2>/dev/null; rm -rf "$work"' EXIT
cp "$notebook" "$work/"
name=$(basename "$notebook")
lock="$work/${name%.md}.lock.json"
tasks=""
declare -A walls
label_of() {
    case $1 in
        local) echo "local --jobs 2 --threads 1" ;;
        slurm) echo "slurm (one-node cluster)" ;;
        *) echo "$1 --threads 1" ;;
    esac
}
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
    walls[$mode]=$(echo "$end - $start" | bc -l)
    printf '%s: %.1f s\n' "$(label_of "$mode")" "${walls[$mode]}"
done
# The task count comes from the task executors' summary line ("tasks: N run in W waves").
printf '%-30s %8s %6s %10s\n' executor wall_s tasks tasks/min
for mode in in-process local slurm; do
    printf '%-30s %8.1f %6s %10.1f\n' "$(label_of "$mode")" "${walls[$mode]}" "$tasks" \
        "$(echo "${tasks:-0} * 60 / ${walls[$mode]}" | bc -l)"
done
cmp -s "$work/in-process.lock" "$work/local.lock" && cmp -s "$work/in-process.lock" "$work/slurm.lock" \
    && echo "locks: identical" || { echo "locks: DIFFER"; exit 1; }
