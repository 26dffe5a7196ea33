// The engine's single-precision GEMM (see ck_gemm in CKernels.h): packed panels, register tiles,
// one fused multiply-add chain per output over k in ascending order, in every variant.
#include "CKernels.h"
#include "isa.h"

#include <stdlib.h>

/// Blocking: k in blocks of CK_KC (a packed B panel block stays in L1/L2), columns in blocks of
/// CK_NC, rows in blocks of CK_MC (a multiple of every variant's tile height).
enum { CK_KC = 256, CK_NC = 512, CK_MC = 96 };

/// The largest register tile of any variant (packing buffers are sized for it).
enum { CK_MR_MAX = 8, CK_NR_MAX = 32 };

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

/// Row tiles of a block of mc rows: tiles of MR rows, except that a remainder is shared by the
/// last two tiles (mc = 32, MR = 6: 6, 6, 6, 6, 4, 4), so no tile is much thinner than the others.
/// Returns the height of the tile starting at row ir.
static inline int ck_tile_rows(int mc, int ir, int MR) {
    const int left = mc - ir;
    if (left <= MR) return left;
    if (left < 2 * MR) return (left + 1) / 2;
    return MR;
}

/// Packs A(i, p) for i in [i0, i0 + mc), p in [p0, p0 + kc) tile by tile (ck_tile_rows): the tile
/// number t goes to out[(t kc + p) MR + ii] (rows beyond the tile's height are zero).
/// A(i, p) = a[i lda + p], or a[p lda + i] when transposed.
static void ck_pack_a(int trans, const float *a, long lda, int i0, int mc, int p0, int kc, int MR, float *out) {
    for (int ip = 0, t = 0; ip < mc; t++) {
        float *panel = out + (long)t * kc * MR;
        const int rows = ck_tile_rows(mc, ip, MR);
        if (trans) {
            for (int p = 0; p < kc; p++) {
                const float *src = a + (long)(p0 + p) * lda + i0 + ip;
                float *dst = panel + (long)p * MR;
                int ii = 0;
                for (; ii < rows; ii++) dst[ii] = src[ii];
                for (; ii < MR; ii++) dst[ii] = 0;
            }
        } else {
            for (int ii = 0; ii < MR; ii++) {
                if (ii < rows) {
                    const float *src = a + (long)(i0 + ip + ii) * lda + p0;
                    for (int p = 0; p < kc; p++) panel[(long)p * MR + ii] = src[p];
                } else {
                    for (int p = 0; p < kc; p++) panel[(long)p * MR + ii] = 0;
                }
            }
        }
        ip += rows;
    }
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

/// Per-thread packing buffers, grown on demand and kept for the thread's lifetime.
static _Thread_local float *ck_gemm_scratch;

static float *gemm_scratch(void) {
    if (!ck_gemm_scratch) {
        const size_t count = (size_t)CK_KC * (CK_MC + 2 * CK_MR_MAX) + (size_t)CK_KC * (CK_NC + CK_NR_MAX);
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
    float *abuf = gemm_scratch();
    float *bbuf = abuf + (size_t)CK_KC * (CK_MC + 2 * CK_MR_MAX);
#if defined(__x86_64__)
    switch (ck_isa()) {
    case CK_AVX512: gemm_avx512(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, abuf, bbuf); return;
    case CK_AVX2: gemm_avx2(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, abuf, bbuf); return;
    default: break;
    }
#endif
    gemm_portable(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, abuf, bbuf);
}
