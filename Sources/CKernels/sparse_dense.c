// Dense layers whose inputs hold many exact zeros (relu outputs): forward and dW that visit only
// the non-zero inputs (see CKernels.h), in every variant with the same order of operations.
#include "CKernels.h"
#include "isa.h"

#include <stdlib.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#define ck_load(p) ({ ck_vf v_; memcpy(&v_, (p), sizeof v_); v_; })
#define ck_store(p, v) do { ck_vf v_ = (v); memcpy((p), &v_, sizeof v_); } while (0)

#define CK_CAT2(a, b) a##_##b
#define CK_CAT(a, b) CK_CAT2(a, b)
#define CK_FN(name) CK_CAT(name, CK_VARIANT)

int ck_sparse_dense_available(int n, int batch) {
    return n % 16 == 0 && n >= 16 && n <= 128 && batch >= 1 && batch <= 64;
}

/// First position in index[0..<count] whose value is >= k.
static int32_t ck_lower_bound(const int32_t *index, int32_t count, int k) {
    int32_t lo = 0, hi = count;
    while (lo < hi) {
        const int32_t mid = lo + (hi - lo) / 2;
        if (index[mid] < k) lo = mid + 1; else hi = mid;
    }
    return lo;
}

// The indices of the non-zero (or NaN) entries of x[0..<k], ascending, written to `index` (k + 16
// slots; the slack may be overwritten) and counted. Integer work only: variants may differ in how.

#if defined(__x86_64__)
/// AVX-512: compress 16 lanes' indices in a register, store all 16 (compress-to-memory is slow on
/// some cores).
static CK_TARGET_AVX512 int32_t nonzero_indices_avx512(const float *x, int k, int32_t *index) {
    int32_t count = 0;
    const __m512i iota = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    for (int j = 0; j < k; j += 16) {
        const int left = k - j;
        const __mmask16 valid = left >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << left) - 1);
        const __m512 v = _mm512_maskz_loadu_ps(valid, x + j);
        const __mmask16 nz = _mm512_mask_cmp_ps_mask(valid, v, _mm512_setzero_ps(), _CMP_NEQ_UQ);
        const __m512i at = _mm512_add_epi32(iota, _mm512_set1_epi32(j));
        _mm512_storeu_si512((void *)(index + count), _mm512_maskz_compress_epi32(nz, at));
        count += __builtin_popcount((unsigned)nz);
    }
    return count;
}

/// AVX2: eight lanes at a time, compressed with a permutation looked up from the compare mask.
static int32_t ck_compress_table[256][8];
static int ck_compress_ready;

static void ck_compress_init(void) {
    if (__atomic_load_n(&ck_compress_ready, __ATOMIC_ACQUIRE)) return;
    for (int mask = 0; mask < 256; mask++) {
        int at = 0;
        for (int lane = 0; lane < 8; lane++)
            if (mask >> lane & 1) ck_compress_table[mask][at++] = lane;
        for (; at < 8; at++) ck_compress_table[mask][at] = 0;
    }
    __atomic_store_n(&ck_compress_ready, 1, __ATOMIC_RELEASE);
}

static CK_TARGET_AVX2 int32_t nonzero_indices_avx2(const float *x, int k, int32_t *index) {
    int32_t count = 0;
    int j = 0;
    const __m256i iota = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    for (; j + 8 <= k; j += 8) {
        const __m256 v = _mm256_loadu_ps(x + j);
        const int nz = _mm256_movemask_ps(_mm256_cmp_ps(v, _mm256_setzero_ps(), _CMP_NEQ_UQ));
        const __m256i perm = _mm256_loadu_si256((const __m256i *)ck_compress_table[nz]);
        const __m256i at = _mm256_add_epi32(iota, _mm256_set1_epi32(j));
        _mm256_storeu_si256((__m256i *)(index + count), _mm256_permutevar8x32_epi32(at, perm));
        count += __builtin_popcount((unsigned)nz);
    }
    for (; j < k; j++) {
        index[count] = j;
        count += x[j] != 0;
    }
    return count;
}
#endif

/// Portable: branch-free (relu zeros are unpredictable).
static int32_t nonzero_indices_portable(const float *x, int k, int32_t *index) {
    int32_t count = 0;
    for (int j = 0; j < k; j++) {
        index[count] = j;
        count += x[j] != 0;
    }
    return count;
}

#if defined(__x86_64__)
#define CK_VARIANT avx512
#define CK_ATTR CK_TARGET_AVX512
#define CK_FMA(a, b, c) __builtin_elementwise_fma(a, b, c)
#define CK_SPARSE_NB 8
#include "sparse_dense_body.h"
#undef CK_VARIANT
#undef CK_ATTR
#undef CK_SPARSE_NB

#define CK_VARIANT avx2
#define CK_ATTR CK_TARGET_AVX2
#define CK_SPARSE_NB 4
#include "sparse_dense_body.h"
#undef CK_VARIANT
#undef CK_ATTR
#undef CK_SPARSE_NB
#undef CK_FMA
#endif

#define CK_VARIANT portable
#define CK_ATTR
#define CK_FMA(a, b, c) CK_FMA_PORTABLE(a, b, c)
#if defined(__aarch64__)
#define CK_SPARSE_NB 4
#else
#define CK_SPARSE_NB 2
#endif
#include "sparse_dense_body.h"

long ck_count_nonzero(const float *x, long count) {
    long total = 0;
    for (long i = 0; i < count; i++) total += x[i] != 0;
    return total;
}

void ck_sparse_dense_forward(const float *x, long ldx, int rows, int k, int n, const float *w, float *y, long ldy,
                             int32_t *index, int32_t *counts) {
    if (!ck_sparse_dense_available(n, rows)) abort();
    const long stride = (long)k + 16;
#if defined(__x86_64__)
    switch (ck_isa()) {
    case CK_AVX512: sparse_forward_avx512(x, ldx, rows, k, n, w, y, ldy, index, stride, counts); return;
    case CK_AVX2:
        ck_compress_init();
        sparse_forward_avx2(x, ldx, rows, k, n, w, y, ldy, index, stride, counts);
        return;
    default: break;
    }
#endif
    sparse_forward_portable(x, ldx, rows, k, n, w, y, ldy, index, stride, counts);
}

void ck_sparse_dense_backward(const float *x, long ldx, int batch, int k0, int k1, int n, const float *dy,
                              float *dw, const int32_t *index, const int32_t *counts) {
    if (!ck_sparse_dense_available(n, batch)) abort();
    const long stride = ldx + 16;
#if defined(__x86_64__)
    switch (ck_isa()) {
    case CK_AVX512: sparse_grad_avx512(x, ldx, batch, k0, k1, n, dy, dw, index, stride, counts); return;
    case CK_AVX2: sparse_grad_avx2(x, ldx, batch, k0, k1, n, dy, dw, index, stride, counts); return;
    default: break;
    }
#endif
    sparse_grad_portable(x, ldx, batch, k0, k1, n, dy, dw, index, stride, counts);
}
