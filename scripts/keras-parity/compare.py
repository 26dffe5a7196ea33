#!/usr/bin/env python3
"""Step parity: nbrun against Keras from the same start (docs/keras-parity.md).

    python3 compare.py DIR [--steps 100] [--loss-tolerance 1e-5] [--weight-tolerance 1e-3]

DIR is the folder `nbrun export --keras --same-start` wrote (`<train>.nbrun.npz`) after the
exported script ran in it (`<train>.keras-<backend>.npz`, from `python3 <name>_keras.py --same-start DIR`).
For every train found in both it prints:

- the per-step loss of both, and the relative difference |k - n| / |n|, for the first steps;
  the largest over the first --steps steps and the first step beyond --loss-tolerance;
- for the weights after --steps steps and after epoch 1, per tensor: the largest absolute
  difference and the relative L2 difference ||k - n|| / ||n||; the first tensor beyond
  --weight-tolerance;
- the epoch histories of both runs (same start, same batches), when the script wrote them.

Exit status 1 when a train is beyond a tolerance within the first --steps steps.
Only NumPy is needed.
"""
import argparse
import glob
import json
import math
import os
import sys

import numpy as np


def relative(a, b):
    return abs(float(a) - float(b)) / max(abs(float(a)), 1e-30)


def weights(archive, prefix):
    names = sorted((k for k in archive.files if k.startswith(prefix)), key=lambda k: int(k[len(prefix):]))
    return [archive[k] for k in names]


def tensor_table(names, ours, theirs, tolerance):
    """Rows per tensor; returns the rows and the first tensor beyond the tolerance."""
    rows, first = [], None
    for name, n, k in zip(names, ours, theirs):
        diff = (k.astype(np.float64) - n.astype(np.float64))
        l2 = float(np.linalg.norm(diff) / max(np.linalg.norm(n.astype(np.float64)), 1e-30))
        rows.append(f"| {name} | {list(n.shape)} | {float(np.max(np.abs(diff))):.3g} | {l2:.3g} |")
        if first is None and l2 > tolerance:
            first = (name, l2)
    return rows, first


def initial_table(ours, theirs):
    """The initial kernels' spread against glorot_uniform's: U(-l, l) has standard deviation l / sqrt(3)."""
    n_w, k_w = weights(ours, "initial_"), weights(theirs, "keras_initial_")
    if not k_w:
        return
    print("initial weights (nbrun's, and Keras' own for the same model):\n\n"
          "| tensor | shape | glorot limit l | l / sqrt(3) | nbrun sd | Keras sd | nbrun max abs | Keras max abs |"
          "\n|---|---|---:|---:|---:|---:|---:|---:|")
    for i, (n, k) in enumerate(zip(n_w, k_w)):
        if n.ndim >= 2:
            receptive = int(np.prod(n.shape[:-2]))
            limit = np.sqrt(6 / (n.shape[-2] * receptive + n.shape[-1] * receptive))
            print(f"| tensor {i} | {list(n.shape)} | {limit:.6f} | {limit / np.sqrt(3):.6f} | {n.std():.6f} | "
                  f"{k.std():.6f} | {np.abs(n).max():.6f} | {np.abs(k).max():.6f} |")
        else:
            print(f"| tensor {i} | {list(n.shape)} | bias | 0 | {n.std():.1g} | {k.std():.1g} | "
                  f"{np.abs(n).max():.1g} | {np.abs(k).max():.1g} |")
    print()


def chi2_upper(x, df):
    """P(chi2(df) >= x) by the Wilson-Hilferty cube-root normal approximation (Johnson, Kotz and
    Balakrishnan, Continuous Univariate Distributions 1, 18.5), close for the hundreds of degrees of
    freedom used here; NumPy and the standard library only."""
    z = ((x / df) ** (1 / 3) - (1 - 2 / (9 * df))) / math.sqrt(2 / (9 * df))
    return 0.5 * math.erfc(z / math.sqrt(2))


def normal_two_sided(z):
    return math.erfc(abs(z) / math.sqrt(2))


