/// A labelled data set in memory: `count` samples of `shape` (HWC, e.g. [28, 28, 1]), features
/// row-major (sample after sample), labels as class indices.
public struct Samples: Sendable {
    public let shape: [Int]
    public let features: [Float]
    public let labels: [Int32]
    public var count: Int { labels.count }

    public init(shape: [Int], features: [Float], labels: [Int32]) {
        precondition(
            features.count == shape.reduce(1, *) * labels.count,
            "features must hold shape x labels.count values")
        self.shape = shape
        self.features = features
        self.labels = labels
    }

    /// Values per sample.
    public var sampleSize: Int { shape.reduce(1, *) }

    /// Rows `range` as a new set.
    public func slice(_ range: Range<Int>) -> Samples {
        let n = sampleSize
        return Samples(
            shape: shape, features: Array(features[range.lowerBound * n..<range.upperBound * n]),
            labels: Array(labels[range]))
    }
}
