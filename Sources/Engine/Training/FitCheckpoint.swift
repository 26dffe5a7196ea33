import Foundation

/// Everything a `fit` needs to continue after a finished epoch and end with the same bits as a run
/// that was never stopped: the weights (BatchNormalization's moving statistics included), the
/// optimizer's moments and step count, the generator's state, the row order the next shuffle
/// permutes (Fisher-Yates shuffles the previous epoch's order in place), and the history so far.
///
/// `encoded()` is a little-endian binary form (magic `NBRUNFIT`, version 1); `init(decoding:)`
/// reads it back and throws on anything else. Integrity (a digest of the bytes) is the caller's:
/// the engine only checks that a checkpoint fits the model and data (``Model/checkResumable(_:data:config:)``).
public struct FitCheckpoint: Equatable, Sendable {
    /// Epochs finished (1-based count); the resumed fit starts with epoch `epoch + 1`.
    public var epoch: Int
    public var history: History
    /// The generator's state after the last finished epoch.
    public var generator: SeededGenerator
    /// The training rows' order after the last finished epoch's shuffle.
    public var order: [Int32]
    /// Every weight tensor in ``Model/parameters`` order.
    public var weights: [[Float]]
    /// Optimizer updates applied so far (Adam's bias correction uses it).
    public var optimizerSteps: Int
    /// The optimizer's first and second moments (momentum; Adam m, v; RMSprop v), one per trainable tensor.
    public var firstMoments: [[Float]]
    public var secondMoments: [[Float]]

    public init(
        epoch: Int, history: History, generator: SeededGenerator, order: [Int32], weights: [[Float]],
        optimizerSteps: Int, firstMoments: [[Float]], secondMoments: [[Float]]
    ) {
        self.epoch = epoch
        self.history = history
        self.generator = generator
        self.order = order
        self.weights = weights
        self.optimizerSteps = optimizerSteps
        self.firstMoments = firstMoments
        self.secondMoments = secondMoments
    }

    /// Equal fields, the generator compared by its state.
    public static func == (a: FitCheckpoint, b: FitCheckpoint) -> Bool {
        a.epoch == b.epoch && a.history == b.history && a.generator.state == b.generator.state && a.order == b.order
            && a.weights == b.weights && a.optimizerSteps == b.optimizerSteps && a.firstMoments == b.firstMoments
            && a.secondMoments == b.secondMoments
    }

    static let magic = Array("NBRUNFIT".utf8)
    static let version: UInt32 = 1

    /// The checkpoint as bytes (see the type's description).
    public func encoded() -> Data {
        var out = Data(Self.magic)
        func put<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
        }
        func put(_ tensors: [[Float]]) {
            put(UInt64(tensors.count))
            for tensor in tensors {
                put(UInt64(tensor.count))
                tensor.map(\.bitPattern.littleEndian).withUnsafeBytes { out.append(contentsOf: $0) }
            }
        }
        put(Self.version)
        put(UInt64(epoch))
        put(generator.state)
        put(UInt64(optimizerSteps))
        put(UInt64(order.count))
        for row in order { put(UInt32(bitPattern: row)) }
        put(weights)
        put(firstMoments)
        put(secondMoments)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let historyBytes = (try? encoder.encode(history)) ?? Data()
        put(UInt64(historyBytes.count))
        out.append(historyBytes)
        return out
    }

    /// Reads `encoded()` bytes; throws `TrainingError` on bytes of another kind, version or length.
    public init(decoding data: Data) throws {
        var reader = CheckpointReader(bytes: [UInt8](data), kind: "fit checkpoint")
        guard reader.take(Self.magic.count) == Self.magic else { throw TrainingError("not an nbrun fit checkpoint") }
        let version: UInt32 = try reader.integer()
        guard version == Self.version else { throw TrainingError("fit checkpoint version \(version) is not supported") }
        epoch = try reader.count()
        generator = SeededGenerator(seed: try reader.integer())
        optimizerSteps = try reader.count()
        let rows = try reader.count(elementSize: 4)
        order = try (0..<rows).map { _ in Int32(bitPattern: try reader.integer()) }
        weights = try reader.tensors()
        firstMoments = try reader.tensors()
        secondMoments = try reader.tensors()
        let length = try reader.count(elementSize: 1)
        guard let historyBytes = reader.take(length), reader.isAtEnd,
            let history = try? JSONDecoder().decode(History.self, from: Data(historyBytes))
        else { throw TrainingError("the fit checkpoint is truncated or malformed") }
        self.history = history
    }
}
