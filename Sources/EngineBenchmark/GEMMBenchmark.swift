import CKernels
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `nbrun-bench --gemm`: GFLOP/s of the engine's GEMM (`ck_gemm`) in every kernel variant this CPU
/// has, on the blog model's GEMM shapes (one thread, as the engine calls it inside a chunk), next to
/// OpenBLAS's `cblas_sgemm` when libopenblas is installed (opened with dlopen for this comparison
/// only; its kernel family is OpenBLAS's own choice unless OPENBLAS_CORETYPE is set).
enum GEMMBenchmark {
    /// (label, transA, transB, m, n, k): dense forward (a column chunk), dW and dx (row chunks of
    /// the 5,408 inputs), the output layer, and im2col convolutions.
    static let shapes: [(String, Bool, Bool, Int, Int, Int)] = [
        ("dense fwd 32x64x5408 NN", false, false, 32, 64, 5408),
        ("dense dW 676x128x32 TN", true, false, 676, 128, 32),
        ("dense dx 32x676x128 NT", false, true, 32, 676, 128),
        ("dense_1 fwd 32x10x128 NN", false, false, 32, 10, 128),
        ("conv fwd 676x32x9 NN", false, false, 676, 32, 9),
        ("conv dW 9x16x21632 TN", true, false, 9, 16, 21632),
        ("conv dx 676x288x32 NT", false, true, 676, 288, 32),
        ("conv 3x3x32 fwd 121x64x288 NN", false, false, 121, 64, 288),
    ]

    private typealias Sgemm =
        @convention(c) (
            Int32, Int32, Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32,
            UnsafePointer<Float>?, Int32, Float, UnsafeMutablePointer<Float>?, Int32
        ) -> Void

    /// Median seconds of one call over 7 trials of enough calls for ~20 ms each.
    private static func time(flops: Double, _ body: () -> Void) -> Double {
        let calls = max(1, Int(2e8 / max(flops, 1)))
        var trials: [Double] = []
        body()
        for _ in 0..<7 {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<calls { body() }
            trials.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / Double(calls))
        }
        return trials.sorted()[3]
    }

    static func run() {
        setenv("OPENBLAS_NUM_THREADS", "1", 1)
        var blas: Sgemm?
        var blasName = "OpenBLAS (not installed)"
        if let handle = dlopen("libopenblas.so.0", RTLD_NOW | RTLD_LOCAL), let symbol = dlsym(handle, "cblas_sgemm") {
            blas = unsafeBitCast(symbol, to: Sgemm.self)
            if let core = dlsym(handle, "openblas_get_corename") {
                typealias Name = @convention(c) () -> UnsafePointer<CChar>?
                blasName = "OpenBLAS " + (unsafeBitCast(core, to: Name.self)().map { String(cString: $0) } ?? "")
            }
        }
        let before = ck_force_isa(2)
        let levels = (0...before).reversed().map { Int32($0) }
        let names: [Int32: String] = [0: "portable", 1: "avx2", 2: "avx512"]
        print("GEMM GFLOP/s, one thread, median of 7; load average \(loadAverage())")
        print(
            "| shape | " + levels.map { "nbrun \(names[$0]!)" }.joined(separator: " | ") + " | \(blasName) |")
        print("|---|" + String(repeating: "---|", count: levels.count + 1))
        var g = SplitMix(state: 1)
        for (label, ta, tb, m, n, k) in shapes {
            let a = (0..<(m * k)).map { _ in g.nextFloat() }
            let b = (0..<(k * n)).map { _ in g.nextFloat() }
            var c = [Float](repeating: 0, count: m * n)
            let flops = 2.0 * Double(m * n * k)
            let lda = ta ? m : k
            let ldb = tb ? k : n
            var cells: [String] = []
            for level in levels {
                _ = ck_force_isa(level)
                let seconds = time(flops: flops) {
                    ck_gemm(ta ? 1 : 0, tb ? 1 : 0, Int32(m), Int32(n), Int32(k), a, lda, b, ldb, &c, n)
                }
                cells.append(String(format: "%.1f", flops / seconds / 1e9))
            }
            if let blas {
                let seconds = time(flops: flops) {
                    blas(
                        101, ta ? 112 : 111, tb ? 112 : 111, Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b,
                        Int32(ldb), 0, &c, Int32(n))
                }
                cells.append(String(format: "%.1f", flops / seconds / 1e9))
            } else {
                cells.append("-")
            }
            print("| \(label) | " + cells.joined(separator: " | ") + " |")
        }
        _ = ck_force_isa(before)
    }

    /// A tiny generator for the operands (values in [-1, 1)).
    struct SplitMix {
        var state: UInt64
        mutating func nextFloat() -> Float {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Float(z >> 40) / Float(1 << 24) * 2 - 1
        }
    }
}
