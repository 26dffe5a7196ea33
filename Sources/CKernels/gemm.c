// The engine's single-precision GEMM (see ck_gemm in CKernels.h): packed panels, register tiles,
// one fused multiply-add chain per output over k in ascending order, in every variant.
#include "CKernels.h"
#include "isa.h"

#include <stdlib.h>

/// Blocking: k in blocks of CK_KC (a B panel block stays in L1/L2 while every row tile uses it),
/// columns in blocks of CK_NC.
enum { CK_KC = 128, CK_NC = 512 };

/// The widest register tile of any variant (the packing buffer is sized for it).
enum { CK_NR_MAX = 32 };

/// Packs B(p, j) for p in [p0, p0 + kc), j in [j0, j0 + nc) into panels of NR columns:
/// out[(panel kc + p) NR + jj], zero beyond column nc. B(p, j) = b[p ldb + j], or b[j ldb + p] when
/// transposed. Copies only (no arithmetic), so one packing serves every variant.
static void ck_pack_b(int trans, const float *b, long ldb, int p0, int kc, int j0, int nc, int NR, float *out) {
    for (int jp = 0; jp < nc; jp += NR) {
        float *panel = out + (long)(jp / NR) * kc * NR;
        const int cols = nc - jp < NR ? nc - jp : NR;
        if (!trans) {
            for (int p = 0; p < kc; p++) {
                const float *src = b + (long)(p0 + p) * ldb + j0 + jp;
                float *dst = panel + (long)p * NR;
                int jj = 0;
                for (; jj < cols; jj++) dst[jj] = src[jj];
                for (; jj < NR; jj++) dst[jj] = 0;
            }
        } else {
            for (int jj = 0; jj < NR; jj++) {
                if (jj < cols) {
                    const float *src = b + (long)(j0 + jp + jj) * ldb + p0;
                    for (int p = 0; p < kc; p++) panel[(long)p * NR + jj] = src[p];
                } else {
                    for (int p = 0; p < kc; p++) panel[(long)p * NR + jj] = 0;
                }
            }
        }
    }
}

/// Row tiles of m rows: tiles of MR rows, except that a remainder is shared by the last two tiles
/// (m = 32, MR = 6: 6, 6, 6, 6, 4, 4), so no tile is much thinner than the others. Returns the
/// height of the tile starting at row ir.
static inline int ck_tile_rows(int m, int ir, int MR) {
    const int left = m - ir;
    if (left <= MR) return left;
    if (left < 2 * MR) return (left + 1) / 2;
    return MR;
}

#define ck_load(p) ({ ck_vf v_; memcpy(&v_, (p), sizeof v_); v_; })
#define ck_store(p, v) do { ck_vf v_ = (v); memcpy((p), &v_, sizeof v_); } while (0)

#define CK_CAT2(a, b) a##_##b
#define CK_CAT(a, b) CK_CAT2(a, b)
#define CK_FN(name) CK_CAT(name, CK_VARIANT)

#if defined(__x86_64__)
// AVX-512: 8 x 32 tiles (16 zmm accumulators).
#define CK_VARIANT avx512
#define CK_ATTR CK_TARGET_AVX512
#define CK_MR 8
#define CK_NB 2
#define CK_FMA(a, b, c) __builtin_elementwise_fma(a, b, c)
#include "gemm_body.h"
#undef CK_VARIANT
#undef CK_ATTR
#undef CK_MR
#undef CK_NB

// AVX2 + FMA: 6 x 16 tiles (12 ymm accumulators).
#define CK_VARIANT avx2
#define CK_ATTR CK_TARGET_AVX2
#define CK_MR 6
#define CK_NB 1
#include "gemm_body.h"
#undef CK_VARIANT
#undef CK_ATTR
#undef CK_MR
#undef CK_NB
#undef CK_FMA
#endif

// Portable: 4 x 16 tiles (16 NEON registers on arm64; fmaf per lane on x86-64 without FMA).
#define CK_VARIANT portable
#define CK_ATTR
#define CK_MR 4
#define CK_NB 1
#define CK_FMA(a, b, c) CK_FMA_PORTABLE(a, b, c)
#include "gemm_body.h"

/// Per-thread packing buffer, allocated on first use and kept for the thread's lifetime.
static _Thread_local float *ck_gemm_scratch;

static float *gemm_scratch(void) {
    if (!ck_gemm_scratch) {
        const size_t count = (size_t)CK_KC * (CK_NC + CK_NR_MAX);
        ck_gemm_scratch = aligned_alloc(64, ((count * sizeof(float) + 63) / 64) * 64);
        if (!ck_gemm_scratch) abort();
    }
    return ck_gemm_scratch;
}

void ck_gemm(int transA, int transB, int m, int n, int k, const float *a, long lda, const float *b, long ldb,
             float *c, long ldc) {
    if (m <= 0 || n <= 0) return;
    if (k <= 0) {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) c[(long)i * ldc + j] = 0;
        return;
    }
    float *bbuf = gemm_scratch();
    // A transposed B would be packed (transposed) in full, at a cost comparable to the products
    // when m is small (dense dx: 32 x 5408 x 128). Then compute C^T = op(B)^T op(A)^T instead: the
    // same products in the same chains (fma is commutative), only the packed operand is smaller.
    int ctrans = 0;
    if (transB && m < n) {
        const float *t = a;
        a = b;
        b = t;
        const long lt = lda;
        lda = ldb;
        ldb = lt;
        const int tt = transA;
        transA = !transB;
        transB = !tt;
        const int mt = m;
        m = n;
        n = mt;
        ctrans = 1;
    }
#if defined(__x86_64__)
    switch (ck_isa()) {
    case CK_AVX512: gemm_avx512(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, ctrans, bbuf); return;
    case CK_AVX2: gemm_avx2(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, ctrans, bbuf); return;
    default: break;
    }
#endif
    gemm_portable(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, ctrans, bbuf);
}
