// Body of the fused convolution + pooling kernels, included once per instruction-set variant by
// conv_pool.c with CK_FN(name) (variant-suffixed name), CK_ATTR (target attribute) and
// CK_FMA(a, b, c) (a * b + c) defined. See CKernels.h for the semantics.

/// Forward of one sample for filters [f0, f0 + 16 FB); kh, kw, c and FB are constants after inlining.
CK_ALWAYS_INLINE CK_ATTR void CK_FN(fwd_block)(const float *x, int h, int w, const int c, const int kh,
                                                const int kw, const int filters, const int f0, const int FB,
                                                const float *kernel, const float *bias, int relu,
                                                float *pooled, uint8_t *argmax) {
    const int oh = h - kh + 1, ow = w - kw + 1, ph = oh / 2, pw = ow / 2, row = w * c;
    for (int py = 0; py < ph; py++) {
        for (int px = 0; px < pw; px++) {
            const float *x0 = x + 2 * py * row + 2 * px * c;
            ck_vf z[4][2] = {{0}};
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++) {
                    for (int ci = 0; ci < c; ci++) {
                        const int off = ky * row + kx * c + ci;
                        const float *wk = kernel + ((ky * kw + kx) * c + ci) * filters + f0;
                        const ck_vf s0 = ck_splat(x0[off]), s1 = ck_splat(x0[off + c]);
                        const ck_vf s2 = ck_splat(x0[off + row]), s3 = ck_splat(x0[off + row + c]);
                        for (int b = 0; b < FB; b++) {
                            const ck_vf wv = ck_load(wk + 16 * b);
                            z[0][b] = CK_FMA(s0, wv, z[0][b]);
                            z[1][b] = CK_FMA(s1, wv, z[1][b]);
                            z[2][b] = CK_FMA(s2, wv, z[2][b]);
                            z[3][b] = CK_FMA(s3, wv, z[3][b]);
                        }
                    }
                }
            }
            const int q = (py * pw + px) * filters + f0;
            for (int b = 0; b < FB; b++) {
                if (bias) {
                    const ck_vf bv = ck_load(bias + f0 + 16 * b);
                    for (int s = 0; s < 4; s++) z[s][b] += bv;
                }
                ck_vf best = z[0][b];
                ck_vi code = {0};
                for (int s = 1; s < 4; s++) {
                    const ck_vi better = z[s][b] > best;
                    best = ck_select(better, z[s][b], best);
                    code = (code & ~better) | (better & s);
                }
                if (relu) best = ck_select(best > 0, best, (ck_vf){0});
                ck_store(pooled + q + 16 * b, best);
                const ck_vb bytes = __builtin_convertvector(code, ck_vb);
                memcpy(argmax + q + 16 * b, &bytes, 16);
            }
        }
    }
}

