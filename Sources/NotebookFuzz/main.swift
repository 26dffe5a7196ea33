// nbrun-fuzz: feeds mutated notebooks through parse + check (nothing runs) and asserts that each is
// either accepted or refused with diagnostics that all point into the notebook (file:line:col).
// A crash kills the process; the input that caused it is then in --out/current.md (written before
// each run), to become a table-driven test case. Deterministic: one seeded generator (SplitMix64).
// Usage: nbrun-fuzz [--iterations N] [--seconds S] [--seed S] [--out DIR] [SEED_NOTEBOOK...]
// (default seeds: Tests/Fixtures/notebooks/*.md and notebooks/*.md; default 20000 iterations, 600 s).
import Foundation
import NotebookFormat
import Runner

/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct FuzzOptions {
    var iterations = 20_000, seconds = 600.0, seed: UInt64 = 1
    var out = ".build/fuzz"
    var seeds: [String] = []

    init(_ args: [String]) {
        var i = 1
        func value() -> String {
            i += 1
            guard i < args.count else { fail("missing value for \(args[i - 1])") }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--iterations":
                guard let n = Int(value()) else { fail("--iterations expects a number") }
                iterations = n
            case "--seconds":
                guard let n = Double(value()) else { fail("--seconds expects a number") }
                seconds = n
            case "--seed":
                guard let n = UInt64(value()) else { fail("--seed expects a number") }
                seed = n
            case "--out": out = value()
            case "-h", "--help":
                print("usage: nbrun-fuzz [--iterations N] [--seconds S] [--seed S] [--out DIR] [SEED_NOTEBOOK...]")
                exit(0)
            default: seeds.append(args[i])
            }
            i += 1
        }
        if seeds.isEmpty {
            for folder in ["Tests/Fixtures/notebooks", "notebooks"] {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                seeds += names.filter { $0.hasSuffix(".md") }.sorted().map { "\(folder)/\($0)" }
            }
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("nbrun-fuzz: \(message)\n".utf8))
    exit(2)
}

/// Text that tends to reach the corners of the format: fences, braces, numbers at the limits.
let tokens = [
    "{", "}", "{{", "}}", "${", "```", "````", "~~~", "```{train} x\n", "```{model} m\n", "(", ")", "[", "]", ",",
    ":", "<", "\"", "'", "#| ", "@fig-", "\n", "\t", " ", "-", "0", "-1", "1e999", "nan", "inf",
    "9223372036854775807", "-9223372036854775808", "100000000", "0.0", "1e-45", "é", "図", "\u{200B}",
    String(repeating: "x", count: 300), String(repeating: "<", count: 500), "Dense(", "Conv2D(", "Input(shape=(",
    "xscale: log\n", "ylim: [", "columns: ", "batch_size: ", "seeds: ", "| percent(", ".history.", ".last",
]

