import Engine
import Foundation
import NotebookFormat

/// An estimate of the memory one `train` needs, compared with the machine's memory before anything trains.
///
/// Bytes (float32, 4 bytes a number), with P parameters, A activation elements per sample (every
/// layer's output, the input included), B the effective batch and slots the optimizer's state per
/// parameter (Adam 2 moments, RMSprop 1 mean square plus 1 momentum, SGD 1 momentum):
///
///     4 · P · (2 + slots)          weights, gradients, optimizer state
///   + 4 · 2 · B · A                forward values and their gradients for one batch
///   + 4 · rows · (in + out)        the data set and the evaluation's predictions
///
/// B is min(batch_size, training rows): a batch larger than the data is Keras' full-batch
/// training. It is an estimate (the engine's scratch buffers are not counted), made to refuse
/// what cannot fit, not to promise what does.
struct TrainingMemory {
    let parameters: Int
    let activationsPerSample: Int
    let inputElements: Int
    let outputElements: Int
    let optimizer: OptimizerName

    init(sizes: [ModelSpec.LayerSize], optimizer: OptimizerName) {
        parameters = sizes.reduce(0) { $0 &+ $1.parameters }
        activationsPerSample = sizes.reduce(0) { $0 &+ $1.outputElements }
        inputElements = sizes.first?.outputElements ?? 0
        outputElements = sizes.last?.outputElements ?? 0
        self.optimizer = optimizer
    }

    var optimizerSlots: Double {
        switch optimizer {
        case .adam: return 2
        case .rmsprop: return 2
        case .adamw: return 2
        case .sgd: return 1
        }
    }

    /// Estimated bytes at an effective batch of `batch` with `rows` samples held (0 when unknown).
    /// Computed in Double, so no size overflows.
    func bytes(batch: Int, rows: Int) -> Double {
        let p = Double(parameters)
        let fixed = 4 * p * (2 + optimizerSlots)
        let activations = 4 * 2 * Double(batch) * Double(activationsPerSample)
        let data = 4 * Double(rows) * Double(inputElements + outputElements)
        return fixed + activations + data
    }

    /// `41 GB`, `512 MB` (decimal units, two significant digits at most).
    static func format(_ bytes: Double) -> String {
        let units: [(Double, String)] = [(1e15, "PB"), (1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "kB")]
        for (size, name) in units where bytes >= size {
            let value = bytes / size
            return value >= 10 ? "\(Int(value.rounded())) \(name)" : String(format: "%.1f %@", value, name)
        }
        return "\(Int(bytes)) bytes"
    }
}

/// The memory of this machine that a run may plan to use.
enum MachineMemory {
    /// `MemTotal` from /proc/meminfo, in bytes (`NBRUN_MEMORY_BYTES` overrides it); nil when unknown.
    ///
    /// Total rather than available memory: the verdict on the same notebook must not depend on
    /// what else happens to run at that moment, and a training that needs more than the whole
    /// machine can never succeed.
    static var bytes: Double? {
        if let text = ProcessInfo.processInfo.environment["NBRUN_MEMORY_BYTES"], let value = Double(text), value > 0 {
            return value
        }
        guard let info = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return nil }
        for line in info.split(separator: "\n") where line.hasPrefix("MemTotal:") {
            let fields = line.split(separator: " ")
            if fields.count >= 2, let kilobytes = Double(fields[1]) { return kilobytes * 1024 }
        }
        return nil
    }
}
