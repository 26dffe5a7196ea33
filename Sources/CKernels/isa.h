// Internal: kernel variants and the vector types their bodies are written in.
#ifndef CK_ISA_H
#define CK_ISA_H

#include <stdint.h>
#include <string.h>

enum { CK_PORTABLE = 0, CK_AVX2 = 1, CK_AVX512 = 2 };
int ck_isa(void);

/// Sixteen floats / int32 / bytes: clang vector extensions, compiled to one zmm register in the
/// AVX-512 variant, two ymm in the AVX2 one, four SSE/NEON registers in the portable one.
typedef float ck_vf __attribute__((vector_size(64)));
typedef int32_t ck_vi __attribute__((vector_size(64)));
typedef uint8_t ck_vb __attribute__((vector_size(16)));

#define CK_ALWAYS_INLINE static inline __attribute__((always_inline))

#if defined(__x86_64__)
#define CK_TARGET_AVX512 __attribute__((target("avx512f,avx512bw,avx512dq,avx512vl,avx2,fma,bmi2")))
#define CK_TARGET_AVX2 __attribute__((target("avx2,fma,bmi2")))
#endif

#endif
