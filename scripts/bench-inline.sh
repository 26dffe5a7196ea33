#!/bin/sh
# Inline values benchmark (issue 18): a notebook whose prose holds N `{{ }}` values, then 4N, run
# end to end by the release nbrun (parse, check, render, write; no training). Prints the best of
# three wall times of each and their ratio; linear substitution keeps the ratio near 4 (the target
# is at most ~4.5).
# Usage: sh scripts/bench-inline.sh [N] (default 32000); NBRUN_BIN overrides .build/release/nbrun.
set -eu
exec python3 - "${1:-32000}" "${NBRUN_BIN:-.build/release/nbrun}" <<'PY'
import os, subprocess, sys, tempfile, time
n, binary = int(sys.argv[1]), os.path.abspath(sys.argv[2])
work = tempfile.mkdtemp()
head = "---\ntitle: Inline values\n---\n\n```{model} m\nInput(shape=(4,))\nDense(2)\n```\n\n"
def notebook(count, name):
    path = os.path.join(work, name)
    lines = [" ".join(["{{ m.params }}"] * 8) for _ in range(count // 8)]
    open(path, "w").write(head + "\n".join(lines) + "\n")
    return path
def best(path):
    env = dict(os.environ, NBRUN_CACHE=os.path.join(work, "cache"))
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([binary, path, "--quiet", "--output", os.path.join(work, "out")], env=env, check=True)
        times.append(time.perf_counter() - start)
    return min(times)
t1 = best(notebook(n, "small.md"))
t4 = best(notebook(4 * n, "large.md"))
print(f"inline values: {n} values {t1:.3f} s, {4 * n} values {t4:.3f} s, ratio {t4 / t1:.2f} "
      "(linear: 4; target <= ~4.5)")
subprocess.run(["rm", "-rf", work])
PY
