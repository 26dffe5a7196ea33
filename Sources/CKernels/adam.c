// Keras Adam update (see CKernels.h), sixteen lanes at a time. The operation sequence is the
// scalar one with every product and sum rounded separately (contraction off), and square root and
// division are correctly rounded, so every variant gives the same bits as the scalar loop.
#include "CKernels.h"
#include "isa.h"

#include <math.h>

#define CK_CAT2(a, b) a##_##b
#define CK_CAT(a, b) CK_CAT2(a, b)
#define CK_FN(name) CK_CAT(name, CK_VARIANT)

#define CK_ADAM_BODY                                                                               \
    {                                                                                              \
        _Pragma("clang fp contract(off)");                                                         \
        long i = 0;                                                                                \
        for (; i + 16 <= n; i += 16) {                                                             \
            ck_vf gi, mi, vi, wi;                                                                  \
            memcpy(&gi, g + i, 64); memcpy(&mi, m + i, 64);                                        \
            memcpy(&vi, v + i, 64); memcpy(&wi, w + i, 64);                                        \
            mi = mi + (gi - mi) * c1;                                                              \
            vi = vi + (gi * gi - vi) * c2;                                                         \
            wi = wi - (mi * alpha) / (__builtin_elementwise_sqrt(vi) + eps);                       \
            memcpy(m + i, &mi, 64); memcpy(v + i, &vi, 64); memcpy(w + i, &wi, 64);                \
        }                                                                                          \
        for (; i < n; i++) {                                                                       \
            const float gi = g[i];                                                                 \
            m[i] = m[i] + (gi - m[i]) * c1;                                                        \
            v[i] = v[i] + (gi * gi - v[i]) * c2;                                                   \
            w[i] = w[i] - (m[i] * alpha) / (sqrtf(v[i]) + eps);                                    \
        }                                                                                          \
    }

#if defined(__x86_64__)
static CK_TARGET_AVX512 void adam_avx512(float *w, const float *g, float *m, float *v, long n, float alpha,
                                         float c1, float c2, float eps) CK_ADAM_BODY
static CK_TARGET_AVX2 void adam_avx2(float *w, const float *g, float *m, float *v, long n, float alpha,
                                     float c1, float c2, float eps) CK_ADAM_BODY
#endif
static void adam_portable(float *w, const float *g, float *m, float *v, long n, float alpha,
                          float c1, float c2, float eps) CK_ADAM_BODY

void ck_adam(float *w, const float *g, float *m, float *v, long n, float alpha, float c1, float c2, float eps) {
#if defined(__x86_64__)
    switch (ck_isa()) {
    case CK_AVX512: adam_avx512(w, g, m, v, n, alpha, c1, c2, eps); return;
    case CK_AVX2: adam_avx2(w, g, m, v, n, alpha, c1, c2, eps); return;
    default: break;
    }
#endif
    adam_portable(w, g, m, v, n, alpha, c1, c2, eps);
}
