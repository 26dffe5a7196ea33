/// A Keras weight regulariser (`kernel_regularizer=`), the penalty added to the loss:
/// `l1 · Σ|w| + l2 · Σ w²` over the layer's kernel (Keras 3 `keras.regularizers`).
///
/// The forms Keras accepts: `regularizers.l2(1e-4)`, `keras.regularizers.L2(l2=1e-4)`, `l1(...)`,
/// `l1_l2(l1=..., l2=...)` and the strings `"l1"`, `"l2"`, `"l1_l2"`. Defaults are Keras': `l1()`
/// and `l2()` take 0.01; the class `L1L2`/`l1_l2()` takes `l1=0.0, l2=0.0`, while the string
/// `"l1_l2"` means 0.01 for both (as Keras documents the string identifier).
public enum Regularizer: Equatable, Sendable {
    case l1(Double)
    case l2(Double)
    case l1l2(l1: Double, l2: Double)

    /// The L1 factor (0 when none).
    public var l1Factor: Double {
        switch self {
        case .l1(let v): return v
        case .l2: return 0
        case .l1l2(let v, _): return v
        }
    }

    /// The L2 factor (0 when none).
    public var l2Factor: Double {
        switch self {
        case .l1: return 0
        case .l2(let v): return v
        case .l1l2(_, let v): return v
        }
    }

    /// The canonical constructor, `L2(l2=0.0001)`: part of the model's cache key.
    public var kerasDescription: String {
        switch self {
        case .l1(let v): return "L1(l1=\(v))"
        case .l2(let v): return "L2(l2=\(v))"
        case .l1l2(let a, let b): return "L1L2(l1=\(a), l2=\(b))"
        }
    }

    /// The string identifiers Keras accepts, with their default factors (0.01).
    public static func named(_ name: String) -> Regularizer? {
        switch name {
        case "l1", "L1": return .l1(0.01)
        case "l2", "L2": return .l2(0.01)
        case "l1_l2", "L1L2": return .l1l2(l1: 0.01, l2: 0.01)
        default: return nil
        }
    }
}
