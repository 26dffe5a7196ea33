import Vocabulary
import Yams

extension DirectiveDecoder {
    static let callbackPrefixes = ["callbacks", "keras.callbacks", "tf.keras.callbacks", "tensorflow.keras.callbacks"]

    /// What each callback argument accepts.
    private enum ArgumentKind {
        case text([String]?)
        case number(atLeast: Double?, below: Double?)
        case count, flag, numberOrNone
    }

    private static func kind(of argument: String, in callback: CallbackName) -> ArgumentKind {
        switch argument {
        case "monitor": return .text(nil)
        case "mode": return .text(MonitorMode.allCases.map(\.rawValue))
        case "min_delta": return .number(atLeast: nil, below: nil)
        case "factor": return .number(atLeast: 0, below: 1)
        case "min_lr": return .number(atLeast: 0, below: nil)
        case "baseline": return .numberOrNone
        case "restore_best_weights": return .flag
        default: return .count  // patience, verbose, start_from_epoch, cooldown
        }
    }

    /// `callbacks: [EarlyStopping(patience=3), keras.callbacks.ReduceLROnPlateau(factor=0.5)]`, as a
    /// flow list, a block list (`- EarlyStopping(...)` lines) or a single call.
    ///
    /// The calls are Python, not YAML (a flow list would split at the commas between arguments), so
    /// the value's lines are read again as Python calls, columns kept. `historyKeys` are the series
    /// the train records: a monitor must be one of them.
    func decodeCallbacks(_ node: Node, historyKeys: [String]) -> [CallbackDecl] {
        guard let mark = node.mark else { return [] }
        var parser = PythonCallParser(
            body: callbackRegion(from: mark), diagnostics: diagnostics, prefixes: Self.callbackPrefixes,
            noun: "callback", example: "EarlyStopping(patience=3)")
        var seen: Set<CallbackName> = []
        return parser.parseCalls().compactMap { call in
            guard let name = CallbackName(rawValue: call.name) else {
                let names = CallbackName.allCases.map(\.rawValue)
                diagnostics.error(
                    "unknown callback `\(call.name)`", at: call.nameSpan,
                    suggestion: Spelling.suggestion(for: call.name, in: names)
                        ?? "nbrun runs \(names.map { "`\($0)`" }.joined(separator: " and "))")
                return nil
            }
            guard seen.insert(name).inserted else {
                diagnostics.error(
                    "`\(name.rawValue)` is listed twice", at: call.nameSpan,
                    suggestion: "list each callback once; its values (`stopped_epoch`, `best_epoch`) name one run")
                return nil
            }
            return decodeCallback(name, call, historyKeys: historyKeys)
        }
    }

    private func decodeCallback(
        _ name: CallbackName, _ call: PythonCallParser.Call, historyKeys: [String]
    ) -> CallbackDecl? {
        var arguments: [String: CallbackDecl.Argument] = [:]
        var ok = true
        for (index, argument) in call.arguments.enumerated() {
            let key: String
            if let keyword = argument.keyword {
                guard name.arguments.contains(keyword.name) else {
                    diagnostics.error(
                        "`\(name.rawValue)` has no argument `\(keyword.name)`", at: keyword.span,
                        suggestion: Spelling.suggestion(for: keyword.name, in: name.arguments)
                            ?? "its arguments are \(name.arguments.map { "`\($0)`" }.joined(separator: ", "))")
                    ok = false
                    continue
                }
                key = keyword.name
            } else {
                guard index < name.arguments.count else {
                    diagnostics.error(
                        "`\(name.rawValue)` takes at most \(name.arguments.count) arguments", at: argument.span)
                    ok = false
                    continue
                }
                key = name.arguments[index]
            }
            guard arguments[key] == nil else {
                diagnostics.error("`\(key)` is given twice", at: argument.span)
                ok = false
                continue
            }
            guard let value = callbackArgument(argument, key: key, in: name) else {
                ok = false
                continue
            }
            arguments[key] = value
        }
        let decl = CallbackDecl(name: name, arguments: arguments)
        if ok, !historyKeys.contains(decl.monitor) {
            let at = call.arguments.first { ($0.keyword?.name ?? "monitor") == "monitor" }?.span ?? call.nameSpan
            let validation = decl.monitor.hasPrefix("val_") && !historyKeys.contains("val_loss")
            diagnostics.error(
                "`\(name.rawValue)` monitors `\(decl.monitor)`, which this train does not record", at: at,
                suggestion: validation
                    ? "`\(decl.monitor)` needs validation rows: add `validation_split: 0.2`, or monitor `loss`"
                    : Spelling.suggestion(for: decl.monitor, in: historyKeys)
                        ?? "it records \(historyKeys.map { "`\($0)`" }.joined(separator: ", "))")
            return nil
        }
        return ok ? decl : nil
    }

