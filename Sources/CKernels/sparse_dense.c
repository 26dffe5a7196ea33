// Dense layers whose inputs hold many exact zeros (relu outputs): forward and backward that visit
// only the non-zero inputs (see CKernels.h). AVX-512 only; elsewhere the engine keeps its BLAS path.
#include "CKernels.h"
#include "isa.h"

#include <stdlib.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

int ck_sparse_dense_available(int n, int batch) {
#if defined(__x86_64__)
    return ck_isa() == CK_AVX512 && n % 16 == 0 && n >= 16 && n <= 128 && batch >= 1 && batch <= 64;
#else
    (void)n; (void)batch;
    return 0;
#endif
}

#if defined(__x86_64__)

/// Writes the indices of the non-zero entries of x[0..<k], ascending, to `index` (k + 16 slots)
/// and returns their count.
static CK_TARGET_AVX512 int32_t nonzero_indices(const float *x, int k, int32_t *index) {
    int32_t count = 0;
    const __m512i iota = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    for (int j = 0; j < k; j += 16) {
        const int left = k - j;
        const __mmask16 valid = left >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << left) - 1);
        const __m512 v = _mm512_maskz_loadu_ps(valid, x + j);
        const __mmask16 nz = _mm512_mask_cmp_ps_mask(valid, v, _mm512_setzero_ps(), _CMP_NEQ_UQ);
        // Compress in a register, then store all 16 lanes (the slack takes the rest):
        // compress-to-memory is slow on some cores.
        const __m512i at = _mm512_add_epi32(iota, _mm512_set1_epi32(j));
        _mm512_storeu_si512((void *)(index + count), _mm512_maskz_compress_epi32(nz, at));
        count += __builtin_popcount((unsigned)nz);
    }
    return count;
}

/// First position in index[0..<count] whose value is >= k.
static int32_t lower_bound(const int32_t *index, int32_t count, int k) {
    int32_t lo = 0, hi = count;
    while (lo < hi) {
        const int32_t mid = lo + (hi - lo) / 2;
        if (index[mid] < k) lo = mid + 1; else hi = mid;
    }
    return lo;
}

/// Forward for `rows` samples, NB = n / 16 registers per output row (constant after inlining).
__attribute__((always_inline)) static inline CK_TARGET_AVX512
void sparse_forward_impl(const float *x, long ldx, int rows, int k, const int NB, const float *w,
                         float *y, long ldy, int32_t *index, long stride, int32_t *counts) {
    const int n = 16 * NB;
    int32_t cursor[64];
    for (int r = 0; r < rows; r++) {
        counts[r] = nonzero_indices(x + r * ldx, k, index + r * stride);
        cursor[r] = 0;
        for (int b = 0; b < NB; b++) _mm512_storeu_ps(y + r * ldy + 16 * b, _mm512_setzero_ps());
    }
    // k in blocks whose rows of w stay in L2 while every sample of the chunk uses them.
    enum { KB = 512 };
    for (int k0 = 0; k0 < k; k0 += KB) {
        const int k1 = k0 + KB;
        for (int r = 0; r < rows; r++) {
            const int32_t *ir = index + r * stride;
            const float *xr = x + r * ldx;
            float *yr = y + r * ldy;
            int32_t t = cursor[r];
            __m512 acc[8];
            for (int b = 0; b < NB; b++) acc[b] = _mm512_loadu_ps(yr + 16 * b);
            for (; t < counts[r] && ir[t] < k1; t++) {
                const int j = ir[t];
                const __m512 s = _mm512_set1_ps(xr[j]);
                const float *wj = w + (long)j * n;
                for (int b = 0; b < NB; b++) acc[b] = _mm512_fmadd_ps(s, _mm512_loadu_ps(wj + 16 * b), acc[b]);
            }
            for (int b = 0; b < NB; b++) _mm512_storeu_ps(yr + 16 * b, acc[b]);
            cursor[r] = t;
        }
    }
}

