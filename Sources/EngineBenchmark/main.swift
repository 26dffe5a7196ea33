// nbrun-bench: trains the blog's MNIST model (docs/keras-semantics.md, "The blog's experiment") with the
// Engine on the real MNIST and reports seconds per epoch, GFLOP/s per kernel and overall, and peak memory.
// Data: the real MNIST through the Datasets module (the data folder scripts/setup.sh fills; --data DIR
// overrides it, like NBRUN_DATA).
// Usage: nbrun-bench [--epochs N] [--dropout] [--seed S] [--threads T] [--data DIR] [--json PATH]
//                    [--profile-only] [--steps N (whole-step timings, default 200)] [--warmup N (default 300)]
//                    [--gemm (GEMM GFLOP/s per kernel variant and OpenBLAS on the blog model's shapes, then exit)]
//                    [--augmentation (each augmentation layer's cost per epoch against the training step, then exit)]
// On a loaded machine prefer --profile-only: per-kernel medians and whole-step times projected to an epoch.
import Datasets
import Engine
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

struct Options {
    var epochs = 1, seed: UInt64 = 0, threads = ProcessInfo.processInfo.activeProcessorCount
    var dropout = false, profileOnly = false, gemm = false, augmentation = false, data: String?, json: String?,
        steps = 200, warmup = 300
    static let usage = """
        usage: nbrun-bench [--epochs N] [--dropout] [--seed S] [--threads T] [--data DIR] [--json PATH]
                           [--profile-only] [--steps N] [--warmup N] [--gemm] [--augmentation]
        """

    init(_ args: [String]) {
        var i = 1
        func fail(_ message: String) -> Never {
            FileHandle.standardError.write(Data("nbrun-bench: \(message)\n\(Options.usage)\n".utf8))
            exit(2)
        }
        func value() -> String {
            i += 1
            guard i < args.count else { fail("missing value for \(args[i - 1])") }
            return args[i]
        }
        func number<T: LosslessStringConvertible>(_ name: String) -> T {
            let text = value()
            guard let parsed = T(text) else { fail("\(name) expects a number, got '\(text)'") }
            return parsed
        }
        while i < args.count {
            switch args[i] {
            case "--epochs": epochs = number("--epochs")
            case "--seed": seed = number("--seed")
            case "--threads": threads = number("--threads")
            case "--data": data = value()
            case "--json": json = value()
            case "--dropout": dropout = true
            case "--profile-only": profileOnly = true
            case "--gemm": gemm = true
            case "--augmentation": augmentation = true
            case "--steps": steps = number("--steps")
            case "--warmup": warmup = number("--warmup")
            case "-h", "--help":
                print(Options.usage)
                exit(0)
            default: fail("unknown argument \(args[i])")
            }
            i += 1
        }
    }
}

/// The real MNIST (train, test) as the engine's samples, pixels scaled by 1/255.
func loadMNIST(dataDirectory: String?) -> (Samples, Samples) {
    do {
        let dataset = try DatasetLoader(dataDirectory: DataDirectory.resolve(override: dataDirectory)).load(.mnist)
        func samples(_ images: ImageSet) -> Samples {
            Samples(
                shape: [images.height, images.width, images.channels], features: images.features(scale: 255),
                labels: images.labels.map { Int32($0) })
        }
        return (samples(dataset.train), samples(dataset.test))
    } catch {
        FileHandle.standardError.write(Data("nbrun-bench: \(error)\n".utf8))
        exit(1)
    }
}

func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024  // KiB on Linux
}

/// The system's 1-minute load average (other processes compete for the cores).
func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
}

func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    return s.isEmpty ? .nan : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Keras' fastest CPU backend on this machine (docs/keras-semantics.md, "Keras' own speed and results
/// here"): JAX, 13.5 s per epoch.
let kerasSecondsPerEpoch = 13.5
let options = Options(CommandLine.arguments)
print(
    "engine: \(EngineInfo.mathLibrary) on \(EngineInfo.cpuModel), \(options.threads) threads, numerics v\(EngineInfo.numericsVersion), load average \(loadAverage())"
)
if options.gemm {
    GEMMBenchmark.run()
    exit(0)
}
let (train, test) = loadMNIST(dataDirectory: options.data)
let spec = ModelSpec.blogMNIST(dropout: options.dropout)
if options.augmentation {
    try AugmentationBenchmark.run(train: train, threads: options.threads, steps: options.steps)
    exit(0)
}

