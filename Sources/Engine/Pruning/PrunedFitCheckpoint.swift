import Foundation

/// Everything a pruned fine-tuning (``Model/fitPruned(_:config:masks:schedule:scope:generator:resumingFrom:checkpoint:progress:)``)
/// needs to continue after a finished epoch with the same bits: the fit's own ``FitCheckpoint``
/// (weights with the pruned ones at +0, optimizer state, generator, row order, history) and the
/// masks in force after that epoch. A gradual schedule's state is its step count, which the fit
/// derives from the epoch; its masks change only at the schedule's steps, so the last ones are saved.
///
/// `encoded()` is a little-endian binary form: the magic `NBRUNPRN`, version 1, the number of
/// tensors, per tensor a byte (0: not pruned; 1: masked) and for a masked one its length and its
/// keep bits packed eight to a byte (least significant bit first), then the length and bytes of the
/// ``FitCheckpoint``. `init(decoding:)` reads it back and throws on anything else; integrity (a
/// digest) is the caller's, as for ``FitCheckpoint``.
public struct PrunedFitCheckpoint: Equatable, Sendable {
    public var fit: FitCheckpoint
    /// The masks after the last finished epoch.
    public var masks: PruningMasks

    public init(fit: FitCheckpoint, masks: PruningMasks) {
        self.fit = fit
        self.masks = masks
    }

    /// Epochs finished; the resumed fine-tuning starts with epoch `epoch + 1`.
    public var epoch: Int { fit.epoch }
    /// The fine-tuning's history so far.
    public var history: History { fit.history }

    static let magic = Array("NBRUNPRN".utf8)
    static let version: UInt32 = 1

    /// The checkpoint as bytes (see the type's description).
    public func encoded() -> Data {
        var out = Data(Self.magic)
        func put<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
        }
        put(Self.version)
        put(UInt64(masks.masks.count))
        for mask in masks.masks {
            guard let mask else {
                put(UInt8(0))
                continue
            }
            put(UInt8(1))
            put(UInt64(mask.count))
            var packed = [UInt8](repeating: 0, count: (mask.count + 7) / 8)
            for (i, keep) in mask.enumerated() where keep { packed[i / 8] |= 1 << (i % 8) }
            out.append(contentsOf: packed)
        }
        let fitBytes = fit.encoded()
        put(UInt64(fitBytes.count))
        out.append(fitBytes)
        return out
    }

    /// Reads `encoded()` bytes; throws `TrainingError` on bytes of another kind, version or length.
    public init(decoding data: Data) throws {
        var reader = CheckpointReader(bytes: [UInt8](data), kind: "pruning checkpoint")
        guard reader.take(Self.magic.count) == Self.magic else {
            throw TrainingError("not an nbrun pruning checkpoint")
        }
        let version: UInt32 = try reader.integer()
        guard version == Self.version else {
            throw TrainingError("pruning checkpoint version \(version) is not supported")
        }
        let tensors = try reader.count(elementSize: 1)
        var masks: [[Bool]?] = []
        for _ in 0..<tensors {
            let flag: UInt8 = try reader.integer()
            switch flag {
            case 0:
                masks.append(nil)
            case 1:
                let count = try reader.count()
                guard let packed = reader.take((count + 7) / 8) else {
                    throw TrainingError("the pruning checkpoint is truncated")
                }
                masks.append((0..<count).map { packed[$0 / 8] & (1 << ($0 % 8)) != 0 })
            default:
                throw TrainingError("the pruning checkpoint is malformed")
            }
        }
        let length = try reader.count(elementSize: 1)
        guard let fitBytes = reader.take(length), reader.isAtEnd else {
            throw TrainingError("the pruning checkpoint is truncated or malformed")
        }
        fit = try FitCheckpoint(decoding: Data(fitBytes))
        self.masks = PruningMasks(masks: masks)
    }
}
