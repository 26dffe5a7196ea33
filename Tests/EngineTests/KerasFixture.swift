import Foundation

@testable import Engine

/// Reference values written by scripts/engine/make_keras_fixtures.py (NumPy, float64, from Keras 3's
/// documented formulas): regularisers, augmentation, global pooling, AdamW, schedules.
enum KerasFixture {
    static let cases: [String: [String: Any]] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/keras-reference.json")
        let data = try! Data(contentsOf: url)
        let root = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        return root["cases"] as! [String: [String: Any]]
    }()

    static func named(_ name: String) -> [String: Any] {
        guard let c = cases[name] else { fatalError("no fixture \(name)") }
        return c
    }
}
