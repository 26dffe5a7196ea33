extension Model {
    /// One Dropout layer's masks as the step-parity harness replays them (docs/keras-parity.md).
    public struct DropoutMask: Sendable {
        /// The layer's per-sample input shape (HWC, as Keras'), e.g. [128].
        public let shape: [Int]
        /// The layer's rate: the probability of dropping an element.
        public let rate: Float
        /// `batch × shape` flags, sample-major: 1 where the element was kept (and scaled by
        /// 1 / (1 - rate)), 0 where it was dropped.
        public let keep: [UInt8]
    }

    /// The masks every Dropout layer drew on the last training forward pass of `batch` samples, in
    /// layer order. Read inside `fit`'s `onStep` they are that step's masks: the model draws new
    /// ones on the next step's forward pass. A layer that did not drop (rate 0) reports all ones.
    public func dropoutMasks(batch: Int) -> [DropoutMask] {
        network.layers.enumerated().compactMap { index, layer in
            guard let dropout = layer as? DropoutLayer else { return nil }
            return DropoutMask(shape: shapes[index], rate: dropout.rate, keep: dropout.keepFlags(batch: batch))
        }
    }
}
