// Body of the engine's GEMM, included once per instruction-set variant by gemm.c with CK_FN(name),
// CK_ATTR (target attribute), CK_MR (rows of a register tile) and CK_NB (16-float vectors per tile
// row) defined. Tiling only decides which outputs are computed together: every output is one
// fused multiply-add chain over k in ascending order (see ck_gemm in CKernels.h), so all variants
// and tile sizes give the same bits.

/// One register tile: `MR` rows (constant after inlining) x 16 CK_NB columns of C over k in
/// [0, kc): A(i, p) = ap[i ars + p acs], B(p, :) = bp[p ldbp ...] (16 CK_NB floats, zero-padded
/// beyond `cols` when packed). The chain starts from +0 when `first`, else continues from the
/// partial sums stored in C by the previous k block (a float store and load are exact, so blocking
/// k does not change the chain). Only `MR` x `cols` of C are touched; tile element (i, j) lives at
/// c[i ldc + j], or at c[j ldc + i] when `ctrans`.
CK_ALWAYS_INLINE CK_ATTR void CK_FN(gemm_tile)(const int MR, int kc, const float *ap, long ars, long acs,
                                                const float *bp, long ldbp, float *c, long ldc, int ctrans,
                                                int cols, int first) {
    enum { NR = 16 * CK_NB };
    ck_vf acc[CK_MR][CK_NB];
    const int whole = cols == NR && !ctrans;
    const long rs = ctrans ? 1 : ldc, cs = ctrans ? ldc : 1;
    for (int i = 0; i < MR; i++) {
        for (int b = 0; b < CK_NB; b++) {
            if (first) {
                acc[i][b] = (ck_vf){0};
            } else if (whole) {
                acc[i][b] = ck_load(c + i * ldc + 16 * b);
            } else {
                float t[16] = {0};
                for (int j = 16 * b; j < cols && j < 16 * b + 16; j++) t[j - 16 * b] = c[i * rs + j * cs];
                acc[i][b] = ck_load(t);
            }
        }
    }
    for (int p = 0; p < kc; p++) {
        ck_vf bv[CK_NB];
        for (int b = 0; b < CK_NB; b++) bv[b] = ck_load(bp + p * ldbp + 16 * b);
        for (int i = 0; i < MR; i++) {
            const ck_vf s = ck_splat(ap[i * ars + p * acs]);
            for (int b = 0; b < CK_NB; b++) acc[i][b] = CK_FMA(s, bv[b], acc[i][b]);
        }
    }
    for (int i = 0; i < MR; i++) {
        for (int b = 0; b < CK_NB; b++) {
            if (whole) {
                ck_store(c + i * ldc + 16 * b, acc[i][b]);
            } else {
                float t[16];
                ck_store(t, acc[i][b]);
                for (int j = 16 * b; j < cols && j < 16 * b + 16; j++) c[i * rs + j * cs] = t[j - 16 * b];
            }
        }
    }
}

/// C[m x n] = op(A) op(B) for one variant (see ck_gemm), C stored transposed when `ctrans`. A is
/// read in place; B is read in place when it is not transposed and a panel is whole, else from
/// panels packed into bbuf (zero-padded).
static CK_ATTR void CK_FN(gemm)(int transA, int transB, int m, int n, int k, const float *a, long lda,
                                const float *b, long ldb, float *c, long ldc, int ctrans, float *bbuf) {
    enum { NR = 16 * CK_NB, MR = CK_MR };
    const long ars = transA ? 1 : lda, acs = transA ? lda : 1;
    for (int jc = 0; jc < n; jc += CK_NC) {
        const int nc = n - jc < CK_NC ? n - jc : CK_NC;
        const int packed = transB || nc % NR != 0;
        for (int pc = 0; pc < k; pc += CK_KC) {
            const int kc = k - pc < CK_KC ? k - pc : CK_KC;
            if (packed) ck_pack_b(transB, b, ldb, pc, kc, jc, nc, NR, bbuf);
            for (int jr = 0; jr < nc; jr += NR) {
                const int cols = nc - jr < NR ? nc - jr : NR;
                const float *bp = packed ? bbuf + (long)(jr / NR) * kc * NR : b + (long)pc * ldb + jc + jr;
                const long ldbp = packed ? NR : ldb;
                for (int ir = 0, rows; ir < m; ir += rows) {
                    rows = ck_tile_rows(m, ir, MR);
                    const float *ap = a + (long)ir * ars + (long)pc * acs;
                    float *ct = ctrans ? c + (long)(jc + jr) * ldc + ir : c + (long)ir * ldc + jc + jr;
                    switch (rows) {
#define CK_ROWS(R) \
    case R: CK_FN(gemm_tile)(R, kc, ap, ars, acs, bp, ldbp, ct, ldc, ctrans, cols, pc == 0); break;
                    CK_ROWS(1)
#if CK_MR >= 2
                    CK_ROWS(2)
#endif
#if CK_MR >= 3
                    CK_ROWS(3)
#endif
#if CK_MR >= 4
                    CK_ROWS(4)
#endif
#if CK_MR >= 5
                    CK_ROWS(5)
#endif
#if CK_MR >= 6
                    CK_ROWS(6)
#endif
#if CK_MR >= 7
                    CK_ROWS(7)
#endif
#if CK_MR >= 8
                    CK_ROWS(8)
#endif
#undef CK_ROWS
                    default: break;
                    }
                }
            }
        }
    }
}
