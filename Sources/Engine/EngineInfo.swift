import CKernels

/// Provenance of the engine's numbers, for lock files and articles.
public enum EngineInfo {
    /// Changes whenever any computation changes its results; cached results with another version
    /// must be recomputed. "2": Conv2D + MaxPooling2D((2, 2)) fused into a direct convolution
    /// (another summation order than im2col + GEMM).
    public static let numericsVersion = "2"
    /// The math libraries in use, e.g. "OpenBLAS 0.3.21 (SkylakeX kernels), avx512 kernels": the
    /// BLAS and the variant of the engine's own C kernels (results can differ between variants by
    /// float rounding).
    public static var mathLibrary: String { "\(Backend.shared.name), \(String(cString: ck_isa_name())) kernels" }
    /// The processor, e.g. "AMD EPYC".
    public static var cpuModel: String { CPUInfo.model }
}
