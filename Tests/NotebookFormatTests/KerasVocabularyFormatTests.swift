import Foundation
import XCTest

@testable import NotebookFormat

/// Kernel regularisers, augmentation and global pooling layers, AdamW and learning-rate schedules
/// written as Keras code: what they parse to, and the diagnostics for bad arguments.
final class KerasVocabularyFormatTests: XCTestCase {
    static let notebook = """
        ---
        title: Keras
        ---

        ```{dataset} mnist
        source: mnist
        ```

        ```{model} m
        keras.Input(shape=(28, 28, 1))
        layers.RandomFlip("horizontal")
        layers.RandomRotation(0.1)
        layers.RandomTranslation(0.1, (-0.2, 0.05), fill_mode="constant", fill_value=0.5)
        layers.RandomZoom(height_factor=(-0.1, 0.2), interpolation="nearest")
        layers.Conv2D(8, 3, activation="relu", kernel_regularizer=keras.regularizers.l2(1e-4))
        layers.GlobalAveragePooling2D()
        layers.Dense(16, activation="relu", kernel_regularizer="l1_l2")
        layers.Dense(10, activation="softmax", kernel_regularizer=regularizers.L1L2(l2=0.001))
        ```

        ```{train} m
        data: mnist
        optimizer:
          name: adamw
          weight_decay: 0.01
          learning_rate: keras.optimizers.schedules.CosineDecay(1e-3, decay_steps=1000, warmup_target=2e-3, warmup_steps=100)
        loss: sparse_categorical_crossentropy
        epochs: 2
        ```

        """

    func testKerasCodeParses() throws {
        let nb = try XCTUnwrap(parseOK(Self.notebook))
        guard case .model(let m)? = nb.directive("m", kind: .model)?.payload else { return XCTFail("model") }
        XCTAssertEqual(
            m.specs,
            [
                .input(shape: [28, 28, 1]),
                .randomFlip(mode: .horizontal),
                .randomRotation(factor: FactorRange(lower: -0.1, upper: 0.1), options: .keras),
                .randomTranslation(
                    heightFactor: FactorRange(lower: -0.1, upper: 0.1),
                    widthFactor: FactorRange(lower: -0.2, upper: 0.05),
                    options: ResamplingOptions(fillMode: .constant, interpolation: .bilinear, fillValue: 0.5)),
                .randomZoom(
                    heightFactor: FactorRange(lower: -0.1, upper: 0.2), widthFactor: nil,
                    options: ResamplingOptions(fillMode: .reflect, interpolation: .nearest, fillValue: 0)),
                .conv2D(
                    filters: 8, kernelSize: [3, 3], strides: [1, 1], padding: .valid, activation: .relu, useBias: true,
                    kernelRegularizer: .l2(1e-4)),
                .globalAveragePooling2D(keepdims: false),
                .dense(units: 16, activation: .relu, useBias: true, kernelRegularizer: .l1l2(l1: 0.01, l2: 0.01)),
                .dense(units: 10, activation: .softmax, useBias: true, kernelRegularizer: .l1l2(l1: 0, l2: 0.001)),
            ])
        guard case .train(let t)? = nb.directive("m", kind: .train)?.payload else { return XCTFail("train") }
        XCTAssertEqual(t.optimizer.name, .adamw)
        XCTAssertEqual(t.optimizer.weightDecay, 0.01)
        XCTAssertNil(t.optimizer.learningRate)
        XCTAssertEqual(
            t.optimizer.schedule,
            .cosineDecay(initial: 1e-3, decaySteps: 1000, alpha: 0, warmupTarget: 2e-3, warmupSteps: 100))
    }

