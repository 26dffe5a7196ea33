#!/bin/sh
# `make keras-parity`: nbrun against Keras 3 on the blog's two models (docs/keras-parity.md).
#
# 1. A throwaway virtual environment, .build/keras-venv (never committed), with tensorflow-cpu,
#    jax[cpu] (the second backend) and SciPy from PyPI.
# 2. Step parity: `nbrun export --keras --same-start` trains each model for SAME_START_EPOCHS with
#    nbrun and records its start and batch order; the exported script replays them with each
#    backend; compare.py prints per-step losses and weights after STEPS steps and after epoch 1.
# 3. Distributions: blog.md (the article's experiment alone, same ids and bodies, `seeds: SEEDS`
#    per train) run by nbrun (through its cache) and by its exported script (TensorFlow backend);
#    distributions.py prints the four measures per model with Welch's and Mann-Whitney's tests.
# Slow: each Keras epoch takes ~14 s on 2 quiet cores; SEEDS=5 EPOCHS=20 is ~50 min of Keras.
# Usage: scripts/keras-parity/run.sh   (env: SEEDS=5 EPOCHS=20 STEPS=100 SAME_START_EPOCHS=1
#        BACKENDS="tensorflow jax" TRAINS="no_dropout with_dropout" PARTS="step distributions")
set -eu
SEEDS=${SEEDS:-5}
EPOCHS=${EPOCHS:-20}
STEPS=${STEPS:-100}
SAME_START_EPOCHS=${SAME_START_EPOCHS:-1}
BACKENDS=${BACKENDS:-tensorflow jax}
TRAINS=${TRAINS:-no_dropout with_dropout}
PARTS=${PARTS:-step distributions}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
VENV=$ROOT/.build/keras-venv
WORK=$ROOT/.build/keras-parity
NBRUN=$ROOT/.build/release/nbrun
cd "$ROOT"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet tensorflow-cpu "jax[cpu]" scipy
fi
PY=$VENV/bin/python
swift build -c release --product nbrun >&2
mkdir -p "$WORK"
ONLY=""
for t in $TRAINS; do ONLY="$ONLY --only $t"; done

case " $PARTS " in *" step "*)
  "$NBRUN" export --keras notebooks/dropout.md -o "$WORK" --same-start --epochs "$SAME_START_EPOCHS" --steps "$STEPS" >&2
  for backend in $BACKENDS; do
    # shellcheck disable=SC2086
    KERAS_BACKEND=$backend "$PY" "$WORK/dropout_keras.py" --same-start "$WORK/dropout_same_start" --verbose 0 $ONLY >&2
  done
  echo "# Step parity (same start, same batches)"
  echo
  "$PY" "$HERE/compare.py" "$WORK/dropout_same_start" --steps "$STEPS" || true
;; esac

case " $PARTS " in *" distributions "*)
  mkdir -p "$WORK/seeds"
  cp "$HERE/blog.md" "$WORK/seeds/blog.md"
  "$NBRUN" "$WORK/seeds/blog.md" --set epochs="$EPOCHS" --set seeds="$SEEDS" --output "$WORK/seeds/output" --quiet >&2
  "$NBRUN" export --keras "$WORK/seeds/blog.md" --set epochs="$EPOCHS" --set seeds="$SEEDS" >&2
  # shellcheck disable=SC2086
  KERAS_BACKEND=tensorflow "$PY" "$WORK/seeds/blog_keras.py" --verbose 0 $ONLY >&2
  echo "# Distributions over seeds ($EPOCHS epochs)"
  echo
  for t in $TRAINS; do
    "$PY" "$HERE/distributions.py" --train "$t" --nbrun "$WORK/seeds/blog.lock.json" \
      --keras "$WORK/seeds/blog.keras-tensorflow.json" --label "Keras (TensorFlow)"
  done
;; esac
