#!/usr/bin/env python3
"""Reference values for the training tests (callbacks, classification report, top-k accuracy),
computed independently in NumPy from the published definitions. Writes
Tests/EngineTests/Fixtures/training-reference.json (callbacks, top-k) and
Tests/StatisticsTests/Fixtures/report-reference.json (classification report).

- callbacks: Keras 3's EarlyStopping and ReduceLROnPlateau rules (keras/src/callbacks/early_stopping.py,
  reduce_lr_on_plateau.py) transcribed here, driven by fixed monitor sequences; each case records the
  epochs run, stopped and best epochs (1-based), the epoch whose weights are restored, and the learning
  rate each epoch trained with (as float32, as Keras stores it).
- classification report: sklearn's classification_report formulas (precision tp/(tp+fp), recall
  tp/(tp+fn), F1 2pr/(p+r), 0 where a denominator is 0; macro = unweighted mean, weighted = mean
  weighted by support; accuracy = trace / n) on seeded label/prediction vectors.
- top-k accuracy: Keras' in_top_k rule (the target's score is among the k largest; ties with the k-th
  score count as in the top k) on seeded score matrices with deliberate ties, ranked on the softmax
  probabilities (the logits are recorded too: the engine starts from them), and one case whose
  probabilities underflow to a tie that the logits do not have.

Run: python3 scripts/training/make_fixtures.py   (NumPy >= 1.24; written with NumPy 2.x)
"""
import json
import math
import os

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "EngineTests", "Fixtures", "training-reference.json")
REPORT_OUT = os.path.join(ROOT, "Tests", "StatisticsTests", "Fixtures", "report-reference.json")
rng = np.random.default_rng(20261201)


def early_stopping(values, monitor_increases, min_delta=0.0, patience=0, baseline=None,
                   restore_best_weights=False, start_from_epoch=0):
    """Keras 3 EarlyStopping over monitor values (None = missing); epochs here are 0-based like Keras."""
    less = not monitor_increases
    delta = -abs(min_delta) if less else abs(min_delta)
    best = math.inf if less else -math.inf

    def improves(value, reference):
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return False
        return (value - delta < reference) if less else (value - delta > reference)

    wait, stopped, best_epoch, best_weights_epoch = 0, 0, 0, None
    epochs_run = 0
    for epoch, current in enumerate(values):
        epochs_run = epoch + 1
        if current is None or epoch < start_from_epoch:
            continue
        if restore_best_weights and best_weights_epoch is None:
            best_weights_epoch = epoch
            best_epoch = epoch
        wait += 1
        if improves(current, best):
            best = current
            best_epoch = epoch
            if restore_best_weights:
                best_weights_epoch = epoch
            if baseline is None or improves(current, baseline):
                wait = 0
            continue
        if wait >= patience and epoch > 0:
            stopped = epoch
            break
    monitored = any(v is not None and e >= start_from_epoch for e, v in enumerate(values[:epochs_run]))
    return {
        "epochs_run": epochs_run,
        "stopped_epoch": stopped + 1 if stopped > 0 else 0,
        "best_epoch": best_epoch + 1 if monitored else 0,
        # The epoch whose weights the model ends with (the last epoch when nothing is restored).
        "final_weights_epoch": (best_weights_epoch + 1) if best_weights_epoch is not None else epochs_run,
    }


def reduce_lr(values, lr, monitor_increases, factor=0.1, patience=10, min_delta=1e-4, cooldown=0, min_lr=0.0):
    """Keras 3 ReduceLROnPlateau; returns the float32 learning rate each epoch trained with."""
    if monitor_increases:
        op, best = (lambda a, b: a > b + min_delta), -math.inf
    else:
        op, best = (lambda a, b: a < b - min_delta), math.inf
    lr = np.float32(lr)
    wait, cooldown_counter, rates = 0, 0, []
    for current in values:
        rates.append(float(lr))
        if current is None:
            continue
        if cooldown_counter > 0:
            cooldown_counter -= 1
            wait = 0
        if op(current, best):
            best, wait = current, 0
        elif not cooldown_counter > 0:
            wait += 1
            if wait >= patience:
                old = float(lr)
                if old > np.float32(min_lr):
                    lr = np.float32(max(old * factor, min_lr))
                    cooldown_counter, wait = cooldown, 0
    return rates