/// Backward for features [k0, k1): dW rows and, when dx is given, dx at the non-zero inputs.
__attribute__((always_inline)) static inline CK_TARGET_AVX512
void sparse_backward_impl(const float *x, long ldx, int batch, int k0, int k1, const int NB,
                          const float *dy, const float *w, float *dw, float *dx,
                          const int32_t *index, long stride, const int32_t *counts) {
    const int n = 16 * NB;
    int32_t cursor[64];
    for (int r = 0; r < batch; r++) {
        cursor[r] = lower_bound(index + r * stride, counts[r], k0);
        if (dx) for (int j = k0; j < k1; j++) dx[r * ldx + j] = 0;
    }
    uint64_t samples[64];
    for (int g0 = k0; g0 < k1; g0 += 64) {
        const int g1 = g0 + 64 < k1 ? g0 + 64 : k1;
        for (int j = 0; j < g1 - g0; j++) samples[j] = 0;
        for (int r = 0; r < batch; r++) {
            const int32_t *ir = index + r * stride;
            int32_t t = cursor[r];
            for (; t < counts[r] && ir[t] < g1; t++) samples[ir[t] - g0] |= (uint64_t)1 << r;
            cursor[r] = t;
        }
        for (int j = g0; j < g1; j++) {
            __m512 acc[8], wj[8];
            for (int b = 0; b < NB; b++) {
                acc[b] = _mm512_setzero_ps();
                if (dx) wj[b] = _mm512_loadu_ps(w + (long)j * n + 16 * b);
            }
            for (uint64_t m = samples[j - g0]; m; m &= m - 1) {
                const int r = __builtin_ctzll(m);
                const __m512 s = _mm512_set1_ps(x[r * ldx + j]);
                const float *dyr = dy + r * n;
                __m512 dot = _mm512_setzero_ps();
                for (int b = 0; b < NB; b++) {
                    const __m512 d = _mm512_loadu_ps(dyr + 16 * b);
                    acc[b] = _mm512_fmadd_ps(s, d, acc[b]);
                    if (dx) dot = _mm512_fmadd_ps(d, wj[b], dot);
                }
                if (dx) dx[r * ldx + j] = _mm512_reduce_add_ps(dot);
            }
            for (int b = 0; b < NB; b++) _mm512_storeu_ps(dw + (long)j * n + 16 * b, acc[b]);
        }
    }
}

#define CK_BY_WIDTH(call)                                                                          \
    switch (n / 16) {                                                                              \
    case 1: call(1); break; case 2: call(2); break; case 3: call(3); break; case 4: call(4); break; \
    case 5: call(5); break; case 6: call(6); break; case 7: call(7); break; default: call(8); break; \
    }

static CK_TARGET_AVX512 void sparse_forward_avx512(const float *x, long ldx, int rows, int k, int n, const float *w,
                                                   float *y, long ldy, int32_t *index, long stride, int32_t *counts) {
#define CK_CALL(NB) sparse_forward_impl(x, ldx, rows, k, NB, w, y, ldy, index, stride, counts)
    CK_BY_WIDTH(CK_CALL)
#undef CK_CALL
}

static CK_TARGET_AVX512 void sparse_backward_avx512(const float *x, long ldx, int batch, int k0, int k1, int n,
                                                    const float *dy, const float *w, float *dw, float *dx,
                                                    const int32_t *index, long stride, const int32_t *counts) {
#define CK_CALL(NB) sparse_backward_impl(x, ldx, batch, k0, k1, NB, dy, w, dw, dx, index, stride, counts)
    CK_BY_WIDTH(CK_CALL)
#undef CK_CALL
}
#endif

#if defined(__x86_64__)
static CK_TARGET_AVX512 long count_nonzero_avx512(const float *x, long count) {
    long total = 0, i = 0;
    for (; i + 16 <= count; i += 16)
        total += __builtin_popcount((unsigned)_mm512_cmp_ps_mask(_mm512_loadu_ps(x + i), _mm512_setzero_ps(), _CMP_NEQ_UQ));
    for (; i < count; i++) total += x[i] != 0;
    return total;
}
#endif

long ck_count_nonzero(const float *x, long count) {
#if defined(__x86_64__)
    if (ck_isa() == CK_AVX512) return count_nonzero_avx512(x, count);
#endif
    long total = 0;
    for (long i = 0; i < count; i++) total += x[i] != 0;
    return total;
}

void ck_sparse_dense_forward(const float *x, long ldx, int rows, int k, int n, const float *w, float *y, long ldy,
                             int32_t *index, int32_t *counts) {
#if defined(__x86_64__)
    if (ck_sparse_dense_available(n, rows)) {
        sparse_forward_avx512(x, ldx, rows, k, n, w, y, ldy, index, (long)k + 16, counts);
        return;
    }
#endif
    (void)x; (void)ldx; (void)rows; (void)k; (void)n; (void)w; (void)y; (void)ldy; (void)index; (void)counts;
    abort();
}

void ck_sparse_dense_backward(const float *x, long ldx, int batch, int k0, int k1, int n, const float *dy,
                              const float *w, float *dw, float *dx, const int32_t *index, const int32_t *counts) {
#if defined(__x86_64__)
    if (ck_sparse_dense_available(n, batch)) {
        sparse_backward_avx512(x, ldx, batch, k0, k1, n, dy, w, dw, dx, index, (long)ldx + 16, counts);
        return;
    }
#endif
    (void)x; (void)ldx; (void)batch; (void)k0; (void)k1; (void)n; (void)dy; (void)w; (void)dw; (void)dx;
    (void)index; (void)counts;
    abort();
}