// Kernel profile and whole-step timings on a model warmed up by `warmup` training steps, with a
// real batch: the relu outputs' sparsity (which the dense layer exploits) is then realistic.
var probeGenerator = SeededGenerator(seed: options.seed)
let probe = try Model(spec: spec, generator: &probeGenerator)
if options.warmup > 0 {
    _ = try probe.fit(
        train.slice(0..<min(train.count, options.warmup * 32)),
        config: FitConfig(epochs: 1, batchSize: 32, threads: options.threads), generator: &probeGenerator)
}
let batch = Array(train.features[0..<(32 * train.sampleSize)])
print("kernels (batch 32, median of 30, after \(options.warmup) warm-up steps):")
let timings = probe.profile(batchSize: 32, threads: options.threads, inputs: batch)
var stepSeconds = 0.0
var forwardSeconds = 0.0
for t in timings {
    stepSeconds += t.seconds
    if t.name.hasSuffix("forward") { forwardSeconds += t.seconds }
    let rate = t.flops > 0 ? String(format: "%7.1f GFLOP/s", t.gflops) : "               "
    print(String(format: "  %-28@ %8.1f us %@", t.name as NSString, t.seconds * 1e6, rate))
}
let stepFlops = probe.trainingFlops(batch: 32)
print(
    String(
        format: "  sum of kernels %.3f ms per step (%.1f GFLOP/s) -> %.2f s per 1,500 steps",
        stepSeconds * 1e3, stepFlops / stepSeconds / 1e9, stepSeconds * 1500))
if options.steps > 0 {
    let times = probe.timeTrainingSteps(batchSize: 32, threads: options.threads, steps: options.steps, inputs: batch)
    let mid = median(times)
    let fast = times.min() ?? .nan
    // An epoch: 1,500 training steps and 375 validation batches (forward only).
    let epochMedian = 1500 * mid + 375 * forwardSeconds
    let epochFast = 1500 * fast + 375 * forwardSeconds
    print(
        String(
            format: "whole training steps (%d): median %.3f ms (%.1f GFLOP/s), min %.3f ms; load average %@",
            times.count, mid * 1e3, stepFlops / mid / 1e9, fast * 1e3, loadAverage()))
    print(
        String(
            format:
                "projected seconds per epoch: %.2f from the median step (%.1fx Keras/JAX's %.1f s), %.2f from the fastest (%.1fx)",
            epochMedian, kerasSecondsPerEpoch / epochMedian, kerasSecondsPerEpoch, epochFast,
            kerasSecondsPerEpoch / epochFast))
}
if options.profileOnly { exit(0) }

var generator = SeededGenerator(seed: options.seed)
let model = try Model(spec: spec, generator: &generator)
for row in model.summary {
    print(String(format: "  %-30@ %-20@ %9d", row.name as NSString, row.outputShape as NSString, row.parameters))
}
let config = FitConfig(
    optimizer: .kerasAdam, loss: .sparseCategoricalCrossentropy, epochs: options.epochs,
    batchSize: 32, validationSplit: 0.2, shuffle: true, threads: options.threads)
let history = try model.fit(train, config: config, generator: &generator) { event in
    if case .epochEnded(let epoch, let r) = event {
        print(
            String(
                format: "epoch %2d/%d  loss %.4f  accuracy %.4f  val_loss %.4f  val_accuracy %.4f  %.2f s  (load %@)",
                epoch, options.epochs, r.loss, r.accuracy, r.valLoss ?? .nan, r.valAccuracy ?? .nan, r.seconds,
                loadAverage()))
        fflush(stdout)
    }
}
let evaluation = model.evaluate(test)
let seconds = history.epochs.map(\.seconds)
let perEpoch = median(seconds)
let flopsPerEpoch = model.trainingFlops(batch: 48_000) + model.inferenceFlops(batch: 12_000)
let minIndex = history.valLoss.indices.min { history.valLoss[$0] < history.valLoss[$1] } ?? 0
print(
    String(
        format:
            "seconds per epoch: median %.2f, min %.2f (%.1fx Keras/JAX's %.1f s); overall %.1f GFLOP/s (nominal dense FLOPs); peak memory %.0f MiB",
        perEpoch, seconds.min() ?? 0, kerasSecondsPerEpoch / perEpoch, kerasSecondsPerEpoch,
        flopsPerEpoch / perEpoch / 1e9, peakMemoryMiB()))
print(
    String(
        format:
            "final accuracy %.4f  val_accuracy %.4f  min val_loss %.4f (epoch %d)  final val_loss %.4f  test accuracy %.4f  test loss %.4f",
        history.accuracy.last ?? .nan, history.valAccuracy.last ?? .nan, history.valLoss[minIndex], minIndex + 1,
        history.valLoss.last ?? .nan, evaluation.accuracy, evaluation.loss))
if let path = options.json {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(history).write(to: URL(fileURLWithPath: path))
}
