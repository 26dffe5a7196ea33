/// A result that the cache keeps: JSON for the numbers, raw float32 for its weight tensors.
protocol CachedOutcome: Codable {
    /// The JSON file of the entry (`training.json`).
    static var fileName: String { get }
    /// Whether the entry also holds weight tensors (`weights.bin`, `weights.json`).
    static var hasTensors: Bool { get }
    /// The weight tensors (kept out of the JSON); empty for outcomes without any.
    var tensors: [[Float]] { get set }
}

extension CachedOutcome {
    static var hasTensors: Bool { false }
    var tensors: [[Float]] {
        get { [] }
        set {}
    }
}
