import Engine

/// Versions that the article's provenance and the lock file record.
public enum RunnerInfo {
    /// nbrun's own version (`nbrun --version`).
    public static let version = "0.1.0"
    /// The engine's numerics version: part of every cache key, so a numerics change retrains.
    public static var numericsVersion: String { EngineInfo.numericsVersion }
}