/// Filter gradient of one sample for k in [k0, k0 + KB) and filters [f0, f0 + 16 FB), accumulated in
/// registers over the cells (row-major, the four cells of a window in order), then stored.
CK_ALWAYS_INLINE CK_ATTR void CK_FN(grad_block)(const float *x, int h, int w, const int c, const int kh,
                                                 const int kw, const int filters, const int f0, const int FB,
                                                 const int k0, const int KB, const int *offsets,
                                                 const float *pooled, const uint8_t *argmax,
                                                 const float *dpooled, int relu, float *dkernel, float *dbias) {
    const int oh = h - kh + 1, ow = w - kw + 1, ph = oh / 2, pw = ow / 2, row = w * c;
    ck_vf acc[9][2] = {{0}};
    ck_vf db[2] = {0};
    const int cell[4] = {0, c, row, row + c};
    for (int py = 0; py < ph; py++) {
        for (int px = 0; px < pw; px++) {
            const float *x0 = x + 2 * py * row + 2 * px * c;
            const int q = (py * pw + px) * filters + f0;
            ck_vf g[2];
            ck_vi code[2];
            for (int b = 0; b < FB; b++) {
                g[b] = ck_load(dpooled + q + 16 * b);
                if (relu) g[b] = ck_select(ck_load(pooled + q + 16 * b) > 0, g[b], (ck_vf){0});
                ck_vb bytes;
                memcpy(&bytes, argmax + q + 16 * b, 16);
                code[b] = __builtin_convertvector(bytes, ck_vi);
            }
            for (int s = 0; s < 4; s++) {
                ck_vf dz[2];
                ck_vi any = {0};
                for (int b = 0; b < FB; b++) {
                    const ck_vi hit = code[b] == s;
                    dz[b] = ck_select(hit, g[b], (ck_vf){0});
                    any |= hit & ((ck_vi)g[b] != 0);
                }
                if (!__builtin_reduce_or(any)) continue;
                const float *xs = x0 + cell[s];
                for (int b = 0; b < FB; b++) db[b] += dz[b];
                for (int k = 0; k < KB; k++) {
                    const ck_vf xv = ck_splat(xs[offsets[k0 + k]]);
                    for (int b = 0; b < FB; b++) acc[k][b] = CK_FMA(xv, dz[b], acc[k][b]);
                }
            }
        }
    }
    for (int k = 0; k < KB; k++)
        for (int b = 0; b < FB; b++) ck_store(dkernel + (k0 + k) * filters + f0 + 16 * b, acc[k][b]);
    if (dbias && k0 == 0)
        for (int b = 0; b < FB; b++) ck_store(dbias + f0 + 16 * b, db[b]);
}

static CK_ATTR void CK_FN(conv_pool_forward)(const float *x, int h, int w, int c, int kh, int kw, int filters,
                                              const float *kernel, const float *bias, int relu,
                                              float *pooled, uint8_t *argmax) {
    for (int f0 = 0; f0 < filters; f0 += 32) {
        const int two = filters - f0 >= 32;
        if (kh == 3 && kw == 3 && c == 1) {
            if (two) CK_FN(fwd_block)(x, h, w, 1, 3, 3, filters, f0, 2, kernel, bias, relu, pooled, argmax);
            else CK_FN(fwd_block)(x, h, w, 1, 3, 3, filters, f0, 1, kernel, bias, relu, pooled, argmax);
        } else {
            if (two) CK_FN(fwd_block)(x, h, w, c, kh, kw, filters, f0, 2, kernel, bias, relu, pooled, argmax);
            else CK_FN(fwd_block)(x, h, w, c, kh, kw, filters, f0, 1, kernel, bias, relu, pooled, argmax);
        }
    }
}

static CK_ATTR void CK_FN(conv_pool_filter_grad)(const float *x, int h, int w, int c, int kh, int kw, int filters,
                                                  const int *offsets, const float *pooled, const uint8_t *argmax,
                                                  const float *dpooled, int relu, float *dkernel, float *dbias) {
    const int patch = kh * kw * c;
    for (int f0 = 0; f0 < filters; f0 += 32) {
        const int two = filters - f0 >= 32;
        int k0 = 0;
        for (; k0 + 9 <= patch; k0 += 9) {
            if (two) CK_FN(grad_block)(x, h, w, c, kh, kw, filters, f0, 2, k0, 9, offsets, pooled, argmax, dpooled, relu, dkernel, dbias);
            else CK_FN(grad_block)(x, h, w, c, kh, kw, filters, f0, 1, k0, 9, offsets, pooled, argmax, dpooled, relu, dkernel, dbias);
        }
        for (; k0 < patch; k0++) {
            if (two) CK_FN(grad_block)(x, h, w, c, kh, kw, filters, f0, 2, k0, 1, offsets, pooled, argmax, dpooled, relu, dkernel, dbias);
            else CK_FN(grad_block)(x, h, w, c, kh, kw, filters, f0, 1, k0, 1, offsets, pooled, argmax, dpooled, relu, dkernel, dbias);
        }
    }
}
