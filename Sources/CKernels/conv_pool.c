// Fused Conv2D + bias + relu + 2x2 max pooling, forward and filter gradient (see CKernels.h).
//
// pool(relu(z + b)) = relu(max(z + b)) because relu and rounding are monotonic, so only the pooled
// map and the winning cell are stored; the gradient reaches z only at that cell, and only when the
// pooled value is positive (TensorFlow's ReluGrad is zero at 0). Ties keep the first cell in
// row-major order, as the engine's MaxPooling2D does.
#include "CKernels.h"
#include "isa.h"

#include <stdlib.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

// Helpers as macros: functions passing 64-byte vectors would change the ABI between variants.
#define ck_load(p) ({ ck_vf v_; memcpy(&v_, (p), sizeof v_); v_; })
#define ck_store(p, v) do { ck_vf v_ = (v); memcpy((p), &v_, sizeof v_); } while (0)
#define ck_select(mask, a, b) ((ck_vf)(((ck_vi)(a) & (mask)) | ((ck_vi)(b) & ~(mask))))

#define CK_CAT2(a, b) a##_##b
#define CK_CAT(a, b) CK_CAT2(a, b)
#define CK_FN(name) CK_CAT(name, CK_VARIANT)

#if defined(__x86_64__)
#define CK_VARIANT avx512
#define CK_ATTR CK_TARGET_AVX512
#define CK_FMA(a, b, c) __builtin_elementwise_fma(a, b, c)
#include "conv_pool_body.h"
#undef CK_VARIANT
#undef CK_ATTR

#define CK_VARIANT avx2
#define CK_ATTR CK_TARGET_AVX2
#include "conv_pool_body.h"
#undef CK_VARIANT
#undef CK_ATTR
#undef CK_FMA

/// AVX-512 filter gradient for one input channel and a 3x3 kernel: the 4x4 input window under a
/// pooling window fills one register, and each lane picks its winning cell's value for kernel tap k
/// with one permute (index = 4 (a + ky) + (b + kx) for winning cell (a, b)), so each tap costs one
/// permute and one FMA instead of four FMAs. Adds the same products in the same order as the
/// generic body (which adds exact zeros for the other three cells).
static CK_TARGET_AVX512 void conv_pool_filter_grad_c1k3_avx512(const float *x, int h, int w, int filters,
                                                               const float *pooled, const uint8_t *argmax,
                                                               const float *dpooled, int relu,
                                                               float *dkernel, float *dbias) {
    const int oh = h - 2, ow = w - 2, ph = oh / 2, pw = ow / 2;
    for (int f0 = 0; f0 < filters; f0 += 16) {
        __m512 acc[9], db = _mm512_setzero_ps();
        for (int k = 0; k < 9; k++) acc[k] = _mm512_setzero_ps();
        for (int py = 0; py < ph; py++) {
            for (int px = 0; px < pw; px++) {
                const int q = (py * pw + px) * filters + f0;
                __m512 g = _mm512_loadu_ps(dpooled + q);
                __mmask16 live = _mm512_cmp_ps_mask(g, _mm512_setzero_ps(), _CMP_NEQ_UQ);
                if (relu) live &= _mm512_cmp_ps_mask(_mm512_loadu_ps(pooled + q), _mm512_setzero_ps(), _CMP_GT_OQ);
                if (!live) continue;
                g = _mm512_maskz_mov_ps(live, g);
                const float *x0 = x + 2 * py * w + 2 * px;
                __m512 window = _mm512_castps128_ps512(_mm_loadu_ps(x0));
                window = _mm512_insertf32x4(window, _mm_loadu_ps(x0 + w), 1);
                window = _mm512_insertf32x4(window, _mm_loadu_ps(x0 + 2 * w), 2);
                window = _mm512_insertf32x4(window, _mm_loadu_ps(x0 + 3 * w), 3);
                const __m512i code = _mm512_cvtepu8_epi32(_mm_loadu_si128((const __m128i *)(argmax + q)));
                // cell (a, b) = (code / 2, code % 2) -> window index 4a + b = code + (code & 2)
                const __m512i base = _mm512_add_epi32(code, _mm512_and_si512(code, _mm512_set1_epi32(2)));
                db = _mm512_add_ps(db, g);
                for (int ky = 0; ky < 3; ky++)
                    for (int kx = 0; kx < 3; kx++) {
                        const __m512i index = _mm512_add_epi32(base, _mm512_set1_epi32(4 * ky + kx));
                        acc[ky * 3 + kx] = _mm512_fmadd_ps(_mm512_permutexvar_ps(index, window), g, acc[ky * 3 + kx]);
                    }
            }
        }
        for (int k = 0; k < 9; k++) _mm512_storeu_ps(dkernel + k * filters + f0, acc[k]);
        if (dbias) _mm512_storeu_ps(dbias + f0, db);
    }
}
#endif

