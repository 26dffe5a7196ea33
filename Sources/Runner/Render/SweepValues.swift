import NotebookFormat

/// The values of a sweep (see ``SweepValue``): series with one value per point.
struct SweepValues {
    let outcome: SweepOutcome

    func value(_ v: SweepValue) -> Value? {
        let points = outcome.points
        func series(_ f: (SweepPoint) -> Double?) -> Value? {
            let values = points.compactMap(f)
            return values.count == points.count ? .series(values) : nil
        }
        switch v {
        case .points: return .integer(points.count)
        case .values:
            let single = points.allSatisfy { $0.value.count == 1 }
            return .series(points.enumerated().map { single ? $1.value[0] : Double($0 + 1) })
        case .lossFinal: return series { $0.history.loss.last.map(Double.init) }
        case .accuracyFinal: return series { $0.history.accuracy.last.map(Double.init) }
        case .valLossFinal: return series { $0.history.valLoss.last.map(Double.init) }
        case .valAccuracyFinal: return series { $0.history.valAccuracy.last.map(Double.init) }
        case .valLossMin: return series { $0.history.valLoss.min().map(Double.init) }
        case .valAccuracyMax: return series { $0.history.valAccuracy.max().map(Double.init) }
        case .valLossArgmin:
            return series { point in
                let v = point.history.valLoss
                return v.indices.min(by: { v[$0] < v[$1] }).map { Double($0 + 1) }
            }
        case .testLoss: return series { Double($0.testLoss) }
        case .testAccuracy: return series { Double($0.testAccuracy) }
        case .seconds: return series(\.seconds)
        }
    }
}
