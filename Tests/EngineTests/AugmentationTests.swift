import XCTest

@testable import Engine

/// Augmentation and global pooling against NumPy (scripts/engine/make_keras_fixtures.py): the
/// resampling of Keras 3's rotation, translation and zoom maps for fixed transform parameters, with
/// TensorFlow's fill modes and interpolations; and the layers' training-only, seeded behaviour.
final class AugmentationTests: XCTestCase {
    private let transforms = [
        "rotation_reflect", "rotation_reflect_large", "rotation_constant", "rotation_nearest_interp",
        "translation_reflect", "translation_wrap", "translation_nearest_fill", "zoom_in_reflect", "zoom_out_reflect",
        "zoom_out_constant",
    ]

    func testTransformsMatchNumPy() {
        for name in transforms {
            let c = KerasFixture.named(name)
            let shape = c.ints("shape")
            let (h, w) = (shape[0], shape[1])
            let params = c.floats("params").map(Double.init)
            let m: [Double]
            switch c.string("transform") {
            case "rotation": m = AffineAugmentationLayer.rotation(turns: params[0], height: h, width: w)
            case "translation": m = [1, 0, -params[1] * Double(w), 0, 1, -params[0] * Double(h)]
            default: m = AffineAugmentationLayer.zoom(zy: params[0], zx: params[1], height: h, width: w)
            }
            let matrix = ImageResampler.AffineMap(m)
            let options = ResamplingOptions(
                fillMode: FillMode(rawValue: c.string("fillMode"))!,
                interpolation: Interpolation(rawValue: c.string("interpolation"))!,
                fillValue: Double(c.float("fillValue")))
            let resampler = ImageResampler(height: h, width: w, channels: shape[2], options: options)
            let x = c.floats("x")
            var y = [Float](repeating: .nan, count: x.count)
            var dx = [Float](repeating: .nan, count: x.count)
            let dy = c.floats("dy")
            x.withUnsafeBufferPointer { xp in
                y.withUnsafeMutableBufferPointer { resampler.forward(xp.baseAddress!, $0.baseAddress!, matrix: matrix) }
            }
            dy.withUnsafeBufferPointer { dp in
                dx.withUnsafeMutableBufferPointer {
                    resampler.backward(dp.baseAddress!, $0.baseAddress!, matrix: matrix)
                }
            }
            assertClose(y, c.floats("y"), absolute: 2e-5, relative: 1e-4, "\(name) forward")
            assertClose(dx, c.floats("dx"), absolute: 2e-5, relative: 1e-4, "\(name) backward")
        }
    }

    func testGlobalPoolingMatchesNumPy() {
        for (name, kind) in [("global_average", GlobalPool2DLayer.Kind.average), ("global_max", .max)] {
            let c = KerasFixture.named(name)
            let layer = GlobalPool2DLayer(kind: kind, input: c.ints("input"))
            let r = runLayer(layer, x: c.floats("x"), dy: c.floats("dy"), batch: c.int("batch"))
            assertClose(r.y, c.floats("y"), absolute: 1e-6, relative: 1e-5, "\(name) forward")
            assertClose(r.dx, c.floats("dx"), absolute: 1e-6, relative: 1e-5, "\(name) backward")
        }
    }

    /// The engine's sine and cosine against Foundation's (glibc's, correctly rounded in practice).
    func testSinCos() {
        var worst = 0.0
        for i in -4000...4000 {
            let x = Double(i) * 0.00157079632679 * 1.0001
            let (s, c) = FloatMath.sinCos(x)
            worst = max(worst, abs(s - Foundation.sin(x)), abs(c - Foundation.cos(x)))
        }
        XCTAssertLessThan(worst, 4e-16)
    }

    private static let image = [28, 28, 1]
    private static let layers: [LayerSpec] = [
        .randomFlip(mode: .horizontal),
        .randomFlip(mode: .horizontalAndVertical),
        .randomRotation(factor: FactorRange(symmetric: 0.1), options: .keras),
        .randomTranslation(
            heightFactor: FactorRange(symmetric: 0.1), widthFactor: FactorRange(symmetric: 0.1), options: .keras),
        .randomZoom(heightFactor: FactorRange(symmetric: 0.1), widthFactor: nil, options: .keras),
    ]

    private func pixels(_ batch: Int) -> [Float] {
        var g = SeededGenerator(seed: 7)
        return (0..<(batch * 784)).map { _ in g.nextUniformFloat() }
    }

    private func network(_ layer: LayerSpec) throws -> Network {
        var g = SeededGenerator(seed: 0)
        return try Network(spec: ModelSpec(layers: [.input(shape: Self.image), layer]), generator: &g)
    }

    private func forward(_ layer: LayerSpec, training: Bool, threads: Int, seed: UInt64 = 3) throws -> [Float] {
        let net = try network(layer)
        let batch = 24
        net.reserve(batch: batch)
        let x = pixels(batch)
        net.input.update(from: x, count: x.count)
        let pass = Pass(training: training, threads: threads, generator: SeededGenerator(seed: seed))
        net.forward(batch: batch, pass: pass)
        return Array(UnsafeBufferPointer(start: net.output, count: batch * 784))
    }

