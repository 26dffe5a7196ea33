"""Which training rows Keras 3 fit() feeds in each epoch, on the current backend (KERAS_BACKEND).

Two feeds are recorded over EPOCHS epochs of ROWS rows (batch 32, validation_split 0.2), each after
keras.utils.set_random_seed, as an exported script seeds Keras:
  - `fit(x, y, shuffle=True)`: Keras' own shuffling (and, with --unseeded, without the seed);
  - the exported script's EpochShuffled feed (imported from SCRIPT, an `nbrun export --keras` file).
A layer in front of the model passes its input through and records it; the inputs are the row
numbers, so the record is the order. Prints, per feed, whether each epoch is a permutation of the
training rows and whether all epochs repeat the first one's order.

usage: KERAS_BACKEND=tensorflow python order.py SCRIPT [--rows 6000] [--epochs 3] [--seed 12345]
"""
import argparse
import importlib.util
import os
import sys

import numpy as np


def recorder(keras, backend, seen):
    """A pass-through layer that appends each training batch's first column to `seen`."""

    def record(values):
        seen.append(np.asarray(values)[:, 0].astype(np.int64).copy())

    class Record(keras.layers.Layer):
        def compute_output_shape(self, shape):
            return shape

        def call(self, x):
            if backend == "tensorflow":
                import tensorflow as tf
                done = tf.py_function(lambda v: (record(v.numpy()), 0.0)[1], [x], tf.float32)
                done.set_shape(())
                return x + 0.0 * done
            if backend == "jax":
                import jax
                jax.debug.callback(record, x)
                return x
            record(keras.ops.convert_to_numpy(x))
            return x

    return Record()


def epochs_of(seen, training, validation, epochs):
    """The recorded rows split into each epoch's training part (validation passes dropped)."""
    rows = np.concatenate(seen)
    bounds = np.cumsum([training, validation] * epochs)[:-1]
    return np.split(rows, bounds)[0::2]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("script", help="an exported script (for its EpochShuffled feed)")
    parser.add_argument("--rows", type=int, default=6000)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=12345)
    args = parser.parse_args()
    spec = importlib.util.spec_from_file_location("exported", args.script)
    exported = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(exported)
    keras = exported.keras
    backend = keras.backend.backend()
    training = int(args.rows * 0.8)
    x = np.arange(args.rows, dtype=np.float32).reshape(args.rows, 1)
    y = np.zeros((args.rows, 1), dtype=np.float32)

    def recorded(feed, seeded=True):
        if seeded:
            keras.utils.set_random_seed(args.seed)
        seen = []
        inputs = keras.Input((1,))
        model = keras.Model(inputs, keras.layers.Dense(1, kernel_initializer="zeros")(recorder(keras, backend, seen)(inputs)))
        model.compile(optimizer="sgd", loss="mse", **({"jit_compile": False} if backend == "tensorflow" else {}))
        feed(model)
        return epochs_of(seen, training, args.rows - training, args.epochs)

    # The unseeded feed runs first: a seed, once set, stays set for the rest of the process.
    feeds = {
        "fit(shuffle=True), unseeded": (lambda m: m.fit(x, y, batch_size=32, epochs=args.epochs, validation_split=0.2,
                                                        shuffle=True, verbose=0), False),
        "fit(shuffle=True), seeded": (lambda m: m.fit(x, y, batch_size=32, epochs=args.epochs, validation_split=0.2,
                                                      shuffle=True, verbose=0), True),
        "exported EpochShuffled, seeded": (lambda m: m.fit(exported.EpochShuffled(x[:training], y[:training], 32, args.seed),
                                                           epochs=args.epochs, shuffle=False,
                                                           validation_data=(x[training:], y[training:]), verbose=0), True),
    }
    print(f"# Keras {keras.__version__}, backend {backend}: the training rows of {args.epochs} epochs")
    print()
    print("| feed | every epoch a permutation | every epoch in the first one's order | first rows of each epoch |")
    print("|---|---|---|---|")
    for name, (feed, seeded) in feeds.items():
        per_epoch = recorded(feed, seeded)
        permutations = all(np.array_equal(np.sort(e), np.arange(training)) for e in per_epoch)
        same = all(np.array_equal(per_epoch[0], e) for e in per_epoch[1:])
        first = "; ".join(" ".join(str(v) for v in e[:3]) for e in per_epoch)
        print(f"| {name} | {'yes' if permutations else 'NO'} | {'YES' if same else 'no'} | {first} |")


if __name__ == "__main__":
    sys.exit(main())
