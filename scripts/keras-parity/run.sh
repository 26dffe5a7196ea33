#!/bin/sh
# `make keras-parity`: nbrun against Keras 3 on the blog's two models (docs/keras-parity.md).
#
# 1. A throwaway virtual environment, .build/keras-venv (never committed), with tensorflow-cpu,
#    jax[cpu] (the second backend), SciPy and Matplotlib from PyPI.
# 2. Step parity: `nbrun export --keras --same-start` trains each model for SAME_START_EPOCHS with
#    nbrun and records its start and batch order; the exported script replays them with each
#    backend; compare.py prints per-step losses and weights after STEPS steps and after epoch 1.
# 3. Distributions: blog.md (the article's experiment alone, same ids and bodies, `seeds: SEEDS`
#    per train) run by nbrun (through its cache) and by its exported script (TensorFlow backend);
#    distributions.py prints the four measures per model with Welch's and Mann-Whitney's tests;
#    curves.py prints both sides' per-epoch means and draws them with 95 % bands
#    (.build/keras-parity/seeds/curves.png).
# 4. Paired runs: for root seeds 1..PAIRS, nbrun's recording of each of PAIRED_TRAINS over
#    PAIRED_EPOCHS epochs (start, batch order and Dropout masks) and Keras/TensorFlow replaying it;
#    paired.py tests the differences.
# 5. Batch order: order.py records the rows fit() feeds per epoch on each backend, with Keras' own
#    shuffling (seeded and unseeded) and with the exported script's EpochShuffled feed. Keras 3 on
#    TensorFlow repeats one order in every epoch once seeded; the exported scripts reshuffle.
# Slow: each Keras epoch takes ~14 s on 2 quiet cores; SEEDS=5 EPOCHS=20 is ~50 min of Keras.
# Usage: scripts/keras-parity/run.sh   (env: SEEDS=5 EPOCHS=20 STEPS=100 SAME_START_EPOCHS=1
#        BACKENDS="tensorflow jax" TRAINS="no_dropout with_dropout" PAIRS=5 PAIRED_EPOCHS=6
#        PAIRED_TRAINS=no_dropout
#        PARTS="order step distributions paired")
set -eu
SEEDS=${SEEDS:-5}
EPOCHS=${EPOCHS:-20}
STEPS=${STEPS:-100}
SAME_START_EPOCHS=${SAME_START_EPOCHS:-1}
BACKENDS=${BACKENDS:-tensorflow jax}
TRAINS=${TRAINS:-no_dropout with_dropout}
PAIRS=${PAIRS:-5}
PAIRED_EPOCHS=${PAIRED_EPOCHS:-6}
PAIRED_TRAINS=${PAIRED_TRAINS:-no_dropout}
PARTS=${PARTS:-order step distributions paired}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
VENV=$ROOT/.build/keras-venv
WORK=$ROOT/.build/keras-parity
NBRUN=$ROOT/.build/release/nbrun
cd "$ROOT"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
if ! "$VENV/bin/python" -c "import tensorflow, jax, scipy, matplotlib" 2>/dev/null; then
  "$VENV/bin/pip" install --quiet tensorflow-cpu "jax[cpu]" scipy matplotlib
fi
PY=$VENV/bin/python
swift build -c release --product nbrun >&2
mkdir -p "$WORK"
ONLY=""
for t in $TRAINS; do ONLY="$ONLY --only $t"; done

case " $PARTS " in *" order "*)
  "$NBRUN" export --keras notebooks/dropout.md -o "$WORK" >&2
  for backend in $BACKENDS; do
    KERAS_BACKEND=$backend "$PY" "$HERE/order.py" "$WORK/dropout_keras.py" 2>/dev/null
    echo
  done
;; esac

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
  # shellcheck disable=SC2086
  "$PY" "$HERE/curves.py" --nbrun "$WORK/seeds/blog.lock.json" --keras "$WORK/seeds/blog.keras-tensorflow.json" \
    $(for t in $TRAINS; do printf ' --train %s' "$t"; done) --png "$WORK/seeds/curves.png"
;; esac

case " $PARTS " in *" paired "*)
  dirs=""
  for seed in $(seq 1 "$PAIRS"); do
    dir="$WORK/paired/seed$seed"
    mkdir -p "$dir"
    sed "s/^seed: .*/seed: $seed/" "$HERE/blog.md" > "$dir/blog.md"
    "$NBRUN" export --keras "$dir/blog.md" --set seeds=1 --set epochs="$PAIRED_EPOCHS" --same-start >&2
    # The Dropout model is replayed with nbrun's masks, so both drop the same elements.
    # shellcheck disable=SC2046
    KERAS_BACKEND=tensorflow "$PY" "$dir/blog_keras.py" --same-start "$dir/blog_same_start" \
      $(for t in $PAIRED_TRAINS; do printf ' --only %s' "$t"; done) --verbose 0 >&2
    dirs="$dirs $dir"
  done
  echo "# Paired runs ($PAIRED_EPOCHS epochs)"
  echo
  for t in $PAIRED_TRAINS; do
    # shellcheck disable=SC2086
    "$PY" "$HERE/paired.py" --train "$t" $dirs
  done
;; esac