    func testOtherSchedulesAndDefaults() throws {
        let nb = try XCTUnwrap(
            parseOK(
                Self.notebook.replacingOccurrences(
                    of:
                        "keras.optimizers.schedules.CosineDecay(1e-3, decay_steps=1000, warmup_target=2e-3, warmup_steps=100)",
                    with: "PiecewiseConstantDecay([500, 1000], [1e-3, 5e-4, 1e-4])"
                ).replacingOccurrences(
                    of: "name: adamw\n  weight_decay: 0.01", with: "name: sgd\n  nesterov: true\n  momentum: 0.9"
                )
                .replacingOccurrences(of: "layers.RandomFlip(\"horizontal\")", with: "layers.RandomFlip()")))
        guard case .train(let t)? = nb.directive("m", kind: .train)?.payload,
            case .model(let m)? = nb.directive("m", kind: .model)?.payload
        else { return XCTFail("train") }
        XCTAssertEqual(
            t.optimizer.schedule, .piecewiseConstantDecay(boundaries: [500, 1000], values: [1e-3, 5e-4, 1e-4]))
        XCTAssertEqual(t.optimizer.nesterov, true)
        XCTAssertEqual(m.specs[1], .randomFlip(mode: .horizontalAndVertical))
        let exp = try XCTUnwrap(
            parseOK(
                Self.notebook.replacingOccurrences(
                    of:
                        "keras.optimizers.schedules.CosineDecay(1e-3, decay_steps=1000, warmup_target=2e-3, warmup_steps=100)",
                    with:
                        "ExponentialDecay(initial_learning_rate=0.01, decay_steps=100, decay_rate=0.96, staircase=True)"
                )))
        guard case .train(let e)? = exp.directive("m", kind: .train)?.payload else { return XCTFail("train") }
        XCTAssertEqual(
            e.optimizer.schedule, .exponentialDecay(initial: 0.01, decaySteps: 100, decayRate: 0.96, staircase: true))
    }

    /// Each bad argument gives its own error at its own line and column.
    func testBadArguments() {
        let cases: [(String, String, String)] = [
            (
                "kernel_regularizer=keras.regularizers.l2(1e-4)", "kernel_regularizer=keras.regularizers.l3(1e-4)",
                "t.md:15:59: error: unknown regularizer `keras.regularizers.l3`"
            ),
            (
                "kernel_regularizer=keras.regularizers.l2(1e-4)", "kernel_regularizer=keras.regularizers.l2(-1)",
                "t.md:15:59: error: `keras.regularizers.l2` argument `l2` must be >= 0, got `-1`"
            ),
            (
                "kernel_regularizer=\"l1_l2\"", "kernel_regularizer=\"l3\"",
                "t.md:17:56: error: unknown regularizer `\"l3\"` in `Dense`"
            ),
            (
                "layers.RandomFlip(\"horizontal\")", "layers.RandomFlip(\"sideways\")",
                "t.md:11:19: error: unknown mode `\"sideways\"` in `RandomFlip`"
            ),
            (
                "layers.RandomRotation(0.1)", "layers.RandomRotation(0.1, seed=42)",
                "t.md:12:28: error: nbrun does not support `seed=42` in `RandomRotation`"
            ),
            (
                "layers.RandomRotation(0.1)", "layers.RandomRotation(0.1, fill_mode=\"mirror\")",
                "t.md:12:38: error: unknown fill_mode `\"mirror\"` in `RandomRotation`"
            ),
            (
                "layers.RandomRotation(0.1)", "layers.RandomRotation(\"big\")",
                "t.md:12:23: error: `RandomRotation` argument `factor` must be a number or a pair"
            ),
            (
                "layers.RandomZoom(height_factor=(-0.1, 0.2), interpolation=\"nearest\")", "layers.RandomZoom()",
                "t.md:14:8: error: `RandomZoom` needs `height_factor`"
            ),
            (
                "CosineDecay(1e-3, decay_steps=1000, warmup_target=2e-3, warmup_steps=100)",
                "CosineDecay(1e-3, decay_steps=0)",
                "t.md:26:75: error: `CosineDecay` argument `decay_steps` must be > 0, got `0`"
            ),
            (
                "keras.optimizers.schedules.CosineDecay(1e-3, decay_steps=1000, warmup_target=2e-3, warmup_steps=100)",
                "ExponentialDecy(1e-3, 100, 0.9)", "t.md:26:18: error: unknown learning-rate schedule `ExponentialDecy`"
            ),
            (
                "keras.optimizers.schedules.CosineDecay(1e-3, decay_steps=1000, warmup_target=2e-3, warmup_steps=100)",
                "PiecewiseConstantDecay([10, 20], [0.1, 0.01])",
                "t.md:26:51: error: `PiecewiseConstantDecay` needs one more value than boundaries"
            ),
            ("weight_decay: 0.01", "weight_decay: -1", "t.md:25:17: error: `optimizer.weight_decay` must be >= 0"),
        ]
        for (old, new, expected) in cases {
            precondition(Self.notebook.contains(old), old)
            let errors = parseErrors(Self.notebook.replacingOccurrences(of: old, with: new)).map(\.description)
            XCTAssert(errors.contains { $0.hasPrefix(expected) }, "\(new): expected `\(expected)`, got \(errors)")
        }
    }
}
