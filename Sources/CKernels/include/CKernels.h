// CKernels: the engine's hand-written CPU kernels (fused convolution + pooling, Adam) and its
// persistent worker pool. Each kernel exists in several instruction-set variants chosen once at
// run time from the CPU (AVX-512, AVX2 + FMA, portable C); see ck_isa_name().
#ifndef CKERNELS_H
#define CKERNELS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The kernel variant in use: "avx512", "avx2" or "portable". Chosen on first use from the CPU
/// (x86-64: AVX-512 F/BW/DQ/VL with OS support -> avx512; AVX2 + FMA -> avx2); the environment
/// variable NBRUN_KERNELS=portable|avx2|avx512 forces a variant (ignored when the CPU lacks it).
const char *ck_isa_name(void);

/// For tests: use variant `level` (0 portable, 1 avx2, 2 avx512) from now on, lowered to what the CPU
/// supports; returns the level in effect. Not for use while kernels run on other threads.
int ck_force_isa(int level);

/// Fused Conv2D (valid padding, stride 1, no dilation) + bias + optional relu + 2x2/2 max pooling
/// for ONE sample, channels last. x: h x w x c; kernel: (kh, kw, c, filters); bias: filters or
/// NULL. Writes pooled: (oh/2) x (ow/2) x filters (oh = h - kh + 1, ow = w - kw + 1, rounded down)
/// and argmax: the winning cell of each window, 0..3 row-major (first maximum of z + bias).
/// Requires filters % 16 == 0.
void ck_conv_pool_forward(const float *x, int h, int w, int c, int kh, int kw, int filters,
                          const float *kernel, const float *bias, int relu,
                          float *pooled, uint8_t *argmax);

/// The kernel and bias gradients contributed by ONE sample to the fused layer above, given
/// dpooled = dL/d(pooled) (same layout as pooled). dz = dpooled at the argmax cell (times
/// [pooled > 0] when relu), zero elsewhere; dkernel[k][f] = sum_cells x_patch[k] dz[f] and
/// dbias[f] = sum_cells dz[f], cells in row-major order. Overwrites dkernel (kh*kw*c*filters) and
/// dbias (filters; may be NULL).
void ck_conv_pool_filter_grad(const float *x, int h, int w, int c, int kh, int kw, int filters,
                              const float *pooled, const uint8_t *argmax, const float *dpooled, int relu,
                              float *dkernel, float *dbias);

/// dz of ONE sample as a dense oh x ow x filters map (zero except at argmax cells), for layers that
/// also need dL/dx.
void ck_conv_pool_scatter(int oh, int ow, int filters, const float *pooled, const uint8_t *argmax,
                          const float *dpooled, int relu, float *dz);

/// Single-precision GEMM, row-major, on the calling thread: C[m x n] = op(A) op(B) with op(A) m x k,
/// op(B) k x n; A(i, p) = a[i lda + p] (a[p lda + i] when transA), B(p, j) = b[p ldb + j]
/// (b[j ldb + p] when transB); C overwritten, rows ldc apart. Every output is ONE fused multiply-add
/// chain over k in ascending order: s = +0; for p = 0, 1, ..., k - 1: s = fma(A(i, p), B(p, j), s);
/// C[i, j] = s. The same bits in every variant and for any caller-side split of m or n.
void ck_gemm(int transA, int transB, int m, int n, int k, const float *a, long lda, const float *b, long ldb,
             float *c, long ldc);

/// Keras Adam on n elements, the exact IEEE operation sequence (no fused multiply-add):
/// m += (g - m) * c1; v += (g*g - v) * c2; w -= (m * alpha) / (sqrt(v) + eps), where c1 = 1 - beta_1 and
/// c2 = 1 - beta_2 as Keras computes them (in double from the decimal, then rounded to float).
void ck_adam(float *w, const float *g, float *m, float *v, long n, float alpha, float c1, float c2, float eps);

/// Whether the sparse dense-layer kernels below apply: n (units) a multiple of 16 up to 128, batch
/// <= 64 (every variant). Callers use ck_gemm otherwise.
int ck_sparse_dense_available(int n, int batch);

/// Number of non-zero (or NaN) entries of x[0..<count].
long ck_count_nonzero(const float *x, long count);

/// Dense layer forward that skips zero inputs, for `rows` samples: y[r, :] = chain over the j with
/// x[r, j] != 0, ascending, of fma(x[r, j], w[j, :], .) from +0 (the ck_gemm chain without the
/// terms whose input is zero; no bias). x rows are ldx apart (ldx >= k), y rows ldy apart. Also
/// records, per sample r, the ascending indices of its non-zero inputs in index[r (k + 16) ...] and
/// their number in counts[r] (for backward). Requires ck_sparse_dense_available(n, rows).
void ck_sparse_dense_forward(const float *x, long ldx, int rows, int k, int n, const float *w, float *y, long ldy,
                             int32_t *index, int32_t *counts);

/// dW of a dense layer over input features [k0, k1) for `batch` samples (x rows ldx = k apart,
/// index/counts from the forward over all samples): dw[j, :] = chain over the samples r with
/// x[r, j] != 0, ascending, of fma(x[r, j], dy[r, :], .) from +0. Requires ck_sparse_dense_available.
void ck_sparse_dense_backward(const float *x, long ldx, int batch, int k0, int k1, int n, const float *dy,
                              float *dw, const int32_t *index, const int32_t *counts);

/// A persistent pool of worker threads. ck_pool_run calls task(context, chunk, worker) for every
/// chunk in [0, chunks) on the caller (worker 0) and up to threads - 1 pool threads (workers
/// 1..threads-1), which claim chunks dynamically; it returns when all chunks are done. Workers spin
/// briefly between runs, then sleep. If the pool is busy (another thread is running on it) the
/// chunks run on the caller, as do runs of more than 65535 chunks. Which thread runs a chunk never
/// changes the chunk's result. Every chunk runs exactly once, and no pool thread is still inside
/// `task` when ck_pool_run returns (Tests/EngineTests/WorkerPoolStressTests).
typedef void (*ck_task)(void *context, long chunk, long worker);
typedef struct ck_pool ck_pool;

/// Returns NULL if threads cannot be created. `threads` counts the caller.
ck_pool *ck_pool_create(int threads);
void ck_pool_destroy(ck_pool *pool);
int ck_pool_size(const ck_pool *pool);
void ck_pool_run(ck_pool *pool, long chunks, int threads, ck_task task, void *context);

#ifdef __cplusplus
}
#endif

#endif
