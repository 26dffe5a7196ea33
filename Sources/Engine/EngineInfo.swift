/// Provenance of the engine's numbers, for lock files and articles.
public enum EngineInfo {
    /// Changes whenever any computation changes its results; cached results with another version
    /// must be recomputed.
    public static let numericsVersion = "1"
    /// The math library in use, e.g. "OpenBLAS 0.3.21 (SkylakeX kernels)".
    public static var mathLibrary: String { Backend.shared.name }
    /// The processor, e.g. "AMD EPYC".
    public static var cpuModel: String { CPUInfo.model }
}
