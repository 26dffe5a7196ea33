#if arch(x86_64)
    import _Builtin_intrinsics.intel
#endif

/// Four-lane square root and division that compile to single vector instructions (IEEE, correctly
/// rounded, so results equal the scalar operations). SSE on x86-64 (always present there);
/// elsewhere Swift's SIMD operators.
enum VectorMath {
    @inline(__always) static func squareRoot(_ x: SIMD4<Float>) -> SIMD4<Float> {
        #if arch(x86_64)
            return _mm_sqrt_ps(x)
        #else
            return x.squareRoot()
        #endif
    }

    @inline(__always) static func divide(_ a: SIMD4<Float>, _ b: SIMD4<Float>) -> SIMD4<Float> {
        #if arch(x86_64)
            return _mm_div_ps(a, b)
        #else
            return a / b
        #endif
    }
}
