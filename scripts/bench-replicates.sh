#!/usr/bin/env bash
# Benchmark (not a test): the replicates fixture (two trains, an evaluation, a compare, a plot,
# a claim) on the 2,000-image MNIST subset, from an empty cache, with `seeds=1` and `seeds=N`
# (default 5), each in its own process. Prints wall time, trainings and peak resident memory
# (GNU time's maximum RSS) for each, and the ratios N / 1. Replicates train one after another in
# one process, so peak memory should not grow with N beyond the results kept (the issue's target:
# within +10 %).
#
#   scripts/bench-replicates.sh [N] [nbrun options ...]
#   scripts/bench-replicates.sh 5 --threads 2
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=${1:-5}
shift || true
nbrun=${NBRUN:-$PWD/.build/release/nbrun}
[[ -x $nbrun ]] || nbrun=$PWD/.build/debug/nbrun
[[ -x /usr/bin/time ]] || { echo "needs GNU time (apt-get install time)"; exit 1; }
work=$(mktemp -d /tmp/nbrun-bench-replicates.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp Tests/Fixtures/notebooks/replicates.md "$work/"
declare -A wall rss runs
for n in 1 "$seeds"; do
    args=(--output "$work/out-$n" --set "fixtures=$PWD/Tests/Fixtures/mnist-small"
        --set "seeds=$n")
    # `ci95`, `[2]` and the compare need two seeds: with one, the notebook keeps only its trains.
    if [[ $n == 1 ]]; then
        sed -e '/^```{compare}/,/^```$/d' -e '/^```{table}/,/^```$/d' -e '/^```{claim}/,/^```$/d' -e '/{{/d' -e '/@clm-/d' \
            Tests/Fixtures/notebooks/replicates.md > "$work/replicates.md"
    else
        cp Tests/Fixtures/notebooks/replicates.md "$work/replicates.md"
    fi
    (cd "$work" && NBRUN_CACHE="$work/cache-$n" /usr/bin/time -f '%e %M' -o "$work/time-$n" "$nbrun" replicates.md "${args[@]}" "$@" \
        2> "$work/run-$n.log") || { cat "$work/run-$n.log"; exit 1; }
    read -r wall[$n] rss[$n] < "$work/time-$n"
    runs[$n]=$(grep -c '      epoch 1:' "$work/run-$n.log" || true)
done
printf '%-8s %10s %10s %14s\n' seeds wall_s trainings peak_rss_MiB
for n in 1 "$seeds"; do
    printf '%-8s %10.1f %10s %14.1f\n' "$n" "${wall[$n]}" "${runs[$n]}" "$(echo "${rss[$n]} / 1024" | bc -l)"
done
printf 'ratio %s/1: wall %.2fx, peak RSS %+.1f %%\n' "$seeds" "$(echo "${wall[$seeds]} / ${wall[1]}" | bc -l)" \
    "$(echo "(${rss[$seeds]} - ${rss[1]}) * 100 / ${rss[1]}" | bc -l)"
