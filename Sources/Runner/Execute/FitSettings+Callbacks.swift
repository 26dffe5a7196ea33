import Engine
import NotebookFormat
import Vocabulary

extension FitSettings {
    /// The engine's callbacks for what the train lists: each argument written replaces the Keras
    /// default the engine's settings hold (the checker accepted every name and type).
    static func callbacks(_ decls: [CallbackDecl]) -> [CallbackSpec] {
        decls.map { decl in
            let a = decl.arguments
            func number(_ key: String) -> Double? {
                if case .number(let d)? = a[key] { return d }
                return nil
            }
            func count(_ key: String) -> Int? {
                if case .integer(let i)? = a[key] { return i }
                return nil
            }
            let mode: MonitorMode? = {
                if case .text(let m)? = a["mode"] { return MonitorMode(rawValue: m) }
                return nil
            }()
            switch decl.name {
            case .earlyStopping:
                var s = EarlyStopping.Settings(monitor: decl.monitor)
                if let v = number("min_delta") { s.minDelta = v }
                if let v = count("patience") { s.patience = v }
                if let mode { s.mode = mode }
                s.baseline = number("baseline")
                if case .flag(let b)? = a["restore_best_weights"] { s.restoreBestWeights = b }
                if let v = count("start_from_epoch") { s.startFromEpoch = v }
                return .earlyStopping(s)
            case .reduceLROnPlateau:
                var s = ReduceLROnPlateau.Settings(monitor: decl.monitor)
                if let v = number("factor") { s.factor = v }
                if let v = count("patience") { s.patience = v }
                if let mode { s.mode = mode }
                if let v = number("min_delta") { s.minDelta = v }
                if let v = count("cooldown") { s.cooldown = v }
                if let v = number("min_lr") { s.minLR = v }
                return .reduceLROnPlateau(s)
            }
        }
    }
}
