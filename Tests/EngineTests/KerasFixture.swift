import Foundation

@testable import Engine

/// Reference values written by scripts/engine/make_keras_fixtures.py (NumPy, float64, from Keras 3's
/// documented formulas): regularisers, augmentation, global pooling, AdamW, schedules.
enum KerasFixture {
    static let cases = Fixture.load("keras-reference.json")

    static func named(_ name: String) -> [String: Any] {
        guard let c = cases[name] else { fatalError("no fixture \(name)") }
        return c
    }
}
