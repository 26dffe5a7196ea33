import Engine
import Foundation

/// A training state saved after every epoch in the ``CheckpointFolder``: a train's or sweep
/// point's ``FitCheckpoint`` (`<key>.fit`), a prune level's ``PrunedFitCheckpoint`` (`<key>.prune`).
protocol CheckpointPayload {
    /// The file's first line up to its digest: `nbrun-fit-checkpoint/1 sha256=`.
    static var header: String { get }
    /// The file name's extension.
    static var fileExtension: String { get }
    /// What the warnings call it: `training checkpoint`.
    static var name: String { get }
    /// Epochs finished and saved.
    var epoch: Int { get }
    /// The history of those epochs.
    var history: History { get }
    func encoded() -> Data
    init(decoding data: Data) throws
}

extension FitCheckpoint: CheckpointPayload {
    static var header: String { "nbrun-fit-checkpoint/1 sha256=" }
    static var fileExtension: String { "fit" }
    static var name: String { "training checkpoint" }
}

extension PrunedFitCheckpoint: CheckpointPayload {
    static var header: String { "nbrun-prune-checkpoint/1 sha256=" }
    static var fileExtension: String { "prune" }
    static var name: String { "fine-tuning checkpoint" }
}

/// Every kind of checkpoint a unit may leave (removed together once its entry is written).
let checkpointKinds: [any CheckpointPayload.Type] = [FitCheckpoint.self, PrunedFitCheckpoint.self]
