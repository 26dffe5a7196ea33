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

/// No contraction of a * b + c into a fused multiply-add behind the code's back: a kernel fuses
/// exactly where it says so (CK_FMA, fmaf), identically in every variant.
#pragma clang fp contract(off)

#define CK_ALWAYS_INLINE static inline __attribute__((always_inline))

/// Sixteen copies of a float (a broadcast; `(ck_vf){0} + s` would add +0 and turn -0 into +0).
#define ck_splat(s) ({ const float s_ = (s); (ck_vf){s_, s_, s_, s_, s_, s_, s_, s_, s_, s_, s_, s_, s_, s_, s_, s_}; })

/// Sixteen doubles / int64: the portable x86-64 variant's exact fused multiply-add (below).
typedef double ck_vd __attribute__((vector_size(128)));
typedef int64_t ck_vl __attribute__((vector_size(128)));

#if defined(__x86_64__) && !defined(__FMA__)
/// fma(a, b, c) rounded once, for x86-64 CPUs without FMA (SSE2 only), without libm's scalar fmaf
/// per lane: a b is exact in double (24 + 24 < 53 bits); s = a b + c rounded to double differs from
/// the exact sum only in a way that matters to the final rounding to float when s lands exactly on
/// a float rounding midpoint (low 29 bits 1000...0) or in float's subnormal range. Those rare
/// vectors are rounded to odd first (TwoSum error e; if e != 0 and s is even, step one double ulp
/// toward the exact sum), which makes the final rounding correct (Boldo & Melquiond, "Emulation of
/// FMA and correctly rounded sums: proved algorithms using rounding to odd", IEEE TC 2008: double's
/// 53 bits >= 2 x 24 + 2).
/// (A statement expression, not a function: 64-byte vector arguments would change the ABI.)
#define CK_FMA_PORTABLE(a, b, c)                                                                          \
    ({                                                                                                   \
        const ck_vd p_ = __builtin_convertvector((ck_vf)(a), ck_vd) * __builtin_convertvector((ck_vf)(b), ck_vd); \
        const ck_vd c_ = __builtin_convertvector((ck_vf)(c), ck_vd);                                     \
        ck_vd s_ = p_ + c_;                                                                              \
        ck_vl bits_ = (ck_vl)s_;                                                                         \
        const ck_vl mag_ = bits_ & 0x7FFFFFFFFFFFFFFFLL;                                                 \
        const ck_vl risky_ = ((bits_ & 0x1FFFFFFFLL) == 0x10000000LL) | ((mag_ != 0) & (mag_ < 0x3810000000000000LL)); \
        if (__builtin_reduce_or(risky_)) {                                                               \
            const ck_vd bp_ = s_ - c_;                                                                   \
            const ck_vd e_ = (p_ - bp_) + (c_ - (s_ - bp_));                                             \
            const ck_vl fix_ = (e_ != 0) & ((bits_ & 1) == 0) & (mag_ < 0x7FF0000000000000LL);           \
            const ck_vl away_ = (e_ > 0) == (s_ > 0);                                                    \
            bits_ += fix_ & ((away_ & 2) - 1);                                                           \
            s_ = (ck_vd)bits_;                                                                           \
        }                                                                                                \
        __builtin_convertvector(s_, ck_vf);                                                              \
    })
#else
#define CK_FMA_PORTABLE(a, b, c) __builtin_elementwise_fma(a, b, c)
#endif

#if defined(__x86_64__)
#define CK_TARGET_AVX512 __attribute__((target("avx512f,avx512bw,avx512dq,avx512vl,avx2,fma,bmi2")))
#define CK_TARGET_AVX2 __attribute__((target("avx2,fma,bmi2")))
#endif

#endif
