#!/usr/bin/env python3
"""nbrun's and Keras' learning curves side by side, mean over seeds with a 95 % interval (docs/keras-parity.md).

    python3 curves.py --nbrun A.lock.json --keras B.json [C.json ...] --train no_dropout --train with_dropout \
        --png curves.png

Reads every replicate of each train from both sides (the lock's layout, as distributions.py does),
prints per epoch the mean ± sd of val_loss and val_accuracy on each side, and draws one PNG:
one panel per measure, one colour per train, solid nbrun and dashed Keras, each mean line with its
95 % confidence band (mean ± t(0.975, n − 1) · sd / √n, the band nbrun's own plots draw by
default). Needs NumPy, SciPy and Matplotlib.
"""
import argparse

import numpy as np
from scipy import stats

from distributions import replicates


def band(runs, key):
    """Per-epoch mean and half-width of the 95 % interval over the runs (epochs all runs reached)."""
    length = min(len(r[key]) for r in runs)
    values = np.array([r[key][:length] for r in runs], np.float64)
    n = len(runs)
    mean = values.mean(axis=0)
    if n < 2:
        return mean, np.zeros_like(mean), values.std(axis=0)
    sd = values.std(axis=0, ddof=1)
    return mean, stats.t.ppf(0.975, n - 1) * sd / np.sqrt(n), sd


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nbrun", nargs="+", required=True, help="nbrun lock files")
    parser.add_argument("--keras", nargs="+", required=True, help="JSON files written by the exported script")
    parser.add_argument("--train", action="append", required=True, help="a train id (repeatable)")
    parser.add_argument("--label", default="Keras (TensorFlow)")
    parser.add_argument("--png", help="write the figure here")
    args = parser.parse_args()

    sides = [("nbrun", args.nbrun, "-"), (args.label, args.keras, "--")]
    keys = ["val_loss", "val_accuracy"]
    runs = {(train, side): replicates(paths, train) for train in args.train for side, paths, _ in sides}

    for train in args.train:
        counts = ", ".join(f"{side} n = {len(runs[(train, side)])}" for side, _, _ in sides)
        print(f"## {train} ({counts}): mean ± sd per epoch\n")
        header = ["epoch"] + [f"{side} {key}" for key in keys for side, _, _ in sides]
        print("| " + " | ".join(header) + " |")
        print("|" + "---:|" * len(header))
        columns = {}
        for key in keys:
            for side, _, _ in sides:
                mean, _, sd = band(runs[(train, side)], key)
                columns[(key, side)] = (mean, sd)
        epochs = min(len(m) for m, _ in columns.values())
        for e in range(epochs):
            cells = [f"{columns[(key, side)][0][e]:.4f} ± {columns[(key, side)][1][e]:.4f}"
                     for key in keys for side, _, _ in sides]
            print(f"| {e + 1} | " + " | ".join(cells) + " |")
        print()

    if args.png:
        import matplotlib
        import matplotlib.ticker
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        figure, axes = plt.subplots(1, 2, figsize=(11, 4.2))
        colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
        for axis, key in zip(axes, keys):
            for t, train in enumerate(args.train):
                for side, _, style in sides:
                    mean, half, _ = band(runs[(train, side)], key)
                    epochs = np.arange(1, len(mean) + 1)
                    n = len(runs[(train, side)])
                    axis.plot(epochs, mean, style, color=colours[t], label=f"{train}, {side} (n = {n})")
                    axis.fill_between(epochs, mean - half, mean + half, color=colours[t], alpha=0.15)
            axis.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
            axis.set_xlabel("epoch")
            axis.set_ylabel(key)
            axis.grid(True, alpha=0.3)
        axes[0].legend(fontsize=8)
        figure.suptitle("nbrun against Keras: mean over seeds, shaded 95 % confidence interval")
        figure.tight_layout()
        figure.savefig(args.png, dpi=110)
        print(f"wrote {args.png}")


if __name__ == "__main__":
    main()