def f32(xs):
    """Float32 values as Keras logs them; NaN is written as the string "nan" (JSON has no NaN)."""
    return [None if x is None else float(np.float32(x)) for x in xs]


def jsonable(xs):
    return [("nan" if isinstance(x, float) and math.isnan(x) else x) for x in xs]


falling_then_rising = f32([1.0, 0.8, 0.7, 0.72, 0.71, 0.75, 0.8, 0.85, 0.9, 0.95])
plateau = f32([0.5, 0.4, 0.4, 0.4, 0.39995, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3])
accuracy = f32([0.5, 0.6, 0.65, 0.64, 0.66, 0.66, 0.65, 0.64, 0.63, 0.62])
noisy = f32(list(0.5 + 0.1 * np.sin(np.arange(14) * 1.3) + 0.02 * rng.standard_normal(14)))
with_nan = f32([0.9, 0.8, float("nan"), 0.85, 0.79, 0.9, 0.9, 0.9])

early_cases = [
    dict(name="patience 3, restore", values=falling_then_rising, increases=False, patience=3, restore_best_weights=True),
    dict(name="patience 0", values=falling_then_rising, increases=False, patience=0),
    dict(name="patience 1, min_delta", values=falling_then_rising, increases=False, patience=1, min_delta=0.05),
    dict(name="never stops, restore", values=f32([1.0, 0.8, 0.7, 0.75, 0.76]), increases=False, patience=5,
         restore_best_weights=True),
    dict(name="equal is no improvement", values=plateau, increases=False, patience=2),
    dict(name="min_delta on a plateau", values=plateau, increases=False, patience=2, min_delta=0.001),
    dict(name="max mode", values=accuracy, increases=True, patience=2, restore_best_weights=True),
    dict(name="baseline never beaten", values=falling_then_rising, increases=False, patience=3, baseline=0.5,
         restore_best_weights=True),
    dict(name="baseline beaten", values=falling_then_rising, increases=False, patience=2, baseline=0.75),
    dict(name="start_from_epoch", values=falling_then_rising, increases=False, patience=1, start_from_epoch=4,
         restore_best_weights=True),
    dict(name="noisy", values=noisy, increases=False, patience=2, restore_best_weights=True),
    dict(name="nan never improves", values=with_nan, increases=False, patience=2, restore_best_weights=True),
]
for case in early_cases:
    case["expected"] = early_stopping(
        case["values"], case["increases"], case.get("min_delta", 0.0), case.get("patience", 0),
        case.get("baseline"), case.get("restore_best_weights", False), case.get("start_from_epoch", 0))

reduce_cases = [
    dict(name="defaults, patience 2", values=falling_then_rising, increases=False, lr=0.001, patience=2),
    dict(name="factor 0.5, cooldown 2", values=falling_then_rising, increases=False, lr=0.01, factor=0.5, patience=1,
         cooldown=2),
    dict(name="min_lr floor", values=falling_then_rising, increases=False, lr=0.001, factor=0.2, patience=1,
         min_lr=0.0001),
    dict(name="plateau, min_delta 1e-4", values=plateau, increases=False, lr=0.001, factor=0.5, patience=1),
    dict(name="accuracy (max)", values=accuracy, increases=True, lr=0.001, factor=0.5, patience=1, min_delta=0.0),
    dict(name="patience 0", values=noisy, increases=False, lr=0.1, factor=0.5, patience=0),
]
for case in reduce_cases:
    case["expected_rates"] = reduce_lr(
        case["values"], case["lr"], case["increases"], case.get("factor", 0.1), case.get("patience", 10),
        case.get("min_delta", 1e-4), case.get("cooldown", 0), case.get("min_lr", 0.0))


