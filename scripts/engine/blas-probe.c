// Probe sgemm speed of the Debian BLAS libraries for the blog model's shapes, one thread.
// Build: gcc -O2 blas-probe.c -o /tmp/blas-probe -ldl ; run: OPENBLAS_CORETYPE=... /tmp/blas-probe libopenblas.so.0
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
typedef void (*sgemm_t)(int, int, int, int, int, int, float, const float*, int, const float*, int, float, float*, int);
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
int main(int argc, char** argv) {
  void* h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!h) { fprintf(stderr, "%s\n", dlerror()); return 1; }
  sgemm_t gemm = (sgemm_t)dlsym(h, "cblas_sgemm");
  void (*setn)(int) = (void (*)(int))dlsym(h, "openblas_set_num_threads");
  if (!setn) setn = (void (*)(int))dlsym(h, "bli_thread_set_num_threads");
  if (setn) setn(1);
  char* (*core)(void) = (char* (*)(void))dlsym(h, "openblas_get_corename");
  if (core) printf("core %s\n", core());
  // RowMajor=101, NoTrans=111, Trans=112
  struct { const char* name; int ta, tb, m, n, k; } s[] = {
    {"dense1 fwd   16x64x5408 NN", 111, 111, 16, 64, 5408},
    {"dense1 fwd   32x128x5408 NN", 111, 111, 32, 128, 5408},
    {"dense1 dW  5408x128x32 TN", 112, 111, 5408, 128, 32},
    {"dense1 dW  1352x128x32 TN", 112, 111, 1352, 128, 32},
    {"dense1 dX  32x5408x128 NT", 111, 112, 32, 5408, 128},
    {"conv fwd   676x32x9 NN", 111, 111, 676, 32, 9},
    {"conv fwd   5408x32x9 NN", 111, 111, 5408, 32, 9},
    {"conv dW    9x32x5408 TN", 112, 111, 9, 32, 5408},
    {"conv fwd T 32x676x9 NN", 111, 111, 32, 676, 9},
  };
  float* A = malloc(sizeof(float) * 6000000); float* B = malloc(sizeof(float) * 6000000); float* C = malloc(sizeof(float) * 6000000);
  for (int i = 0; i < 6000000; i++) { A[i] = (i % 7) * 0.1f; B[i] = (i % 5) * 0.1f; C[i] = 0; }
  for (unsigned i = 0; i < sizeof s / sizeof s[0]; i++) {
    int m = s[i].m, n = s[i].n, k = s[i].k;
    int lda = s[i].ta == 111 ? k : m, ldb = s[i].tb == 111 ? n : k;
    double flop = 2.0 * m * n * k; int reps = (int)(2e9 / flop) + 1;
    gemm(101, s[i].ta, s[i].tb, m, n, k, 1, A, lda, B, ldb, 0, C, n);
    double t0 = now();
    for (int r = 0; r < reps; r++) gemm(101, s[i].ta, s[i].tb, m, n, k, 1, A, lda, B, ldb, 0, C, n);
    double t = now() - t0;
    printf("%-30s %7.1f GFLOP/s %8.1f us\n", s[i].name, flop * reps / t * 1e-9, t / reps * 1e6);
  }
  return 0;
}
