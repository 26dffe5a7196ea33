import CKernels

/// Provenance of the engine's numbers, for lock files and articles.
public enum EngineInfo {
    /// Changes whenever any computation changes its results; cached results with another version
    /// must be recomputed. "3": one order of operations on every CPU (the engine's own GEMM, every
    /// product a fused multiply-add chain over k ascending; sparse dense layers in every kernel
    /// variant; exp, log, tanh, sigmoid and powers of its own instead of libm).
    public static let numericsVersion = "4"
    /// The engine's math, e.g. "nbrun GEMM (avx2 kernels)": the kernel variant in use. Every
    /// variant gives the same bits (the numerics contract); the name is provenance only.
    public static var mathLibrary: String { Backend.shared.name }
    /// The processor, e.g. "AMD EPYC".
    public static var cpuModel: String { CPUInfo.model }
}
