import XCTest

@testable import Engine

final class ModelSpecTests: XCTestCase {
    func testBlogModelShapesSummaryAndParameters() throws {
        var g = SeededGenerator(seed: 0)
        let model = try Model(spec: .blogMNIST(dropout: true), generator: &g)
        XCTAssertEqual(
            model.summary,
            [
                SummaryRow(name: "conv2d (Conv2D)", outputShape: "(None, 26, 26, 32)", parameters: 320),
                SummaryRow(name: "max_pooling2d (MaxPooling2D)", outputShape: "(None, 13, 13, 32)", parameters: 0),
                SummaryRow(name: "flatten (Flatten)", outputShape: "(None, 5408)", parameters: 0),
                SummaryRow(name: "dense (Dense)", outputShape: "(None, 128)", parameters: 692_352),
                SummaryRow(name: "dropout (Dropout)", outputShape: "(None, 128)", parameters: 0),
                SummaryRow(name: "dense_1 (Dense)", outputShape: "(None, 10)", parameters: 1_290),
            ])
        XCTAssertEqual(model.parameterCount, 693_962)
        XCTAssertEqual(
            model.parameterNames,
            [
                "conv2d/kernel", "conv2d/bias", "dense/kernel", "dense/bias",
                "dense_1/kernel", "dense_1/bias",
            ])
        XCTAssertEqual(model.parameterShapes, [[3, 3, 1, 32], [32], [5408, 128], [128], [128, 10], [10]])
    }

    /// glorot_uniform: every kernel value in (-l, l), spread over the range (max |w| near l, variance
    /// l^2 / 3 within 5%); biases zero. Limits from the NumPy fixture (docs/keras-semantics.md, "Initial weights").
    func testGlorotUniformLimitsAndZeroBiases() throws {
        var g = SeededGenerator(seed: 3)
        let model = try Model(spec: .blogMNIST(dropout: false), generator: &g)
        let limits = Fixture.named("glorot_limits")
        let p = model.parameters
        for (kernel, limit) in [
            (p[0], limits.float("conv")), (p[2], limits.float("dense1")), (p[4], limits.float("dense2")),
        ] {
            let m = kernel.map(abs).max()!
            XCTAssertLessThan(m, limit)
            XCTAssertGreaterThan(m, limit * 0.97)
            let variance = kernel.reduce(0) { $0 + Double($1 * $1) } / Double(kernel.count)
            XCTAssertEqual(variance, Double(limit * limit) / 3, accuracy: Double(limit * limit) / 3 * 0.05)
        }
        XCTAssertEqual(limits.float("conv"), 0.142134, accuracy: 1e-6)
        for bias in [p[1], p[3], p[5]] { XCTAssert(bias.allSatisfy { $0 == 0 }) }
    }

    func testSameSeedSameWeightsAndParametersRoundTrip() throws {
        var g1 = SeededGenerator(seed: 9)
        var g2 = SeededGenerator(seed: 9)
        let a = try Model(spec: .blogMNIST(dropout: false), generator: &g1)
        let b = try Model(spec: .blogMNIST(dropout: false), generator: &g2)
        XCTAssertEqual(a.parameters, b.parameters)
        var changed = a.parameters
        changed[5][3] = 42
        b.parameters = changed
        XCTAssertEqual(b.parameters[5][3], 42)
    }

    func testShapesOfPaddingAndStrides() throws {
        let spec = ModelSpec(layers: [
            .input(shape: [28, 28, 3]),
            .conv2D(filters: 8, kernelSize: [5], strides: [2], padding: .same, activation: .relu, useBias: true),
            .maxPooling2D(poolSize: [3, 3], strides: [2, 2], padding: .same),
            .averagePooling2D(poolSize: [2, 2], strides: nil, padding: .valid),
            .batchNormalization(momentum: 0.99, epsilon: 0.001),
            .flatten,
            .dense(units: 4, activation: .softmax, useBias: false),
        ])
        XCTAssertEqual(
            try spec.outputShapes(), [[28, 28, 3], [14, 14, 8], [7, 7, 8], [3, 3, 8], [3, 3, 8], [72], [4]])
    }

    /// Whole messages, table-driven.
    func testShapeErrors() {
        let conv = LayerSpec.conv2D(
            filters: 4, kernelSize: [5, 5], strides: [1, 1], padding: .valid, activation: .relu, useBias: true)
        let cases: [([LayerSpec], ShapeError)] = [
            (
                [.flatten],
                ShapeError(
                    layerIndex: 0, message: "the model must start with an Input layer giving the shape of one sample")
            ),
            (
                [.input(shape: [3, 3, 1]), conv],
                ShapeError(layerIndex: 1, message: "kernel 5x5 is larger than its 3x3 input")
            ),
            (
                [.input(shape: [8, 8, 1]), .dense(units: 3, activation: .relu, useBias: true)],
                ShapeError(layerIndex: 1, message: "Dense needs a flat input, got 8x8x1; add Flatten() before it")
            ),
            (
                [.input(shape: [4]), .dropout(rate: 1)],
                ShapeError(layerIndex: 1, message: "Dropout rate must be in [0, 1), got 1.0")
            ),
            (
                [.input(shape: [4]), .maxPooling2D(poolSize: [2, 2], strides: nil, padding: .valid)],
                ShapeError(layerIndex: 1, message: "MaxPooling2D needs an input of height x width x channels, got 4")
            ),
            (
                [.input(shape: [4, 4, 1]), .maxPooling2D(poolSize: [5, 5], strides: nil, padding: .valid)],
                ShapeError(layerIndex: 1, message: "pool 5x5 is larger than its 4x4 input")
            ),
            (
                [.input(shape: [4]), .input(shape: [4])],
                ShapeError(layerIndex: 1, message: "Input may only be the first layer")
            ),
            (
                [.input(shape: [0, 4, 1])],
                ShapeError(layerIndex: 0, message: "input shape 0x4x1 must have positive sizes")
            ),
            (
                [
                    .input(shape: [6, 6, 1]),
                    .conv2D(
                        filters: 0, kernelSize: [3], strides: [1], padding: .valid, activation: .relu, useBias: true),
                ],
                ShapeError(layerIndex: 1, message: "Conv2D needs at least one filter, got 0")
            ),
            (
                [
                    .input(shape: [6, 6, 1]),
                    .conv2D(
                        filters: 2, kernelSize: [3, 3, 3], strides: [1], padding: .valid, activation: .relu,
                        useBias: true),
                ],
                ShapeError(layerIndex: 1, message: "kernel size needs 1 or 2 numbers, got 3")
            ),
        ]
        for (layers, expected) in cases {
            XCTAssertThrowsError(try ModelSpec(layers: layers).outputShapes()) { error in
                XCTAssertEqual(error as? ShapeError, expected)
            }
        }
    }

    func testValidationSplitRowsAsPython() {
        XCTAssertEqual(FitConfig.trainingRows(count: 60_000, validationSplit: 0.2), 48_000)
        XCTAssertEqual(FitConfig.trainingRows(count: 60_000, validationSplit: 0.1), 54_000)
        XCTAssertEqual(FitConfig.trainingRows(count: 10, validationSplit: 0.25), 7)  // floor(7.5)
        XCTAssertEqual(FitConfig.trainingRows(count: 100, validationSplit: 0), 100)
    }
}