def mask_table(archive):
    """Whether nbrun's recorded Dropout masks look like independent Bernoulli(1 - rate) draws: the
    kept fraction (z against 1 - rate), the spread of the per-unit kept fractions (chi-square with
    one degree of freedom per unit), and the correlation of neighbouring flags in the order they are
    drawn (the next element of a row) and of one element in consecutive rows (z = r sqrt(n)).
    Two-sided p-values; a generator that correlates its draws would show here."""
    names = sorted((k for k in archive.files if k.startswith("dropout_") and k[len("dropout_"):].isdigit()),
                   key=lambda k: int(k[len("dropout_"):]))
    if not names:
        return
    print("nbrun's Dropout masks (all recorded steps):\n\n"
          "| layer | rate | flags | kept | z (kept vs 1 - rate) | per-unit chi-square p | lag-1 r (p) | next-row r (p) |"
          "\n|---|---:|---:|---:|---:|---:|---:|---:|")
    for name in names:
        rate_key = "dropout_rate_" + name[len("dropout_"):]
        rate = float(archive[rate_key]) if rate_key in archive.files else float("nan")
        m = archive[name].reshape(len(archive[name]), -1).astype(np.float64)
        rows, units = m.shape
        q = 1 - rate
        kept = m.mean()
        z = (kept - q) / math.sqrt(rate * q / m.size)
        per_unit = m.sum(axis=0)
        chi2 = float(((per_unit - rows * q) ** 2).sum() / (rows * rate * q))
        flat = m.ravel() - kept
        lag1 = float((flat[:-1] * flat[1:]).mean() / flat.var())
        centred = m - kept
        nextrow = float((centred[:-1] * centred[1:]).mean() / centred.var())
        print(f"| {name} | {rate:g} | {m.size} | {kept:.5f} | {z:+.2f} | {chi2_upper(chi2, units):.2f} | "
              f"{lag1:+.5f} ({normal_two_sided(lag1 * math.sqrt(flat.size - 1)):.2f}) | "
              f"{nextrow:+.5f} ({normal_two_sided(nextrow * math.sqrt(centred.size - units)):.2f}) |")
    print()