    func testIdentityAtInference() throws {
        for layer in Self.layers {
            XCTAssertEqual(try forward(layer, training: false, threads: 2), pixels(24), layer.kerasDescription)
        }
    }

    func testSameSeedSameBitsWhateverTheThreads() throws {
        for layer in Self.layers {
            let one = try forward(layer, training: true, threads: 1)
            XCTAssertEqual(one, try forward(layer, training: true, threads: 2), layer.kerasDescription)
            XCTAssertEqual(one, try forward(layer, training: true, threads: 4), layer.kerasDescription)
            XCTAssertNotEqual(one, pixels(24), "\(layer.kerasDescription) changes the images in training")
            XCTAssertNotEqual(
                one, try forward(layer, training: true, threads: 1, seed: 4), "\(layer.kerasDescription) seed")
        }
    }

    /// About half the samples are flipped, each exactly mirrored; the others untouched.
    func testFlipMirrorsAboutHalf() throws {
        let y = try forward(.randomFlip(mode: .horizontal), training: true, threads: 2)
        let x = pixels(24)
        var flipped = 0
        for i in 0..<24 {
            let a = Array(x[(i * 784)..<((i + 1) * 784)])
            let b = Array(y[(i * 784)..<((i + 1) * 784)])
            let mirrored = (0..<28).flatMap { r in (0..<28).map { c in a[r * 28 + 27 - c] } }
            if b == mirrored {
                flipped += 1
            } else {
                XCTAssertEqual(b, a, "sample \(i) is either mirrored or unchanged")
            }
        }
        XCTAssert((6...18).contains(flipped), "\(flipped) of 24 flipped")
    }

    func testShapesParametersAndSummary() throws {
        let spec = ModelSpec(
            layers: [.input(shape: [28, 28, 1])] + Self.layers
                + [
                    .conv2D(
                        filters: 8, kernelSize: [3, 3], strides: [1, 1], padding: .valid, activation: .relu,
                        useBias: true),
                    .globalMaxPooling2D(keepdims: true), .flatten, .globalAveragePooling2D(keepdims: false),
                ].dropLast() + [.dense(units: 10, activation: .softmax, useBias: true)])
        let sizes = try spec.layerSizes()
        XCTAssertEqual(
            sizes.map(\.outputShape),
            [
                [28, 28, 1], [28, 28, 1], [28, 28, 1], [28, 28, 1], [28, 28, 1], [28, 28, 1], [26, 26, 8], [1, 1, 8],
                [8],
                [10],
            ])
        XCTAssertEqual(sizes.map(\.parameters), [0, 0, 0, 0, 0, 0, 80, 0, 0, 90])
        var g = SeededGenerator(seed: 0)
        let model = try Model(spec: spec, generator: &g)
        XCTAssertEqual(
            model.summary.map(\.name).prefix(6),
            [
                "random_flip (RandomFlip)", "random_flip_1 (RandomFlip)", "random_rotation (RandomRotation)",
                "random_translation (RandomTranslation)", "random_zoom (RandomZoom)", "conv2d (Conv2D)",
            ])
        XCTAssertThrowsError(
            try ModelSpec(layers: [.input(shape: [784]), .randomFlip(mode: .vertical)]).outputShapes())
        XCTAssertThrowsError(
            try ModelSpec(layers: [
                .input(shape: [8, 8, 1]),
                .randomZoom(heightFactor: FactorRange(lower: -1.5, upper: 0), widthFactor: nil, options: .keras),
            ]).outputShapes())
    }

    /// Training with augmentation runs, learns and is reproducible.
    func testFitWithAugmentationIsDeterministic() throws {
        let spec = ModelSpec(layers: [
            .input(shape: [8, 8, 1]), .randomFlip(mode: .horizontal),
            .randomRotation(factor: FactorRange(symmetric: 0.05), options: .keras),
            .conv2D(
                filters: 4, kernelSize: [3, 3], strides: [1, 1], padding: .valid, activation: .relu, useBias: true),
            .globalAveragePooling2D(keepdims: false), .dense(units: 2, activation: .softmax, useBias: true),
        ])
        var data = SeededGenerator(seed: 11)
        let features = (0..<(64 * 64)).map { _ in data.nextUniformFloat() }
        let labels = (0..<64).map { Int32($0 % 2) }
        func run(threads: Int) throws -> (History, [[Float]]) {
            var g = SeededGenerator(seed: 5)
            let model = try Model(spec: spec, generator: &g)
            let history = try model.fit(
                Samples(shape: [8, 8, 1], features: features, labels: labels),
                config: FitConfig(epochs: 2, batchSize: 16, validationSplit: 0.25, threads: threads), generator: &g)
            return (history, model.parameters)
        }
        let a = try run(threads: 1)
        let b = try run(threads: 2)
        XCTAssertEqual(a.0.loss, b.0.loss)
        XCTAssertEqual(a.1, b.1)
        XCTAssert(a.0.loss.allSatisfy(\.isFinite))
    }
}
