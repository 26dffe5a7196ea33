#!/usr/bin/env python3
"""Reference values for the Keras-vocabulary features of the engine (kernel regularisers,
augmentation layers, global pooling, AdamW, learning-rate schedules), computed independently with
NumPy (float64 maths on float32 inputs) from Keras 3's documented formulas.
Writes Tests/EngineTests/Fixtures/keras-reference.json. Same conventions as make_fixtures.py:
flattened row-major arrays (NHWC, Keras layouts), one seeded NumPy generator.
Run: python3 scripts/engine/make_keras_fixtures.py
"""
import json
import os

import numpy as np

rng = np.random.default_rng(20261201)
cases = {}


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def rand(*shape, scale=1.0):
    return f32(rng.standard_normal(shape) * scale)


def flat(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


# --- Kernel regularisers -------------------------------------------------------------------------
# Dense(3, softmax) on 5 samples of 4 features, one full-batch SGD step (lr 0.1). Keras adds
# penalty = l1 sum|W| + l2 sum W^2 to the mean cross-entropy (training loss and evaluate/val_loss),
# and its gradient l1 sign(W) + 2 l2 W to dL/dW. The bias is not regularised.

def softmax_ce(x, W, b, labels):
    z = x @ W + b
    z = z - z.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    loss = -logp[np.arange(len(labels)), labels].mean()
    g = np.exp(logp)
    g[np.arange(len(labels)), labels] -= 1
    g /= len(labels)
    return loss, x.T @ g, g.sum(axis=0)


def add_regularized(name, l1, l2):
    x = rand(5, 4)
    W = rand(4, 3, scale=0.5)
    b = rand(3, scale=0.1)
    labels = rng.integers(0, 3, size=5)
    ce, dW, db = softmax_ce(x, W, b, labels)
    penalty = l1 * np.abs(W).sum() + l2 * (W ** 2).sum()
    lr = 0.1
    W1 = W - lr * (dW + l1 * np.sign(W) + 2 * l2 * W)
    b1 = b - lr * db
    ce1, _, _ = softmax_ce(x, W1, b1, labels)
    penalty1 = l1 * np.abs(W1).sum() + l2 * (W1 ** 2).sum()
    cases[name] = dict(kind="regularized_dense", l1=l1, l2=l2, x=flat(x), kernelValues=flat(W), biasValues=flat(b),
                       labels=[int(v) for v in labels], learningRate=lr, trainLoss=float(ce + penalty),
                       penalty=float(penalty), kernelAfter=flat(W1), biasAfter=flat(b1),
                       evalLoss=float(ce1 + penalty1))


add_regularized("regularized_l2", 0.0, 0.01)
add_regularized("regularized_l1", 0.05, 0.0)
add_regularized("regularized_l1_l2", 0.02, 0.03)


# --- Image transforms (RandomRotation, RandomTranslation, RandomZoom) ------------------------------
# For fixed transform parameters: the output-to-input map of Keras 3, then TensorFlow's
# ImageProjectiveTransformV3 sampling: each coordinate mapped into the image by fill_mode, then
# bilinear from floor/floor+1 neighbours (fill_value outside) or nearest (round half away from 0).

def map_coord(c, n, mode):
    if mode == "constant":
        return c
    if mode == "reflect":
        if n <= 1:
            return 0.0
        p = 2 * n
        if c < 0:
            c = c + p * np.trunc(-c / p)
            c = c + p if c < -n else -c - 1
        elif c > n - 1:
            c = c - p * np.trunc(c / p)
            if c >= n:
                c = p - c - 1
    elif mode == "wrap":
        if n <= 1:
            return 0.0
        if c < 0:
            c = c + n * (np.trunc(-c / (n - 1)) + 1)
        elif c > n - 1:
            c = c - n * np.trunc(c / (n - 1))
    return min(max(c, 0.0), n - 1.0)


def sample(img, r, c, fill):
    h, w, _ = img.shape
    if 0 <= r <= h - 1 and 0 <= c <= w - 1:
        return img[int(r), int(c)]
    return np.full(img.shape[2], fill)


def transform(img, m, mode, interpolation, fill):
    h, w, ch = img.shape
    out = np.zeros_like(img)
    for y in range(h):
        for x in range(w):
            xs = map_coord(m[0] * x + m[1] * y + m[2], w, mode)
            ys = map_coord(m[3] * x + m[4] * y + m[5], h, mode)
            if interpolation == "nearest":
                rx = np.floor(xs + 0.5) if xs >= 0 else np.ceil(xs - 0.5)
                ry = np.floor(ys + 0.5) if ys >= 0 else np.ceil(ys - 0.5)
                out[y, x] = sample(img, ry, rx, fill)
                continue
            x0, y0 = np.floor(xs), np.floor(ys)
            x1, y1 = x0 + 1, y0 + 1
            top = (x1 - xs) * sample(img, y0, x0, fill) + (xs - x0) * sample(img, y0, x1, fill)
            bottom = (x1 - xs) * sample(img, y1, x0, fill) + (xs - x0) * sample(img, y1, x1, fill)
            out[y, x] = (y1 - ys) * top + (ys - y0) * bottom
    return out


def transform_matrix(img_shape, mode, interpolation, fill, m):
    """The linear map of transform() as a matrix (for the backward pass: dx = M^T dy)."""
    h, w, ch = img_shape
    n = h * w * ch
    M = np.zeros((n, n))
    for k in range(n):
        e = np.zeros(n)
        e[k] = 1
        M[:, k] = transform(e.reshape(img_shape), m, mode, interpolation, 0.0).ravel()
    return M


def rotation_matrix(turns, h, w):
    t = 2 * np.pi * turns
    a, b = np.cos(t), np.sin(t)
    cx, cy = w / 2, h / 2
    return [a, b, (1 - a) * cx - b * cy, -b, a, b * cx + (1 - a) * cy]


def translation_matrix(u, v, h, w):
    return [1, 0, -v * w, 0, 1, -u * h]


def zoom_matrix(zy, zx, h, w):
    return [zx, 0, (w - 1) / 2 * (1 - zx), 0, zy, (h - 1) / 2 * (1 - zy)]


def add_transform(name, kind, params, mode="reflect", interpolation="bilinear", fill=0.0, shape=(7, 6, 2)):
    h, w, ch = shape
    img = rand(*shape)
    dy = rand(*shape)
    if kind == "rotation":
        m = rotation_matrix(params[0], h, w)
    elif kind == "translation":
        m = translation_matrix(params[0], params[1], h, w)
    else:
        m = zoom_matrix(params[0], params[1], h, w)
    y = transform(img, m, mode, interpolation, fill)
    dx = transform_matrix(shape, mode, interpolation, fill, m).T @ dy.ravel()
    cases[name] = dict(kind="transform", transform=kind, params=list(params), shape=list(shape), fillMode=mode,
                       interpolation=interpolation, fillValue=fill, x=flat(img), y=flat(y), dy=flat(dy), dx=flat(dx))


add_transform("rotation_reflect", "rotation", [0.07])
add_transform("rotation_reflect_large", "rotation", [-0.31])
add_transform("rotation_constant", "rotation", [0.11], mode="constant", fill=0.5)
add_transform("rotation_nearest_interp", "rotation", [-0.05], interpolation="nearest")
add_transform("translation_reflect", "translation", [0.2, -0.35])
add_transform("translation_wrap", "translation", [-0.45, 0.3], mode="wrap")
add_transform("translation_nearest_fill", "translation", [0.3, 0.25], mode="nearest")
add_transform("zoom_in_reflect", "zoom", [0.75, 0.8])
add_transform("zoom_out_reflect", "zoom", [1.3, 1.45])
add_transform("zoom_out_constant", "zoom", [1.2, 1.2], mode="constant", fill=-1.0)


# --- Global pooling ------------------------------------------------------------------------------
def add_global(name, kind):
    x = rand(3, 4, 5, 6)
    if kind == "max":
        x[1, 0, 0, 2] = x[1, 3, 4, 2] = x[1, :, :, 2].max() + 1  # a tie: the gradient is shared
    dy = rand(3, 6)
    if kind == "average":
        y = x.mean(axis=(1, 2))
        dx = np.broadcast_to(dy[:, None, None, :] / 20, x.shape)
    else:
        y = x.max(axis=(1, 2))
        hit = (x == y[:, None, None, :]).astype(np.float64)
        dx = hit / hit.sum(axis=(1, 2), keepdims=True) * dy[:, None, None, :]
    cases[name] = dict(kind="global_pool", pool=kind, input=[4, 5, 6], batch=3, x=flat(x), y=flat(y), dy=flat(dy),
                       dx=flat(dx))


add_global("global_average", "average")
add_global("global_max", "max")


# --- AdamW and learning-rate schedules -------------------------------------------------------------
# Keras 3: at step t (iterations done before it, from 0) the learning rate is schedule(t); weight
# decay first (w -= w * wd * lr), then the optimizer's update with that rate.

def exponential(lr0, steps, rate, staircase):
    def f(t):
        p = np.floor(t / steps) if staircase else t / steps
        return lr0 * rate ** p
    return f


def cosine(lr0, steps, alpha=0.0, warmup_target=None, warmup_steps=0):
    def decay(t, frm):
        c = 0.5 * (1 + np.cos(np.pi * t / steps))
        return frm * ((1 - alpha) * c + alpha)

    def f(t):
        if warmup_target is None:
            return decay(min(t, steps), lr0)
        t = min(t, steps + warmup_steps)
        if t < warmup_steps:
            return (warmup_target - lr0) * (t / warmup_steps) + lr0
        return decay(t - warmup_steps, warmup_target)
    return f


def piecewise(boundaries, values):
    def f(t):
        for b, v in zip(boundaries, values):
            if t <= b:
                return v
        return values[-1]
    return f


schedules = {
    "exponential": (dict(name="ExponentialDecay", initial=0.1, steps=3, rate=0.5, staircase=False),
                    exponential(0.1, 3, 0.5, False)),
    "exponential_staircase": (dict(name="ExponentialDecay", initial=0.1, steps=3, rate=0.5, staircase=True),
                              exponential(0.1, 3, 0.5, True)),
    "cosine": (dict(name="CosineDecay", initial=0.1, steps=8, alpha=0.1), cosine(0.1, 8, alpha=0.1)),
    "cosine_warmup": (dict(name="CosineDecay", initial=0.0, steps=6, alpha=0.0, warmupTarget=0.2, warmupSteps=4),
                      cosine(0.0, 6, warmup_target=0.2, warmup_steps=4)),
    "piecewise": (dict(name="PiecewiseConstantDecay", boundaries=[2, 5], values=[0.1, 0.05, 0.01]),
                  piecewise([2, 5], [0.1, 0.05, 0.01])),
}
for key, (spec, f) in schedules.items():
    cases["schedule_" + key] = dict(kind="schedule", spec=spec, rates=[float(f(t)) for t in range(14)])


def adamw_trajectory(name, lr, wd, b1, b2, eps, schedule=None):
    w = rand(11)
    w0 = w.copy()
    grads = [rand(11) for _ in range(5)]
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    trajectory = []
    for t, g in enumerate(grads):
        rate = schedule(t) if schedule else lr
        w = w - w * wd * rate
        m = m + (g - m) * (1 - b1)
        v = v + (g * g - v) * (1 - b2)
        alpha = rate * np.sqrt(1 - b2 ** (t + 1)) / (1 - b1 ** (t + 1))
        w = w - alpha * m / (np.sqrt(v) + eps)
        trajectory.append(flat(w))
    cases[name] = dict(kind="adamw", learningRate=lr, weightDecay=wd, beta1=b1, beta2=b2, epsilon=eps, w0=flat(w0),
                       grads=[flat(g) for g in grads], trajectory=trajectory)


adamw_trajectory("adamw_keras", 0.001, 0.004, 0.9, 0.999, 1e-7)
adamw_trajectory("adamw_strong", 0.05, 0.3, 0.8, 0.99, 1e-4)


def sgd_schedule_trajectory(name, spec, schedule, momentum, nesterov):
    w = rand(11)
    w0 = w.copy()
    grads = [rand(11) for _ in range(7)]
    m = np.zeros_like(w)
    trajectory = []
    for t, g in enumerate(grads):
        lr = schedule(t)
        m = momentum * m - lr * g
        w = w + (momentum * m - lr * g if nesterov else m)
        trajectory.append(flat(w))
    cases[name] = dict(kind="sgd_schedule", spec=spec, momentum=momentum, nesterov=nesterov, w0=flat(w0),
                       grads=[flat(g) for g in grads], trajectory=trajectory)


sgd_schedule_trajectory("sgd_nesterov_exponential", schedules["exponential"][0], schedules["exponential"][1], 0.9, True)
sgd_schedule_trajectory("sgd_momentum_piecewise", schedules["piecewise"][0], schedules["piecewise"][1], 0.5, False)

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "..", "Tests", "EngineTests", "Fixtures", "keras-reference.json")
with open(out, "w") as fh:
    json.dump(dict(generator="scripts/engine/make_keras_fixtures.py", numpy=np.__version__, cases=cases), fh)
print("wrote", os.path.normpath(out), len(cases), "cases")