def classification_report(labels, predictions, classes):
    rows = []
    for c in range(classes):
        tp = int(np.sum((predictions == c) & (labels == c)))
        fp = int(np.sum((predictions == c) & (labels != c)))
        fn = int(np.sum((predictions != c) & (labels == c)))
        p = tp / (tp + fp) if tp + fp > 0 else 0.0
        r = tp / (tp + fn) if tp + fn > 0 else 0.0
        f = 2 * p * r / (p + r) if p + r > 0 else 0.0
        rows.append([p, r, f, tp + fn])
    arr = np.array(rows, dtype=float)
    support = arr[:, 3]
    macro = arr[:, :3].mean(axis=0)
    weighted = (arr[:, :3] * support[:, None]).sum(axis=0) / support.sum()
    return {
        "classes": [dict(precision=r[0], recall=r[1], f1=r[2], support=int(r[3])) for r in rows],
        "accuracy": float(np.mean(labels == predictions)),
        "macro": dict(precision=macro[0], recall=macro[1], f1=macro[2]),
        "weighted": dict(precision=weighted[0], recall=weighted[1], f1=weighted[2]),
        "support": int(support.sum()),
    }


report_cases = []
for n, classes, skill in [(200, 4, 0.7), (500, 10, 0.85), (60, 5, 0.3)]:
    labels = rng.integers(0, classes, n)
    predictions = np.where(rng.random(n) < skill, labels, rng.integers(0, classes, n))
    if classes == 5:
        predictions[predictions == 4] = 0  # class 4 is never predicted: precision 0 by sklearn's zero_division
    report_cases.append(dict(labels=labels.tolist(), predictions=predictions.tolist(), classes=classes,
                             expected=classification_report(labels, predictions, classes)))


def top_k(scores, labels, k):
    """Keras in_top_k: correct when fewer than k classes score strictly above the target."""
    target = scores[np.arange(len(labels)), labels]
    above = (scores > target[:, None]).sum(axis=1)
    return float(np.mean(above < k))


top_k_cases = []
for n, classes, k in [(50, 10, 5), (40, 10, 1), (30, 4, 2), (20, 3, 5)]:
    logits = rng.standard_normal((n, classes)).astype(np.float32)
    logits[::4, 1] = logits[::4, 0]  # ties
    logits[::7, :] = 0.25  # every class tied
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    probs = (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
    labels = rng.integers(0, classes, n)
    top_k_cases.append(dict(scores=probs.flatten().tolist(), logits=logits.flatten().tolist(), labels=labels.tolist(),
                            classes=classes, k=k, expected=top_k(probs, labels, k)))
# Keras ranks the softmax outputs, not the logits: logits 100 apart give probabilities that underflow
# to 0 in float32 and tie, so the label (class 2) is in the top 2 of the probabilities, not of the logits.
logits = np.array([[120.0, 0.0, -1.0, -2.0, -3.0], [5.0, 4.0, 3.0, 2.0, 1.0]], dtype=np.float32)
e = np.exp(logits - logits.max(axis=1, keepdims=True))
probs = (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
labels = np.array([2, 2])
top_k_cases.append(dict(scores=probs.flatten().tolist(), logits=logits.flatten().tolist(), labels=labels.tolist(),
                        classes=5, k=2, expected=top_k(probs, labels, 2)))

for case in early_cases + reduce_cases:
    case["values"] = jsonable(case["values"])
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump(dict(early_stopping=early_cases, reduce_lr=reduce_cases, top_k=top_k_cases), f, indent=1,
              allow_nan=False)
with open(REPORT_OUT, "w") as f:
    json.dump(dict(report=report_cases), f, indent=1, allow_nan=False)
print("wrote", OUT, "and", REPORT_OUT)
