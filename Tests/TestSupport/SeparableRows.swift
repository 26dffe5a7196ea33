import Engine

/// Learnable synthetic rows for training tests, drawn from one seeded generator: each row's label
/// is uniform over `classes`, and every feature j is uniform on [0, 1) plus 0.8 where
/// j mod `classes` is the label.
public enum SeparableRows {
    public static func samples(_ count: Int, shape: [Int], classes: Int, seed: UInt64) -> Samples {
        var g = SeededGenerator(seed: seed)
        let n = shape.reduce(1, *)
        var features = [Float]()
        var labels = [Int32]()
        for _ in 0..<count {
            let label = g.nextInt(below: classes)
            labels.append(Int32(label))
            for j in 0..<n { features.append(g.nextUniformFloat(in: 0, 1) + (j % classes == label ? 0.8 : 0)) }
        }
        return Samples(shape: shape, features: features, labels: labels)
    }

    /// A small dense classifier for 12-feature, 3-class rows, with dropout (so fits use the generator).
    public static let classifier = ModelSpec(layers: [
        .input(shape: [12]),
        .dense(units: 16, activation: .relu, useBias: true),
        .dropout(rate: 0.2),
        .dense(units: 3, activation: .softmax, useBias: true),
    ])
}