    /// One argument's value, checked against what Keras accepts for it.
    private func callbackArgument(
        _ argument: PythonCallParser.Argument, key: String, in name: CallbackName
    ) -> CallbackDecl.Argument? {
        let what = "`\(name.rawValue)` argument `\(key)`"
        func fail(_ expected: String, _ suggestion: String? = nil) -> CallbackDecl.Argument? {
            diagnostics.error(
                "\(what) must be \(expected), got `\(argument.value.python)`", at: argument.span,
                suggestion: suggestion)
            return nil
        }
        let number: Double?
        switch argument.value {
        case .int(let i): number = Double(i)
        case .float(let d): number = d
        default: number = nil
        }
        switch Self.kind(of: key, in: name) {
        case .text(let choices):
            guard case .string(let s) = argument.value else { return fail("a string", "e.g. `\(key)=\"val_loss\"`") }
            if let choices, !choices.contains(s) {
                return fail(
                    "one of \(choices.map { "\"\($0)\"" }.joined(separator: ", "))",
                    Spelling.suggestion(for: s, in: choices))
            }
            return .text(s)
        case .number(let low, let below):
            guard let number else { return fail("a number") }
            if let low, number < low { return fail("at least \(Self.number(low))") }
            if let below, number >= below {
                return fail("below \(Self.number(below))", "Keras refuses a factor >= 1: it would not reduce the rate")
            }
            return .number(number)
        case .numberOrNone:
            if argument.value == .none { return CallbackDecl.Argument.none }
            guard let number else { return fail("a number or `None`") }
            return .number(number)
        case .flag:
            guard case .bool(let b) = argument.value else { return fail("`True` or `False`") }
            return .flag(b)
        case .count:
            guard case .int(let i) = argument.value, i >= 0 else { return fail("a whole number >= 0") }
            return .integer(i)
        }
    }

    /// The body with every line blanked except the text of the `callbacks:` value, which starts at
    /// `mark` and runs over the following lines that are indented or start with `-` or `]`; the
    /// list's brackets and bullets become spaces, so what is left is calls separated by commas, at
    /// their own columns.
    private func callbackRegion(from mark: Mark) -> BodyText {
        var region = yaml.body
        let first = mark.line
        let column = yaml.body.characterColumn(line: first, scalarColumn: mark.column)
        var last = first
        while last < region.lines.count {
            let text = region.lines[last].text
            guard let c = text.first, c == " " || c == "\t" || c == "-" || c == "]" else {
                if text.isEmpty {
                    last += 1
                    continue
                }
                break
            }
            last += 1
        }
        for index in region.lines.indices {
            let number = index + 1
            var chars = Array(region.lines[index].text)
            if number < first || number > last {
                chars = Array(repeating: " ", count: chars.count)
            } else {
                if number == first {
                    for i in 0..<min(column - 1, chars.count) { chars[i] = " " }
                }
                // A bullet `- ` or the list's brackets, outside quotes and comments.
                var quote: Character?
                for i in chars.indices {
                    let c = chars[i]
                    if let q = quote {
                        if c == q { quote = nil }
                    } else if c == "\"" || c == "'" {
                        quote = c
                    } else if c == "#" {
                        break
                    } else if c == "[" || c == "]" {
                        if !Self.insideCall(chars, at: i) { chars[i] = " " }
                    } else if c == "-", chars[..<i].allSatisfy({ $0 == " " || $0 == "\t" }) {
                        chars[i] = " "
                    }
                }
            }
            region.lines[index].text = String(chars)
        }
        return region
    }

    /// Whether position `i` lies between a call's parentheses on its line.
    private static func insideCall(_ chars: [Character], at i: Int) -> Bool {
        var depth = 0
        for c in chars[..<i] {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
        }
        return depth > 0
    }
}