def tensor_names(count):
    """Keras' get_weights() names for the blog's layer kinds: kernel, bias per layer with weights."""
    return [f"tensor {i} ({'kernel' if i % 2 == 0 else 'bias'})" for i in range(count)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory")
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--loss-tolerance", type=float, default=1e-5)
    parser.add_argument("--weight-tolerance", type=float, default=1e-3)
    args = parser.parse_args()
    failed = False
    found = False
    for path in sorted(glob.glob(os.path.join(args.directory, "*.nbrun.npz"))):
        train = os.path.basename(path)[:-len(".nbrun.npz")]
        runs = sorted(glob.glob(os.path.join(args.directory, train + ".keras-*.npz")))
        if not runs:
            print(f"## {train}: no {train}.keras-<backend>.npz; run the exported script with --same-start first\n")
        backends = [os.path.basename(r)[len(train) + len(".keras-"):-len(".npz")] for r in runs]
        for backend, keras_path in zip(backends, runs):
            found = True
            failed |= compare(train, "nbrun", np.load(path), f"Keras ({backend})", np.load(keras_path), args,
                              backend=backend)
        # The control: two Keras backends from the same start part as nbrun and Keras do when the
        # difference is float32 summation order amplified by training, not a rule.
        if len(runs) > 1:
            compare(train, f"Keras ({backends[0]})", np.load(runs[0]), f"Keras ({backends[1]})", np.load(runs[1]), args,
                    control=True)
    if not found:
        sys.exit(f"no train in {args.directory} has both recordings")
    sys.exit(1 if failed else 0)


def compare(train, a, ours, b, theirs, args, control=False, backend=None):
    """Prints the comparison of run `a` with run `b` of one train; true when beyond a tolerance."""
    failed = False
    print(f"## {train}: {a} and {b} from the same start{' (control)' if control else ''}\n")
    if not control:
        initial_table(ours, theirs)
        mask_table(ours)
    n_loss = ours["loss"]
    exact = "loss" in theirs.files
    k_loss = theirs["loss"] if exact else theirs["running_loss"]
    if "replayed_dropout" in theirs.files and bool(theirs["replayed_dropout"]):
        print("(Dropout: Keras applied nbrun's recorded masks, so both drop the same elements)\n")
    if not exact:
        # Keras' running means; nbrun's become running means the same way (equal batches).
        n_loss = np.cumsum(n_loss) / np.arange(1, len(n_loss) + 1)
        print("(the model has BatchNormalization, random augmentation, or Dropout whose masks were not "
              "recorded: Keras' running means are compared, and any random draws differ, so the runs part "
              "from the first step)\n")
    steps = min(len(n_loss), len(k_loss))
    window = min(args.steps, steps)
    diffs = np.array([relative(n_loss[i], k_loss[i]) for i in range(steps)])
    print(f"| step | {a} loss | {b} loss | relative difference |\n|---:|---:|---:|---:|")
    shown = sorted({s for s in (1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000, 1500, steps) if s <= steps})
    for s in shown:
        print(f"| {s} | {n_loss[s - 1]:.8f} | {k_loss[s - 1]:.8f} | {diffs[s - 1]:.2e} |")
    beyond = np.nonzero(diffs[:window] > args.loss_tolerance)[0]
    print(f"\nlargest relative difference over steps 1-{window}: {diffs[:window].max():.2e} "
          f"(median {np.median(diffs[:window]):.2e}); over all {steps} steps: {diffs.max():.2e}")
    if len(beyond):
        failed = True
        print(f"FIRST STEP BEYOND {args.loss_tolerance:g}: step {beyond[0] + 1} "
              f"({diffs[beyond[0]]:.2e})")
    else:
        print(f"every step 1-{window} within {args.loss_tolerance:g}")
    later = np.nonzero(diffs > args.loss_tolerance)[0]
    if len(later) and not len(beyond):
        print(f"first step beyond {args.loss_tolerance:g} overall: step {later[0] + 1} ({diffs[later[0]]:.2e})")
    after = int(ours["after_steps"]) if "after_steps" in ours.files else args.steps
    for label, prefix in ((f"after {after} steps", "after_steps_"),
                          ("after epoch 1", "after_epoch_")):
        n_w, k_w = weights(ours, prefix), weights(theirs, prefix)
        if not n_w or len(n_w) != len(k_w):
            continue
        rows, first = tensor_table(tensor_names(len(n_w)), n_w, k_w, args.weight_tolerance)
        print(f"\nweights {label}:\n\n| tensor | shape | max abs difference | relative L2 difference |"
              "\n|---|---|---:|---:|")
        print("\n".join(rows))
        if first:
            print(f"first tensor beyond {args.weight_tolerance:g}: {first[0]} ({first[1]:.2e})")
            if prefix == "after_steps_":
                failed = True
        else:
            print(f"every tensor within {args.weight_tolerance:g}")
    histories = sorted(glob.glob(os.path.join(args.directory, f"*.same-start.keras-{backend}.json"))) if backend else []
    for h in histories:
        with open(h) as f:
            record = json.load(f)["directives"].get(f"train {train}")
        if not record:
            continue
        print(f"\nepochs from the same start ({os.path.basename(h)}):\n")
        print("| epoch | nbrun val_loss | Keras val_loss | nbrun val_accuracy | Keras val_accuracy |\n"
              "|---:|---:|---:|---:|---:|")
        k_hist = record["history"]
        for e in range(min(len(ours["history_val_loss"]), len(k_hist.get("val_loss", [])))):
            print(f"| {e + 1} | {ours['history_val_loss'][e]:.5f} | {k_hist['val_loss'][e]:.5f} | "
                  f"{ours['history_val_accuracy'][e]:.4f} | {k_hist['val_accuracy'][e]:.4f} |")
    print()
    return failed


if __name__ == "__main__":
    main()
