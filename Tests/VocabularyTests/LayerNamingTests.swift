import Vocabulary
import XCTest

/// Keras' automatic layer names, canonical layer text and the value lists, declared once.
final class LayerNamingTests: XCTestCase {
    private let blog: [LayerSpec] = [
        .input(shape: [28, 28, 1]),
        .conv2D(filters: 32, kernelSize: [3, 3], strides: [1, 1], padding: .valid, activation: .relu, useBias: true),
        .maxPooling2D(poolSize: [2, 2], strides: nil, padding: .valid), .flatten,
        .dense(units: 128, activation: .relu, useBias: true), .dropout(rate: 0.5),
        .dense(units: 10, activation: .softmax, useBias: true),
    ]

    func testAutomaticNamesCountPerClassAndSkipTheInput() {
        XCTAssertEqual(
            LayerSpec.automaticNames(blog), ["conv2d", "max_pooling2d", "flatten", "dense", "dropout", "dense_1"])
        XCTAssertEqual(LayerSpec.kernelNames(blog), ["conv2d", "dense", "dense_1"])
    }

    /// This text is part of every model's cache key: it must not change.
    func testCanonicalTextIsStable() {
        XCTAssertEqual(
            blog.map(\.kerasDescription),
            [
                "Input(shape=(28, 28, 1))",
                "Conv2D(filters=32, kernel_size=(3, 3), strides=(1, 1), padding=\"valid\", activation=\"relu\", use_bias=True)",
                "MaxPooling2D(pool_size=(2, 2), strides=None, padding=\"valid\")", "Flatten()",
                "Dense(units=128, activation=\"relu\", use_bias=True)", "Dropout(rate=0.5)",
                "Dense(units=10, activation=\"softmax\", use_bias=True)",
            ])
    }

    func testValueListsFollowValidationAndFineTuning() {
        let train = ValueProducer.train(metrics: [.accuracy], validation: false).values
        // Every fit records its learning rate per epoch (Keras' `learning_rate` log), under both names.
        XCTAssertEqual(
            Set(train.keys),
            ["history.loss", "history.accuracy", "params", "seconds", "epochs", "history.learning_rate", "history.lr"])
        let validated = ValueProducer.train(metrics: [.accuracy], validation: true).values
        XCTAssertEqual(validated["history.val_accuracy"], .train(.history(.valAccuracy)))
        let prune = ValueProducer.prune(fineTuned: false, kernelLayers: ["dense"]).values
        XCTAssertNil(prune["accuracy_finetuned"])
        XCTAssertEqual(prune["nonzero.dense"], .prune(.nonzeroIn(layer: "dense")))
        XCTAssertEqual(ValueProducer.sweep(validation: false).values["val_loss_min"], nil)
        XCTAssertEqual(ValueProducer.sweep(validation: true).values["val_loss_min"]?.shape, .series)
        XCTAssertTrue(ProducedValue.prune(.latencySparseMs).isTiming)
        XCTAssertFalse(ProducedValue.prune(.sizeSparse).isTiming)
    }

    func testLanguageTagRule() {
        XCTAssertEqual(Language(tag: "ja"), .japanese)
        XCTAssertEqual(Language(tag: "ja-JP"), .japanese)
        XCTAssertEqual(Language(tag: "JA_jp"), .japanese)
        XCTAssertEqual(Language(tag: "jam"), .english)
        XCTAssertEqual(Language(tag: "en"), .english)
    }
}