#define CK_VARIANT portable
#define CK_ATTR
#define CK_FMA(a, b, c) CK_FMA_PORTABLE(a, b, c)
#include "conv_pool_body.h"

void ck_conv_pool_forward(const float *x, int h, int w, int c, int kh, int kw, int filters,
                          const float *kernel, const float *bias, int relu, float *pooled, uint8_t *argmax) {
#if defined(__x86_64__)
    switch (ck_isa()) {
    case CK_AVX512: conv_pool_forward_avx512(x, h, w, c, kh, kw, filters, kernel, bias, relu, pooled, argmax); return;
    case CK_AVX2: conv_pool_forward_avx2(x, h, w, c, kh, kw, filters, kernel, bias, relu, pooled, argmax); return;
    default: break;
    }
#endif
    conv_pool_forward_portable(x, h, w, c, kh, kw, filters, kernel, bias, relu, pooled, argmax);
}

void ck_conv_pool_filter_grad(const float *x, int h, int w, int c, int kh, int kw, int filters,
                              const float *pooled, const uint8_t *argmax, const float *dpooled, int relu,
                              float *dkernel, float *dbias) {
    const int patch = kh * kw * c;
    int stack[288];
    int *offsets = patch <= 288 ? stack : malloc(sizeof(int) * (size_t)patch);
    if (!offsets) abort();
    for (int ky = 0; ky < kh; ky++)
        for (int kx = 0; kx < kw; kx++)
            for (int ci = 0; ci < c; ci++) offsets[(ky * kw + kx) * c + ci] = ky * w * c + kx * c + ci;
#if defined(__x86_64__)
    switch (ck_isa()) {
    case CK_AVX512:
        if (c == 1 && kh == 3 && kw == 3) {
            conv_pool_filter_grad_c1k3_avx512(x, h, w, filters, pooled, argmax, dpooled, relu, dkernel, dbias);
            break;
        }
        conv_pool_filter_grad_avx512(x, h, w, c, kh, kw, filters, offsets, pooled, argmax, dpooled, relu, dkernel, dbias);
        break;
    case CK_AVX2:
        conv_pool_filter_grad_avx2(x, h, w, c, kh, kw, filters, offsets, pooled, argmax, dpooled, relu, dkernel, dbias);
        break;
    default:
        conv_pool_filter_grad_portable(x, h, w, c, kh, kw, filters, offsets, pooled, argmax, dpooled, relu, dkernel, dbias);
    }
#else
    conv_pool_filter_grad_portable(x, h, w, c, kh, kw, filters, offsets, pooled, argmax, dpooled, relu, dkernel, dbias);
#endif
    if (offsets != stack) free(offsets);
}

void ck_conv_pool_scatter(int oh, int ow, int filters, const float *pooled, const uint8_t *argmax,
                          const float *dpooled, int relu, float *dz) {
    const int ph = oh / 2, pw = ow / 2;
    memset(dz, 0, sizeof(float) * (size_t)oh * (size_t)ow * (size_t)filters);
    for (int py = 0; py < ph; py++)
        for (int px = 0; px < pw; px++)
            for (int f = 0; f < filters; f++) {
                const int q = (py * pw + px) * filters + f;
                if (relu && !(pooled[q] > 0)) continue;
                const int a = argmax[q];
                const int y = 2 * py + a / 2, x = 2 * px + a % 2;
                dz[(y * ow + x) * filters + f] = dpooled[q];
            }
}
