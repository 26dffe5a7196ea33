#!/usr/bin/env python3
"""Reference values for the engine's tests, computed independently with NumPy (float64 maths,
written as float32 inputs). Writes Tests/EngineTests/Fixtures/reference.json.

Each layer case gives an input x, weights, the forward output y, and for a fixed upstream gradient
dy the backward results (dx and weight gradients), all flattened row-major (NHWC, Keras layouts).
Run: python3 scripts/engine/make_fixtures.py
"""
import json
import os

import numpy as np

rng = np.random.default_rng(20261101)


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def rand(*shape, scale=1.0):
    return f32(rng.standard_normal(shape) * scale)


def out_size(n, k, s, padding):
    if padding == "valid":
        return (n - k) // s + 1, 0
    o = -(-n // s)
    total = max((o - 1) * s + k - n, 0)
    return o, total // 2


def conv_forward(x, w, b, stride, padding):
    n, h, wd, c = x.shape
    kh, kw, _, f = w.shape
    oh, pt = out_size(h, kh, stride[0], padding)
    ow, pl = out_size(wd, kw, stride[1], padding)
    y = np.zeros((n, oh, ow, f))
    for i in range(oh):
        for j in range(ow):
            for a in range(kh):
                for bb in range(kw):
                    yy, xx = i * stride[0] - pt + a, j * stride[1] - pl + bb
                    if 0 <= yy < h and 0 <= xx < wd:
                        y[:, i, j, :] += x[:, yy, xx, :] @ w[a, bb]
    return y + b


def conv_backward(x, w, dz, stride, padding):
    n, h, wd, c = x.shape
    kh, kw, _, f = w.shape
    _, oh, ow, _ = dz.shape
    _, pt = out_size(h, kh, stride[0], padding)
    _, pl = out_size(wd, kw, stride[1], padding)
    dx = np.zeros_like(x)
    dw = np.zeros_like(w)
    for i in range(oh):
        for j in range(ow):
            for a in range(kh):
                for bb in range(kw):
                    yy, xx = i * stride[0] - pt + a, j * stride[1] - pl + bb
                    if 0 <= yy < h and 0 <= xx < wd:
                        dw[a, bb] += x[:, yy, xx, :].T @ dz[:, i, j, :]
                        dx[:, yy, xx, :] += dz[:, i, j, :] @ w[a, bb].T
    return dx, dw, dz.sum(axis=(0, 1, 2))


def act_forward(name, z):
    if name == "relu":
        return np.maximum(z, 0)
    if name == "tanh":
        return np.tanh(z)
    if name == "sigmoid":
        return 1 / (1 + np.exp(-z))
    if name == "softmax":
        e = np.exp(z - z.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)
    return z


def act_backward(name, z, dy):
    y = act_forward(name, z)
    if name == "relu":
        return dy * (z > 0)
    if name == "tanh":
        return dy * (1 - y * y)
    if name == "sigmoid":
        return dy * y * (1 - y)
    if name == "softmax":
        return y * (dy - (dy * y).sum(axis=-1, keepdims=True))
    return dy


def pool(x, k, stride, padding, kind):
    n, h, wd, c = x.shape
    oh, pt = out_size(h, k[0], stride[0], padding)
    ow, pl = out_size(wd, k[1], stride[1], padding)
    return oh, ow, pt, pl


def pool_forward_backward(x, k, stride, padding, kind, dy):
    n, h, wd, c = x.shape
    oh, ow, pt, pl = pool(x, k, stride, padding, kind)
    y = np.zeros((n, oh, ow, c))
    dx = np.zeros_like(x)
    for i in range(oh):
        for j in range(ow):
            y0, x0 = i * stride[0] - pt, j * stride[1] - pl
            ys = slice(max(y0, 0), min(y0 + k[0], h))
            xs = slice(max(x0, 0), min(x0 + k[1], wd))
            win = x[:, ys, xs, :]
            if kind == "max":
                y[:, i, j, :] = win.max(axis=(1, 2))
                flat = win.reshape(n, -1, c)
                arg = flat.argmax(axis=1)  # first maximum in row-major window order
                ww = win.shape[2]
                for s in range(n):
                    for ch in range(c):
                        a = arg[s, ch]
                        dx[s, ys.start + a // ww, xs.start + a % ww, ch] += dy[s, i, j, ch]
            else:
                cnt = win.shape[1] * win.shape[2]
                y[:, i, j, :] = win.sum(axis=(1, 2)) / cnt
                dx[:, ys, xs, :] += dy[:, i, j, :][:, None, None, :] / cnt
    return y, dx


def flat(a):
    return [float(f"{v:.9g}") for v in np.asarray(a, dtype=np.float64).ravel()]


cases = {}


def add_conv(name, n, h, w, c, kh, kw, f, stride, padding, act):
    x = rand(n, h, w, c)
    W = rand(kh, kw, c, f, scale=0.5)
    b = rand(f, scale=0.1)
    z = conv_forward(x, W, b, stride, padding)
    y = act_forward(act, z)
    dy = rand(*y.shape)
    dz = act_backward(act, z, dy)
    dx, dw, db = conv_backward(x, W, dz, stride, padding)
    cases[name] = dict(kind="conv2d", input=[h, w, c], batch=n, filters=f, kernel=[kh, kw], strides=stride,
                       padding=padding, activation=act, x=flat(x), kernelValues=flat(W), bias=flat(b), y=flat(y),
                       dy=flat(dy), dx=flat(dx), dKernel=flat(dw), dBias=flat(db))


add_conv("conv_valid_relu", 2, 6, 5, 1, 3, 3, 4, [1, 1], "valid", "relu")
add_conv("conv_same_stride2_tanh", 2, 5, 6, 2, 3, 2, 3, [2, 2], "same", "tanh")
add_conv("conv_same_stride1_sigmoid", 1, 4, 4, 3, 3, 3, 2, [1, 1], "same", "sigmoid")
add_conv("conv_valid_stride21_linear", 2, 7, 6, 2, 2, 3, 3, [2, 1], "valid", "linear")


def add_pool(name, kind, n, h, w, c, k, stride, padding):
    x = rand(n, h, w, c)
    oh, ow, _, _ = pool(x, k, stride, padding, kind)
    dy = rand(n, oh, ow, c)
    y, dx = pool_forward_backward(x, k, stride, padding, kind, dy)
    cases[name] = dict(kind=kind + "pool", input=[h, w, c], batch=n, pool=k, strides=stride, padding=padding,
                       x=flat(x), y=flat(y), dy=flat(dy), dx=flat(dx))


add_pool("maxpool_valid_2", "max", 2, 6, 6, 3, [2, 2], [2, 2], "valid")
add_pool("maxpool_valid_2_odd", "max", 1, 7, 5, 2, [2, 2], [2, 2], "valid")
add_pool("maxpool_same_3s2", "max", 2, 5, 5, 2, [3, 3], [2, 2], "same")
add_pool("avgpool_same_3s2", "average", 2, 5, 4, 2, [3, 3], [2, 2], "same")
add_pool("avgpool_valid_2s1", "average", 1, 4, 4, 3, [2, 2], [1, 1], "valid")


def add_dense(name, n, i, o, act):
    x = rand(n, i)
    W = rand(i, o, scale=0.5)
    b = rand(o, scale=0.1)
    z = x @ W + b
    y = act_forward(act, z)
    dy = rand(n, o)
    dz = act_backward(act, z, dy)
    cases[name] = dict(kind="dense", inputs=i, units=o, batch=n, activation=act, x=flat(x), kernelValues=flat(W),
                       bias=flat(b), y=flat(y), dy=flat(dy), dx=flat(dz @ W.T), dKernel=flat(x.T @ dz),
                       dBias=flat(dz.sum(axis=0)))


for act in ["linear", "relu", "tanh", "sigmoid", "softmax"]:
    add_dense("dense_" + act, 3, 7, 5, act)
add_dense("dense_wide_relu", 5, 100, 40, "relu")


def add_batchnorm(name, n, h, w, c, momentum, eps):
    x = rand(n, h, w, c, scale=2.0) + 1.0
    g = rand(c, scale=0.5) + 1.0
    be = rand(c, scale=0.5)
    axes = (0, 1, 2)
    mean = x.mean(axis=axes)
    var = x.var(axis=axes)
    xh = (x - mean) / np.sqrt(var + eps)
    y = g * xh + be
    dy = rand(*y.shape)
    m = x.size / c
    dxh = dy * g
    dx = (1 / (m * np.sqrt(var + eps))) * (m * dxh - dxh.sum(axis=axes) - xh * (dxh * xh).sum(axis=axes))
    mm0, mv0 = rand(c, scale=0.1), np.abs(rand(c)) + 0.5
    cases[name] = dict(kind="batchnorm", input=[h, w, c], batch=n, momentum=momentum, epsilon=eps, x=flat(x),
                       gamma=flat(g), beta=flat(be), movingMean=flat(mm0), movingVariance=flat(mv0), y=flat(y),
                       dy=flat(dy), dx=flat(dx), dGamma=flat((dy * xh).sum(axis=axes)), dBeta=flat(dy.sum(axis=axes)),
                       movingMeanAfter=flat(mm0 * momentum + mean * (1 - momentum)),
                       movingVarianceAfter=flat(mv0 * momentum + var * (1 - momentum)),
                       yInference=flat(g * (x - mm0) / np.sqrt(mv0 + eps) + be))


add_batchnorm("batchnorm_4d", 3, 2, 3, 4, 0.99, 1e-3)

# Softmax + sparse categorical cross-entropy from logits, mean over the batch.
logits = rand(6, 10, scale=3.0)
logits[2] += 40.0  # large logits must stay finite
labels = rng.integers(0, 10, size=6)
shifted = logits - logits.max(axis=1, keepdims=True)
logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
loss = -logp[np.arange(6), labels].mean()
grad = np.exp(logp)
grad[np.arange(6), labels] -= 1
grad /= 6
cases["softmax_cross_entropy"] = dict(kind="loss", classes=10, batch=6, logits=flat(logits),
                                      labels=[int(v) for v in labels], loss=float(loss), dLogits=flat(grad),
                                      correct=int((logits.argmax(axis=1) == labels).sum()))


def run_optimizer(name, spec, update):
    w0 = rand(11)
    grads = [rand(11) for _ in range(4)]
    state = {}
    w = w0.copy()
    trajectory = []
    for t, g in enumerate(grads, start=1):
        w = update(w, g, t, state)
        trajectory.append(flat(w))
    cases[name] = dict(kind="optimizer", spec=spec, w0=flat(w0), grads=[flat(g) for g in grads],
                       trajectory=trajectory)


def adam(lr, b1, b2, eps):
    def update(w, g, t, s):
        m = s.get("m", np.zeros_like(w))
        v = s.get("v", np.zeros_like(w))
        m = m + (g - m) * (1 - b1)
        v = v + (g * g - v) * (1 - b2)
        s["m"], s["v"] = m, v
        alpha = lr * np.sqrt(1 - b2 ** t) / (1 - b1 ** t)
        return w - alpha * m / (np.sqrt(v) + eps)
    return update


def sgd(lr, mom, nesterov):
    def update(w, g, t, s):
        if mom == 0:
            return w - lr * g
        m = mom * s.get("m", np.zeros_like(w)) - lr * g
        s["m"] = m
        return w + (mom * m - lr * g if nesterov else m)
    return update


def rmsprop(lr, rho, mom, eps):
    def update(w, g, t, s):
        v = rho * s.get("v", np.zeros_like(w)) + (1 - rho) * g * g
        s["v"] = v
        inc = lr * g / np.sqrt(v + eps)
        if mom > 0:
            m = mom * s.get("m", np.zeros_like(w)) + inc
            s["m"] = m
            return w - m
        return w - inc
    return update


run_optimizer("adam_keras", dict(name="adam", learningRate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-7),
              adam(0.001, 0.9, 0.999, 1e-7))
run_optimizer("adam_big_steps", dict(name="adam", learningRate=0.1, beta1=0.5, beta2=0.9, epsilon=1e-3),
              adam(0.1, 0.5, 0.9, 1e-3))
run_optimizer("sgd_plain", dict(name="sgd", learningRate=0.01, momentum=0.0, nesterov=False), sgd(0.01, 0.0, False))
run_optimizer("sgd_momentum", dict(name="sgd", learningRate=0.05, momentum=0.9, nesterov=False), sgd(0.05, 0.9, False))
run_optimizer("sgd_nesterov", dict(name="sgd", learningRate=0.05, momentum=0.9, nesterov=True), sgd(0.05, 0.9, True))
run_optimizer("rmsprop_keras", dict(name="rmsprop", learningRate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7),
              rmsprop(0.001, 0.9, 0.0, 1e-7))
run_optimizer("rmsprop_momentum", dict(name="rmsprop", learningRate=0.01, rho=0.8, momentum=0.5, epsilon=1e-4),
              rmsprop(0.01, 0.8, 0.5, 1e-4))

# Glorot-uniform limits of the blog model (docs/keras-semantics.md, "Initial weights").
cases["glorot_limits"] = dict(kind="glorot", conv=float(np.sqrt(6 / (1 * 9 + 32 * 9))),
                              dense1=float(np.sqrt(6 / (5408 + 128))), dense2=float(np.sqrt(6 / (128 + 10))))

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "..", "Tests", "EngineTests", "Fixtures", "reference.json")
with open(out, "w") as fh:
    json.dump(dict(generator="scripts/engine/make_fixtures.py", numpy=np.__version__, cases=cases), fh)
print("wrote", os.path.normpath(out), len(cases), "cases")
