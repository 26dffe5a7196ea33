import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A CBLAS library opened at run time with dlopen, so that OpenBLAS' kernel family can be chosen
/// (OPENBLAS_CORETYPE, see `CPUInfo.openBLASCoreType`) before the library initialises.
///
/// The library's own threading is switched off (`openblas_set_num_threads(1)`): the engine splits
/// work into a fixed set of chunks and runs them on its own threads, which keeps results identical
/// for any thread count.
final class BLASLibrary: MathBackend {
    private typealias SgemmFunction =
        @convention(c) (
            Int32, Int32, Int32, Int32, Int32, Int32, Float,
            UnsafePointer<Float>?, Int32, UnsafePointer<Float>?, Int32, Float, UnsafeMutablePointer<Float>?, Int32
        ) -> Void
    private typealias SetThreadsFunction = @convention(c) (Int32) -> Void
    private typealias StringFunction = @convention(c) () -> UnsafePointer<CChar>?

    private let handle: UnsafeMutableRawPointer
    private let gemm: SgemmFunction
    let name: String

    private init(handle: UnsafeMutableRawPointer, gemm: SgemmFunction, name: String) {
        self.handle = handle
        self.gemm = gemm
        self.name = name
    }

    deinit { dlclose(handle) }

    /// Candidate libraries, best first. NBRUN_BLAS=<path> overrides; NBRUN_BLAS=none forces the
    /// portable Swift GEMM.
    static var candidates: [String] {
        if let forced = ProcessInfo.processInfo.environment["NBRUN_BLAS"], !forced.isEmpty { return [forced] }
        return [
            "libopenblas.so.0", "libopenblas.so", "libopenblas.dylib", "libblis.so.4", "libblis.so",
            "/System/Library/Frameworks/Accelerate.framework/Accelerate",
        ]
    }

    static func load() -> BLASLibrary? {
        if ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil,
            let core = CPUInfo.openBLASCoreType(flags: CPUInfo.flags, isX86: CPUInfo.isX86)
        {
            setenv("OPENBLAS_CORETYPE", core, 0)
        }
        setenv("OPENBLAS_NUM_THREADS", "1", 0)
        for path in candidates where path != "none" {
            guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else { continue }
            guard let symbol = dlsym(handle, "cblas_sgemm") else {
                dlclose(handle)
                continue
            }
            let gemm = unsafeBitCast(symbol, to: SgemmFunction.self)
            for setter in ["openblas_set_num_threads", "bli_thread_set_num_threads"] {
                if let s = dlsym(handle, setter) { unsafeBitCast(s, to: SetThreadsFunction.self)(1) }
            }
            return BLASLibrary(handle: handle, gemm: gemm, name: describe(handle: handle, path: path))
        }
        return nil
    }

    private static func describe(handle: UnsafeMutableRawPointer, path: String) -> String {
        func call(_ symbol: String) -> String? {
            guard let s = dlsym(handle, symbol),
                let text = unsafeBitCast(s, to: StringFunction.self)()
            else { return nil }
            return String(cString: text)
        }
        if let config = call("openblas_get_config") {
            let version = config.split(separator: " ").prefix(2).joined(separator: " ")
            let core = call("openblas_get_corename") ?? "unknown"
            return "\(version) (\(core) kernels)"
        }
        return path.contains("blis") ? "BLIS (\(path))" : path
    }

    func sgemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        precondition(m >= 0 && n >= 0 && k >= 0, "negative GEMM size")
        if m == 0 || n == 0 { return }
        // CblasRowMajor = 101, CblasNoTrans = 111, CblasTrans = 112.
        gemm(
            101, transA ? 112 : 111, transB ? 112 : 111, Int32(m), Int32(n), Int32(k), alpha,
            a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
