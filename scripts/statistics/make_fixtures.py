#!/usr/bin/env python3
"""Reference values for the Statistics module's tests, computed independently with SciPy and NumPy.
Writes Tests/StatisticsTests/Fixtures/reference.json.

- special functions: scipy.special.gammaln, betainc, betaincc
- Student t: scipy.stats.t.cdf, .sf, .pdf, .ppf (including extreme quantiles and large d.o.f.)
- summaries: numpy mean, std(ddof=1), median, min, max; ci95 = half-width of scipy.stats.t.interval
- Welch: scipy.stats.ttest_ind(equal_var=False) with .confidence_interval(0.95); Cohen's d (pooled sd)
- paired: scipy.stats.ttest_rel with .confidence_interval(0.95); d_z = mean(d) / sd(d)
- bootstrap: the documented algorithm re-implemented here (SplitMix64 stream, Lemire indices, numpy
  percentile 'linear', p = min(1, 2 min(1 + #<=0, 1 + #>=0) / (B + 1))), plus scipy.stats.bootstrap's
  percentile interval (other random stream) for a Monte Carlo cross-check.

Run: python3 scripts/statistics/make_fixtures.py   (SciPy >= 1.11; written with SciPy 1.17.1, NumPy 2.4)
"""
import json
import math
import os

import numpy as np
import scipy
from scipy import special, stats

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "StatisticsTests", "Fixtures", "reference.json")
MASK = (1 << 64) - 1
rng = np.random.default_rng(20260513)


def num(x):
    """A float for JSON; non-finite values as strings ("inf", "-inf", "nan")."""
    x = float(x)
    return x if math.isfinite(x) else str(x)


class SplitMix64:
    """The engine's SeededGenerator (Steele, Lea, Flood 2014)."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def index(self, n):
        """floor(u n / 2^64) with Lemire's rejection of biased low products."""
        product = self.next() * n
        low = product & MASK
        if low < n:
            threshold = ((1 << 64) - n) % n
            while low < threshold:
                product = self.next() * n
                low = product & MASK
        return product >> 64


def resampled_mean(values, gen):
    total = 0.0
    for _ in values:
        total += values[gen.index(len(values))]
    return total / len(values)


def bootstrap(a, b, seed, resamples):
    gen = SplitMix64(seed)
    deltas = []
    for _ in range(resamples):
        ma = resampled_mean(a, gen)
        mb = resampled_mean(b, gen)
        deltas.append(ma - mb)
    deltas = np.array(deltas)
    below = int(np.sum(deltas <= 0))
    above = int(np.sum(deltas >= 0))
    p = min(1.0, 2 * (min(below, above) + 1) / (resamples + 1))
    low, high = np.percentile(deltas, [2.5, 97.5], method="linear")
    sp = stats.bootstrap((np.array(a), np.array(b)), lambda x, y, axis: np.mean(x, axis) - np.mean(y, axis),
                         vectorized=True, paired=False, n_resamples=resamples, method="percentile",
                         confidence_level=0.95, rng=np.random.default_rng(seed))
    return {"a": a, "b": b, "seed": seed, "resamples": resamples, "diff": num(np.mean(a) - np.mean(b)),
            "ci95_low": num(low), "ci95_high": num(high), "p": num(p), "effect": num(cohen_d(a, b)),
            "scipy_ci95_low": num(sp.confidence_interval.low), "scipy_ci95_high": num(sp.confidence_interval.high)}


def cohen_d(a, b):
    a, b = np.array(a), np.array(b)
    na, nb = len(a), len(b)
    pooled = math.sqrt(((na - 1) * a.var(ddof=1) + (nb - 1) * b.var(ddof=1)) / (na + nb - 2))
    return (a.mean() - b.mean()) / pooled


def welch(a, b):
    r = stats.ttest_ind(a, b, equal_var=False)
    ci = r.confidence_interval(0.95)
    return {"a": a, "b": b, "t": num(r.statistic), "p": num(r.pvalue), "df": num(r.df),
            "diff": num(np.mean(a) - np.mean(b)), "ci95_low": num(ci.low), "ci95_high": num(ci.high),
            "effect": num(cohen_d(a, b))}


def paired(a, b):
    r = stats.ttest_rel(a, b)
    ci = r.confidence_interval(0.95)
    d = np.array(a) - np.array(b)
    return {"a": a, "b": b, "t": num(r.statistic), "p": num(r.pvalue), "df": num(r.df),
            "diff": num(d.mean()), "ci95_low": num(ci.low), "ci95_high": num(ci.high),
            "effect": num(d.mean() / d.std(ddof=1))}


