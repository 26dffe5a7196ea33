// nbrun-bench: trains the blog's MNIST model (reference-facts section 1) with the Engine on the real
// MNIST and reports seconds per epoch, GFLOP/s per kernel and overall, and peak memory.
// Data: raw bytes written by scripts/engine/mnist_to_raw.py (default /tmp/mnist-raw).
// Usage: nbrun-bench [--epochs N] [--dropout] [--seed S] [--threads T] [--data DIR] [--profile-only]
import Engine
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct Options {
    var epochs = 1, seed: UInt64 = 0, threads = ProcessInfo.processInfo.activeProcessorCount
    var dropout = false, profileOnly = false, data = "/tmp/mnist-raw", json: String?, steps = 0
    init(_ args: [String]) {
        var i = 1
        func value() -> String { i += 1; guard i < args.count else { fatalError("missing value for \(args[i - 1])") }; return args[i] }
        while i < args.count {
            switch args[i] {
            case "--epochs": epochs = Int(value())!
            case "--seed": seed = UInt64(value())!
            case "--threads": threads = Int(value())!
            case "--data": data = value()
            case "--json": json = value()
            case "--dropout": dropout = true
            case "--profile-only": profileOnly = true
            case "--steps": steps = Int(value())!
            default: fatalError("unknown argument \(args[i])")
            }
            i += 1
        }
    }
}

func load(_ dir: String, _ prefix: String) throws -> Samples {
    let images = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(prefix)-images.u8"))
    let labels = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(prefix)-labels.u8"))
    precondition(images.count == labels.count * 784, "bad MNIST files in \(dir)")
    return Samples(shape: [28, 28, 1], features: images.map { Float($0) / 255 }, labels: labels.map { Int32($0) })
}

func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024  // KiB on Linux
}

let options = Options(CommandLine.arguments)
print("engine: \(EngineInfo.mathLibrary) on \(EngineInfo.cpuModel), \(options.threads) threads, numerics v\(EngineInfo.numericsVersion)")
var generator = SeededGenerator(seed: options.seed)
let model = try Model(spec: .blogMNIST(dropout: options.dropout), generator: &generator)
for row in model.summary { print(String(format: "  %-30@ %-20@ %9d", row.name as NSString, row.outputShape as NSString, row.parameters)) }

print("kernels (batch 32, median):")
let timings = model.profile(batchSize: 32, threads: options.threads)
var stepSeconds = 0.0
for t in timings {
    stepSeconds += t.seconds
    let rate = t.flops > 0 ? String(format: "%7.1f GFLOP/s", t.gflops) : "               "
    print(String(format: "  %-28@ %8.1f us %@", t.name as NSString, t.seconds * 1e6, rate))
}
print(String(format: "  sum of kernels %.3f ms per step -> %.2f s per 1,500 steps", stepSeconds * 1e3, stepSeconds * 1500))
if options.steps > 0 {
    let times = model.timeTrainingSteps(batchSize: 32, threads: options.threads, steps: options.steps).sorted()
    print(String(format: "whole training steps (%d): median %.3f ms, min %.3f ms, p10 %.3f ms", times.count,
                 times[times.count / 2] * 1e3, times[0] * 1e3, times[times.count / 10] * 1e3))
}
if options.profileOnly { exit(0) }

let train = try load(options.data, "train"), test = try load(options.data, "test")
let config = FitConfig(optimizer: .kerasAdam, loss: .sparseCategoricalCrossentropy, epochs: options.epochs,
                       batchSize: 32, validationSplit: 0.2, shuffle: true, threads: options.threads)
let history = try model.fit(train, config: config, generator: &generator) { event in
    if case let .epochEnded(epoch, r) = event {
        print(String(format: "epoch %2d/%d  loss %.4f  accuracy %.4f  val_loss %.4f  val_accuracy %.4f  %.2f s",
                     epoch, options.epochs, r.loss, r.accuracy, r.valLoss ?? .nan, r.valAccuracy ?? .nan, r.seconds))
        fflush(stdout)
    }
}
let evaluation = model.evaluate(test)
let seconds = history.epochs.map(\.seconds)
let perEpoch = seconds.reduce(0, +) / Double(max(seconds.count, 1))
let flopsPerEpoch = model.trainingFlops(batch: 48_000) + model.inferenceFlops(batch: 12_000)
let minIndex = history.valLoss.indices.min { history.valLoss[$0] < history.valLoss[$1] } ?? 0
print(String(format: "seconds per epoch %.2f (min %.2f), overall %.1f GFLOP/s, peak memory %.0f MiB",
             perEpoch, seconds.min() ?? 0, flopsPerEpoch / perEpoch / 1e9, peakMemoryMiB()))
print(String(format: "final accuracy %.4f  val_accuracy %.4f  min val_loss %.4f (epoch %d)  final val_loss %.4f  test accuracy %.4f  test loss %.4f",
             history.accuracy.last ?? .nan, history.valAccuracy.last ?? .nan, history.valLoss[minIndex], minIndex + 1,
             history.valLoss.last ?? .nan, evaluation.accuracy, evaluation.loss))
if let path = options.json {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(history).write(to: URL(fileURLWithPath: path))
}
