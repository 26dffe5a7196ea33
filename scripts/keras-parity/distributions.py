#!/usr/bin/env python3
"""nbrun against Keras over seeds: four distributions and a two-sample test each (docs/keras-parity.md).

    python3 distributions.py --train no_dropout --nbrun A.lock.json [...] --keras B.json [...]

Both sides are read in the lock's layout (`directives["train <id>"]`, `["train <id>[2]"]`, ...):
nbrun's lock files and the JSON the exported Keras script writes. Per replicate: the final
val_accuracy, the minimum val_loss, its epoch (from 1) and the final val_loss (with --epochs N:
over the first N epochs on both sides, "final" meaning epoch N). For each, the mean,
standard deviation and range per side, Welch's two-sample t test (scipy.stats.ttest_ind with
equal_var=False) and, as a check that does not assume normality, the Mann-Whitney U test.
Needs NumPy and SciPy.
"""
import argparse
import json
import re

import numpy as np
from scipy import stats


def replicates(paths, train):
    """Every replicate's history of `train` in the given files."""
    pattern = re.compile(r"^train " + re.escape(train) + r"(\[\d+\])?$")
    found = []
    for path in paths:
        with open(path) as f:
            directives = json.load(f)["directives"]
        found += [d["history"] for name, d in sorted(directives.items()) if pattern.match(name)]
    return found


def measures(history, epochs=None):
    """The four measures over the first `epochs` epochs (None: all of them)."""
    val_loss = np.array(history["val_loss"][:epochs], np.float64)
    return {
        "final val_accuracy": history["val_accuracy"][:epochs][-1],
        "min val_loss": float(val_loss.min()),
        "epoch of min val_loss": int(val_loss.argmin()) + 1,
        "final val_loss": float(val_loss[-1]),
    }


def describe(values):
    v = np.array(values, np.float64)
    sd = v.std(ddof=1) if len(v) > 1 else float("nan")
    digits = 1 if np.all(v == np.round(v)) else 4
    return f"{v.mean():.{digits + 1}f} ± {sd:.{digits + 1}f} ({v.min():.{digits}f}-{v.max():.{digits}f}, n={len(v)})"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", required=True)
    parser.add_argument("--nbrun", nargs="+", required=True)
    parser.add_argument("--keras", nargs="+", required=True)
    parser.add_argument("--label", default="Keras")
    parser.add_argument("--epochs", type=int, help="compare the first EPOCHS epochs only (both sides)")
    args = parser.parse_args()
    ours = [measures(h, args.epochs) for h in replicates(args.nbrun, args.train)]
    theirs = [measures(h, args.epochs) for h in replicates(args.keras, args.train)]
    if args.epochs and any(len(h["val_loss"]) < args.epochs
                           for h in replicates(args.nbrun, args.train) + replicates(args.keras, args.train)):
        raise SystemExit(f"a replicate has fewer than {args.epochs} epochs")
    if len(ours) < 2 or len(theirs) < 2:
        raise SystemExit(f"need at least 2 replicates per side, got {len(ours)} nbrun and {len(theirs)} Keras")
    window = f", epochs 1-{args.epochs}" if args.epochs else ""
    print(f"## `{args.train}`: nbrun ({len(ours)} seeds) against {args.label} ({len(theirs)} seeds){window}\n")
    print(f"| measure | nbrun mean ± sd (range) | {args.label} mean ± sd (range) | Welch t | p | Mann-Whitney p |")
    print("|---|---|---|---:|---:|---:|")
    for key in ours[0]:
        a = [m[key] for m in ours]
        b = [m[key] for m in theirs]
        t = stats.ttest_ind(a, b, equal_var=False)
        u = stats.mannwhitneyu(a, b, alternative="two-sided")
        print(f"| {key} | {describe(a)} | {describe(b)} | {t.statistic:.2f} | {t.pvalue:.3f} | {u.pvalue:.3f} |")
    print()


if __name__ == "__main__":
    main()
