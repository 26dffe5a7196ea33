#!/bin/sh
# Compiles the engine's C kernels (Sources/CKernels) for ARM64 Linux with clang, as a check that the
# portable variant (NEON, hardware fma) builds there: every file with -Wall -Werror, then counts the
# fused multiply-adds (fmla) in the GEMM and checks it calls no libm fmaf. Needs the aarch64 glibc
# headers (Debian: libc6-dev-arm64-cross, which scripts/setup.sh installs). Nothing is run: this
# machine cannot execute ARM64 code.
set -eu
SYSROOT=${SYSROOT:-/usr/aarch64-linux-gnu}
if [ ! -d "$SYSROOT/include" ]; then
    echo "ckernels-arm64: no aarch64 headers in $SYSROOT; install libc6-dev-arm64-cross (apt-get)" >&2
    exit 1
fi
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
FLAGS="--target=aarch64-linux-gnu --sysroot=$SYSROOT -O2 -Wall -Werror -ISources/CKernels/include -ISources/CKernels"
for source in Sources/CKernels/*.c; do
    # shellcheck disable=SC2086  # FLAGS is a list on purpose
    clang $FLAGS -c "$source" -o "$OUT/$(basename "$source" .c).o"
done
# shellcheck disable=SC2086
clang $FLAGS -S Sources/CKernels/gemm.c -o "$OUT/gemm.s"
FMLA=$(grep -c fmla "$OUT/gemm.s" || true)
if grep -q "bl[[:space:]]*fmaf" "$OUT/gemm.s"; then
    echo "ckernels-arm64: the GEMM calls libm fmaf" >&2
    exit 1
fi
echo "ckernels-arm64: $(ls "$OUT"/*.o | wc -l) files compiled for aarch64; GEMM has $FMLA fmla instructions, no fmaf calls"
