/// A notebook parameter's value, typed from its YAML default in the front matter.
public enum ParamValue: Equatable, Sendable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)

    /// The type's name in messages: "an integer", "a number", "a boolean", "a string".
    public var typeName: String {
        switch self {
        case .int: return "an integer"
        case .double: return "a number"
        case .bool: return "a boolean (true or false)"
        case .string: return "a string"
        }
    }

    /// The value as written in YAML (`20`, `0.5`, `true`, `text`).
    public var description: String {
        switch self {
        case .int(let v): return String(v)
        case .double(let v): return "\(v)"
        case .bool(let v): return v ? "true" : "false"
        case .string(let v): return v
        }
    }

    /// The value as a Python literal, for `${name}` inside a `model` body (`True`, `0.5`).
    var pythonLiteral: String {
        switch self {
        case .bool(let v): return v ? "True" : "False"
        default: return description
        }
    }

    /// Parses a `--set name=value` override as the same type as `self` (the default).
    func parsingOverride(_ text: String) -> ParamValue? {
        let t = text.trimmingCharacters(in: .whitespaces)
        switch self {
        case .int: return Int(t).map(ParamValue.int)
        case .double:
            guard let v = Double(t), v.isFinite else { return nil }
            return .double(v)
        case .bool:
            switch t.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return nil
            }
        case .string: return .string(text)
        }
    }
}
