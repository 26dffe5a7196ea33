/// A model description that cannot be built, with the index of the offending layer (0 = input)
/// and a user-facing message such as "kernel 5x5 is larger than its 3x3 input".
public struct ShapeError: Error, Equatable, Sendable, CustomStringConvertible {
    public let layerIndex: Int
    public let message: String
    public init(layerIndex: Int, message: String) {
        self.layerIndex = layerIndex
        self.message = message
    }
    public var description: String { "layer \(layerIndex): \(message)" }
}
