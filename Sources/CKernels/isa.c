// Run-time choice of the kernel variant (see ck_isa_name in CKernels.h).
#include "CKernels.h"
#include "isa.h"

#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>

/// XCR0: which register states the OS saves (bits 1-2 SSE/AVX, 5-7 AVX-512 opmask/zmm).
static unsigned long long ck_xgetbv(void) {
    unsigned int eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((unsigned long long)edx << 32) | eax;
}

static int ck_detect(void) {
    unsigned int a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return CK_PORTABLE;
    int osxsave = (c >> 27) & 1, fma = (c >> 12) & 1, avx = (c >> 28) & 1;
    if (!osxsave || !avx) return CK_PORTABLE;
    unsigned long long xcr0 = ck_xgetbv();
    if ((xcr0 & 0x6) != 0x6) return CK_PORTABLE;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return CK_PORTABLE;
    int avx2 = (b >> 5) & 1;
    int f512 = (b >> 16) & 1, dq = (b >> 17) & 1, bw = (b >> 30) & 1, vl = (b >> 31) & 1;
    if (f512 && dq && bw && vl && fma && (xcr0 & 0xE6) == 0xE6) return CK_AVX512;
    if (avx2 && fma) return CK_AVX2;
    return CK_PORTABLE;
}
#else
static int ck_detect(void) { return CK_PORTABLE; }
#endif

static int ck_level = -1;

int ck_isa(void) {
    int level = __atomic_load_n(&ck_level, __ATOMIC_ACQUIRE);
    if (level >= 0) return level;
    level = ck_detect();
    const char *forced = getenv("NBRUN_KERNELS");
    if (forced) {
        int want = level;
        if (strcmp(forced, "portable") == 0) want = CK_PORTABLE;
        else if (strcmp(forced, "avx2") == 0) want = CK_AVX2;
        else if (strcmp(forced, "avx512") == 0) want = CK_AVX512;
        if (want < level) level = want;
    }
    __atomic_store_n(&ck_level, level, __ATOMIC_RELEASE);
    return level;
}

const char *ck_isa_name(void) {
    switch (ck_isa()) {
    case CK_AVX512: return "avx512";
    case CK_AVX2: return "avx2";
    default: return "portable";
    }
}

int ck_force_isa(int level) {
    int supported = ck_detect();
    if (level > supported) level = supported;
    if (level < 0) level = 0;
    __atomic_store_n(&ck_level, level, __ATOMIC_RELEASE);
    return level;
}