def summary(values):
    v = np.array(values)
    n = len(v)
    s = v.std(ddof=1)
    if s > 0:
        low, high = stats.t.interval(0.95, n - 1, loc=v.mean(), scale=s / math.sqrt(n))
    else:
        low = high = v.mean()  # SciPy gives NaN for a zero scale; no spread means a zero half-width
    return {"values": values, "mean": num(v.mean()), "sd": num(s), "median": num(np.median(v)),
            "min": num(v.min()), "max": num(v.max()), "ci95": num((high - low) / 2)}


def normal(n, mean, sd):
    return [float(x) for x in rng.normal(mean, sd, n)]


# The spec's five val_loss values, and realistic accuracies of two settings.
val_loss = [0.0959, 0.0946, 0.0875, 0.0990, 0.0931]
val_loss_dropout = [0.0712, 0.0730, 0.0698, 0.0745, 0.0721]
acc_a = [0.9871, 0.9863, 0.9880, 0.9868, 0.9875]
acc_b = [0.9862, 0.9859, 0.9866, 0.9870, 0.9851]

samples = [val_loss, val_loss_dropout, acc_a, [1.0, 2.0], [3.5, 3.5, 3.5], [-2.0, 7.0, 1.0, 1.0],
           normal(10, 5.0, 2.0), normal(30, -1.0, 0.01), normal(1000, 100.0, 15.0), [1e9 + 1, 1e9 + 2, 1e9 + 4]]

two_sample = [
    (val_loss, val_loss_dropout),
    (acc_a, acc_b),
    ([1.0, 2.0], [3.0, 5.0]),                      # n = 2 each
    ([0.1, 0.1, 0.1], [0.2, 0.25, 0.3, 0.22]),     # one side without spread
    (normal(3, 0.0, 1.0), normal(12, 0.5, 5.0)),  # unequal n and variances
    (normal(1000, 10.0, 1.0), normal(1200, 10.1, 1.2)),  # large d.o.f.
    (normal(5, 1.0, 1e-6), normal(5, 1.0 + 1e-7, 1e-6)),  # tiny differences
    (normal(8, 0.0, 1.0), normal(8, 0.0, 1.0)),    # no effect
]
pairs = [
    (val_loss, val_loss_dropout),
    (acc_a, acc_b),
    ([1.0, 2.0], [1.5, 2.25]),                     # n = 2
    ([0.5, 0.6, 0.7, 0.8], [0.4, 0.52, 0.58, 0.71]),
    (normal(50, 3.0, 1.0), normal(50, 3.1, 1.0)),
    (normal(2000, 0.0, 1.0), normal(2000, 0.02, 1.0)),  # large d.o.f.
]

dofs = [1, 1.5, 2, 3, 4, 5.7, 9, 10, 30, 100, 1000, 1e4, 1e5, 1e6]
ts = [-1e4, -50, -5, -2.5, -1, -0.3, 0, 0.1, 1, 2, 4, 12.7, 100, 1e4]
ps = [1e-100, 1e-15, 1e-10, 1e-6, 0.001, 0.025, 0.05, 0.3, 0.5, 0.7, 0.975, 0.999, 1 - 1e-10]

reference = {
    "generator": f"scripts/statistics/make_fixtures.py, SciPy {scipy.__version__}, NumPy {np.__version__}",
    "log_gamma": [{"x": x, "value": num(special.gammaln(x))}
                  for x in [1e-8, 0.01, 0.5, 1, 1.5, 2, 2.5, 3.7, 10, 50.5, 171.3, 1e3, 5e5, 1e7]],
    "incomplete_beta": [{"x": x, "a": a, "b": b, "value": num(special.betainc(a, b, x)),
                         "complement": num(special.betaincc(a, b, x))}
                        for (a, b) in [(0.5, 0.5), (0.5, 5), (5, 0.5), (2, 3), (50, 0.5), (0.5, 50), (1e4, 0.5)]
                        for x in [1e-10, 0.01, 0.3, 0.5, 0.9, 0.999]],
    "student_t": [{"df": df, "t": t, "cdf": num(stats.t.cdf(t, df)), "sf": num(stats.t.sf(t, df)),
                   "pdf": num(stats.t.pdf(t, df))} for df in dofs for t in ts],
    "student_t_quantile": [{"df": df, "p": p, "value": num(stats.t.ppf(p, df))} for df in dofs for p in ps],
    "summary": [summary(s) for s in samples],
    "welch": [welch(a, b) for (a, b) in two_sample],
    "paired": [paired(a, b) for (a, b) in pairs],
    "bootstrap": [bootstrap(val_loss, val_loss_dropout, 42, 10000),
                  bootstrap(acc_a, acc_b, 7, 10000),
                  bootstrap([1.0, 2.0], [3.0, 5.0], 2026, 10000),
                  bootstrap(normal(8, 0.0, 1.0), normal(8, 0.0, 1.0), 99, 10000)],
}

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump(reference, f, indent=1, sort_keys=True)
    f.write("\n")
print(f"wrote {OUT}")
