import Vocabulary

/// One callback of a `train` directive, as written: `EarlyStopping(monitor="val_loss", patience=3)`.
///
/// Every argument was checked against Keras 3's signature (name, type, range); arguments not
/// written keep Keras' defaults, which the engine's settings hold.
public struct CallbackDecl: Equatable, Sendable {
    public enum Argument: Equatable, Sendable {
        case number(Double)
        case integer(Int)
        case text(String)
        case flag(Bool)
        case none
    }

    public var name: CallbackName
    /// Keyword arguments by Keras name (positional ones are given their names).
    public var arguments: [String: Argument]
    public init(name: CallbackName, arguments: [String: Argument]) {
        self.name = name
        self.arguments = arguments
    }

    /// The monitored quantity (`monitor=`, default `val_loss` for both callbacks).
    public var monitor: String {
        if case .text(let m)? = arguments["monitor"] { return m }
        return "val_loss"
    }

    /// `name(key=value, ...)` with sorted keywords, for the cache key.
    public var canonical: String {
        let args = arguments.keys.sorted().map { key -> String in
            switch arguments[key]! {
            case .number(let d): return "\(key)=\(d)"
            case .integer(let i): return "\(key)=\(i)"
            case .text(let s): return "\(key)=\"\(s)\""
            case .flag(let b): return "\(key)=\(b ? "True" : "False")"
            case .none: return "\(key)=None"
            }
        }
        return "\(name.rawValue)(\(args.joined(separator: ", ")))"
    }
}
