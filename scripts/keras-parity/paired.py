#!/usr/bin/env python3
"""Paired runs: nbrun and Keras from the same start and batch order, several root seeds (docs/keras-parity.md).

    python3 paired.py --train no_dropout DIR [DIR ...]

Each DIR holds one root seed's `nbrun export --keras --same-start` recording (`*_same_start/`):
nbrun's epoch history (`<train>.nbrun.npz`, `history_val_loss`, `history_val_accuracy`) and the
Keras replay of the same initial weights, batches and Dropout masks
(`*.same-start.keras-<backend>.json`). Per seed it prints the minimum val_loss, its epoch, the
final val_loss and the final val_accuracy on each side; over the seeds, the mean difference with
the paired t test (scipy.stats.ttest_rel) and Wilcoxon's signed-rank test. If the two frameworks
compute the same thing, the differences centre on zero: what remains between the sides is float
summation order, not the draws. Needs NumPy and SciPy.
"""
import argparse
import glob
import json
import os

import numpy as np
from scipy import stats


def measures(val_loss, val_accuracy):
    val_loss = np.asarray(val_loss, np.float64)
    return float(val_loss.min()), int(val_loss.argmin()) + 1, float(val_loss[-1]), float(val_accuracy[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", nargs="+")
    parser.add_argument("--train", required=True)
    parser.add_argument("--backend", default="tensorflow")
    args = parser.parse_args()

    rows = []
    for folder in args.dirs:
        recording = glob.glob(os.path.join(folder, "*_same_start"))[0]
        nbrun = np.load(os.path.join(recording, f"{args.train}.nbrun.npz"))
        replay = glob.glob(os.path.join(recording, f"*.same-start.keras-{args.backend}.json"))[0]
        with open(replay) as f:
            keras = json.load(f)["directives"][f"train {args.train}"]["history"]
        rows.append((os.path.basename(os.path.normpath(folder)),
                     measures(nbrun["history_val_loss"], nbrun["history_val_accuracy"]),
                     measures(keras["val_loss"], keras["val_accuracy"])))

    print(f"## {args.train}: nbrun and Keras ({args.backend}) from the same start, {len(rows)} seed{'s' if len(rows) != 1 else ''}\n")
    print("| run | nbrun min val_loss (epoch) | Keras min val_loss (epoch) | nbrun final | Keras final | "
          "nbrun final val_accuracy | Keras final val_accuracy |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, (nm, ne, nf, na), (km, ke, kf, ka) in rows:
        print(f"| {name} | {nm:.4f} ({ne}) | {km:.4f} ({ke}) | {nf:.4f} | {kf:.4f} | {na:.4f} | {ka:.4f} |")
    print()
    if len(rows) < 2:
        return
    print("| measure | mean nbrun − Keras | sd of the differences | paired t | p | Wilcoxon p |")
    print("|---|---:|---:|---:|---:|---:|")
    for index, label in [(0, "min val_loss"), (1, "epoch of min val_loss"), (2, "final val_loss"),
                         (3, "final val_accuracy")]:
        a = np.array([r[1][index] for r in rows], np.float64)
        b = np.array([r[2][index] for r in rows], np.float64)
        d = a - b
        t = stats.ttest_rel(a, b)
        w = stats.wilcoxon(a, b).pvalue if np.any(d != 0) else 1.0
        print(f"| {label} | {d.mean():+.4f} | {d.std(ddof=1):.4f} | {t.statistic:.2f} | {t.pvalue:.3f} | {w:.3f} |")


if __name__ == "__main__":
    main()