/// One random edit of `text`; `others` supply lines to splice in.
func mutate(_ text: [UInt8], others: [[String]], rng: inout SplitMix64) -> [UInt8] {
    var bytes = text
    let edits = 1 + Int(rng.next() % 4)
    for _ in 0..<edits {
        let at = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count + 1))
        switch rng.next() % 9 {
        case 0 where !bytes.isEmpty:  // delete a run
            let n = min(bytes.count - min(at, bytes.count - 1), 1 + Int(rng.next() % 16))
            bytes.removeSubrange(min(at, bytes.count - 1)..<min(at, bytes.count - 1) + n)
        case 1:  // insert a token
            bytes.insert(contentsOf: Array(tokens[Int(rng.next() % UInt64(tokens.count))].utf8), at: at)
        case 2 where !bytes.isEmpty:  // overwrite a byte
            bytes[min(at, bytes.count - 1)] = UInt8(truncatingIfNeeded: rng.next())
        case 3:  // replace a number by another
            let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
            guard let line = lines.indices.randomElement(using: &rng) else { break }
            var l = lines
            let extreme = ["0", "-1", "1e999", "9223372036854775807", "3037000500", "100000", "0.5", "nan"]
            l[line] = l[line].replacingOccurrences(
                of: #"\d+"#, with: extreme[Int(rng.next() % UInt64(extreme.count))], options: .regularExpression)
            bytes = Array(l.joined(separator: "\n").utf8)
        case 4, 5:  // line operations: delete, duplicate, swap
            var lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
            guard lines.count > 1 else { break }
            let a = Int(rng.next() % UInt64(lines.count))
            let b = Int(rng.next() % UInt64(lines.count))
            switch rng.next() % 3 {
            case 0: lines.remove(at: a)
            case 1: lines.insert(lines[a], at: b)
            default: lines.swapAt(a, b)
            }
            bytes = Array(lines.joined(separator: "\n").utf8)
        case 6:  // splice a line of another notebook
            guard let other = others.randomElement(using: &rng), let line = other.randomElement(using: &rng) else {
                break
            }
            bytes.insert(contentsOf: Array((line + "\n").utf8), at: at)
        default:  // repeat a short run many times
            guard !bytes.isEmpty else { break }
            let start = min(at, bytes.count - 1)
            let run = Array(bytes[start..<min(bytes.count, start + 1 + Int(rng.next() % 4))])
            let times = 1 + Int(rng.next() % 200)
            bytes.insert(contentsOf: Array((0..<times).flatMap { _ in run }), at: start)
        }
    }
    return bytes
}

let options = FuzzOptions(CommandLine.arguments)
let corpus: [[UInt8]] = options.seeds.map { path in
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    return Array(data)
}
guard !corpus.isEmpty else { fail("no seed notebooks (give paths, or run from the repository)") }
let corpusLines = corpus.map { String(decoding: $0, as: UTF8.self).components(separatedBy: "\n") }
try? FileManager.default.createDirectory(atPath: options.out, withIntermediateDirectories: true)
let current = URL(fileURLWithPath: options.out).appendingPathComponent("current.md")
// Inputs name the shipped MNIST subset so that `idx:` data sets resolve as in the tests.
let overrides = ["fixtures": "Tests/Fixtures/mnist-small"]

var rng = SplitMix64(state: options.seed)
var accepted = 0
var refused = 0
var executions = 0
var slowest = 0.0
var pool = corpus
let started = Date()
while executions < options.iterations, Date().timeIntervalSince(started) < options.seconds {
    let parent = pool[Int(rng.next() % UInt64(pool.count))]
    let input = mutate(parent, others: corpusLines, rng: &rng)
    let data = Data(input)
    try? data.write(to: current)
    let name = "fuzz.md"
    let lineCount = String(decoding: input, as: UTF8.self).components(separatedBy: "\n").count
    let t0 = Date()
    do {
        _ = try NotebookValidation.check(
            data, url: URL(fileURLWithPath: name),
            overrides: executions % 2 == 0 ? overrides : [:])
        accepted += 1
        if pool.count < 2000 { pool.append(input) }  // accepted inputs seed deeper mutations
    } catch let list as DiagnosticList {
        refused += 1
        guard !list.diagnostics.isEmpty else { fail("refused with no diagnostic; input in \(current.path)") }
        for d in list.diagnostics {
            let l = d.location
            guard l.file == name, l.line >= 1, l.line <= lineCount + 1, l.column >= 1 else {
                fail("diagnostic outside the notebook (\(l)): \(d.message); input in \(current.path)")
            }
        }
        if list.diagnostics.count > DiagnosticList.limit + 1 { fail("more than the bounded number of errors") }
        if rng.next() % 8 == 0, pool.count < 2000 { pool.append(input) }
    } catch {
        fail("refused without a located diagnostic: \(error); input in \(current.path)")
    }
    slowest = max(slowest, Date().timeIntervalSince(t0))
    executions += 1
}
let elapsed = Date().timeIntervalSince(started)
print(
    String(
        format:
            "nbrun-fuzz: %ld executions in %.1f s (%.0f/s), seed %llu, %ld seed notebooks: %ld accepted, %ld refused "
            + "with located diagnostics, no crash; slowest input %.3f s",
        executions, elapsed, Double(executions) / max(elapsed, 1e-9), options.seed, corpus.count, accepted, refused,
        slowest))
