// Body of the sparse-input dense-layer kernels, included once per instruction-set variant by
// sparse_dense.c with CK_FN(name), CK_ATTR, CK_FMA and CK_SPARSE_NB (the most 16-float vectors of
// outputs held in registers at once) defined. Which outputs share registers never changes a sum:
// every output is one fused multiply-add chain over the non-zero inputs in ascending order.

/// Forward over output vectors [c0, c0 + NB) (NB constant after inlining) for `rows` samples whose
/// non-zero input indices are in index (stride apart) / counts.
CK_ALWAYS_INLINE CK_ATTR void CK_FN(sparse_forward_cols)(const float *x, long ldx, int rows, int k, int n,
                                                          const int c0, const int NB, const float *w, float *y,
                                                          long ldy, const int32_t *index, long stride,
                                                          const int32_t *counts) {
    int32_t cursor[64];
    for (int r = 0; r < rows; r++) {
        cursor[r] = 0;
        for (int b = 0; b < NB; b++) ck_store(y + r * ldy + 16 * (c0 + b), (ck_vf){0});
    }
    // k in blocks whose rows of w stay in cache while every sample of the chunk uses them; the
    // chain of each output continues across blocks through y (a float store and load are exact).
    enum { KB = 128 };
    for (int k0 = 0; k0 < k; k0 += KB) {
        const int k1 = k0 + KB;
        for (int r = 0; r < rows; r++) {
            const int32_t *ir = index + r * stride;
            const float *xr = x + r * ldx;
            float *yr = y + r * ldy + 16 * c0;
            int32_t t = cursor[r];
            ck_vf acc[CK_SPARSE_NB];
            for (int b = 0; b < NB; b++) acc[b] = ck_load(yr + 16 * b);
            for (; t < counts[r] && ir[t] < k1; t++) {
                const int j = ir[t];
                const ck_vf s = ck_splat(xr[j]);
                const float *wj = w + (long)j * n + 16 * c0;
                for (int b = 0; b < NB; b++) acc[b] = CK_FMA(s, ck_load(wj + 16 * b), acc[b]);
            }
            for (int b = 0; b < NB; b++) ck_store(yr + 16 * b, acc[b]);
            cursor[r] = t;
        }
    }
}

static CK_ATTR void CK_FN(sparse_forward)(const float *x, long ldx, int rows, int k, int n, const float *w,
                                           float *y, long ldy, int32_t *index, long stride, int32_t *counts) {
    for (int r = 0; r < rows; r++) counts[r] = CK_FN(nonzero_indices)(x + r * ldx, k, index + r * stride);
    const int vectors = n / 16;
    for (int c0 = 0; c0 < vectors; c0 += CK_SPARSE_NB) {
        const int nb = vectors - c0 < CK_SPARSE_NB ? vectors - c0 : CK_SPARSE_NB;
        switch (nb) {
#define CK_COLS(NB) \
    case NB: CK_FN(sparse_forward_cols)(x, ldx, rows, k, n, c0, NB, w, y, ldy, index, stride, counts); break;
        CK_COLS(1)
#if CK_SPARSE_NB >= 2
        CK_COLS(2)
#endif
#if CK_SPARSE_NB >= 3
        CK_COLS(3)
#endif
#if CK_SPARSE_NB >= 4
        CK_COLS(4)
#endif
#if CK_SPARSE_NB >= 5
        CK_COLS(5)
        CK_COLS(6)
        CK_COLS(7)
        CK_COLS(8)
#endif
#undef CK_COLS
        default: break;
        }
    }
}

/// dW rows [k0, k1) over output vectors [c0, c0 + NB): dw[j, :] = chain over the samples r with
/// x[r, j] != 0, ascending, of x[r, j] dy[r, :]; samples[j - g0] holds those samples as bits.
CK_ALWAYS_INLINE CK_ATTR void CK_FN(sparse_grad_cols)(const float *x, long ldx, int j, int n, const int c0,
                                                       const int NB, const float *dy, float *dw, uint64_t samples) {
    ck_vf acc[CK_SPARSE_NB];
    for (int b = 0; b < NB; b++) acc[b] = (ck_vf){0};
    for (uint64_t m = samples; m; m &= m - 1) {
        const int r = __builtin_ctzll(m);
        const ck_vf s = ck_splat(x[r * ldx + j]);
        const float *dyr = dy + (long)r * n + 16 * c0;
        for (int b = 0; b < NB; b++) acc[b] = CK_FMA(s, ck_load(dyr + 16 * b), acc[b]);
    }
    for (int b = 0; b < NB; b++) ck_store(dw + (long)j * n + 16 * (c0 + b), acc[b]);
}

static CK_ATTR void CK_FN(sparse_grad)(const float *x, long ldx, int batch, int k0, int k1, int n,
                                        const float *dy, float *dw, const int32_t *index, long stride,
                                        const int32_t *counts) {
    int32_t cursor[64];
    for (int r = 0; r < batch; r++) cursor[r] = ck_lower_bound(index + r * stride, counts[r], k0);
    uint64_t samples[64];
    const int vectors = n / 16;
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
            for (int c0 = 0; c0 < vectors; c0 += CK_SPARSE_NB) {
                const int nb = vectors - c0 < CK_SPARSE_NB ? vectors - c0 : CK_SPARSE_NB;
                switch (nb) {
#define CK_COLS(NB) \
    case NB: CK_FN(sparse_grad_cols)(x, ldx, j, n, c0, NB, dy, dw, samples[j - g0]); break;
                CK_COLS(1)
#if CK_SPARSE_NB >= 2
                CK_COLS(2)
#endif
#if CK_SPARSE_NB >= 3
                CK_COLS(3)
#endif
#if CK_SPARSE_NB >= 4
                CK_COLS(4)
#endif
#if CK_SPARSE_NB >= 5
                CK_COLS(5)
                CK_COLS(6)
                CK_COLS(7)
                CK_COLS(8)
#endif
#undef CK_COLS
                default: break;
                }
            }
        }
    }
}
