import Foundation
import XCTest

@testable import Engine

/// Reference values written by scripts/engine/make_fixtures.py (NumPy, float64).
enum Fixture {
    static let cases = load("reference.json")

    /// The `cases` of a fixture file in Tests/EngineTests/Fixtures.
    static func load(_ file: String) -> [String: [String: Any]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(file)
        let data = try! Data(contentsOf: url)
        let root = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
        return root["cases"] as! [String: [String: Any]]
    }

    static func named(_ name: String) -> [String: Any] {
        guard let c = cases[name] else { fatalError("no fixture \(name)") }
        return c
    }
}

extension Dictionary where Key == String, Value == Any {
    func floats(_ key: String) -> [Float] { (self[key] as! [Any]).map { Float(($0 as! NSNumber).doubleValue) } }
    func ints(_ key: String) -> [Int] { (self[key] as! [Any]).map { ($0 as! NSNumber).intValue } }
    func int(_ key: String) -> Int { (self[key] as! NSNumber).intValue }
    func float(_ key: String) -> Float { Float((self[key] as! NSNumber).doubleValue) }
    func string(_ key: String) -> String { self[key] as! String }
}

/// Asserts |a - e| <= absolute + relative |e| elementwise.
func assertClose(
    _ actual: [Float], _ expected: [Float], absolute: Float = 1e-5, relative: Float = 1e-4,
    _ message: String = "", file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(actual.count, expected.count, "count \(message)", file: file, line: line)
    var worst: (Int, Float) = (-1, 0)
    for i in 0..<min(actual.count, expected.count) {
        let err = abs(actual[i] - expected[i]) - (absolute + relative * abs(expected[i]))
        if !(err <= 0) && (worst.0 < 0 || err > worst.1) { worst = (i, err) }
    }
    if worst.0 >= 0 {
        XCTFail(
            "\(message): element \(worst.0) is \(actual[worst.0]), expected \(expected[worst.0])", file: file,
            line: line)
    }
}

/// Runs a layer forward and backward on raw arrays.
func runLayer(
    _ layer: Layer, x: [Float], dy: [Float], batch: Int, training: Bool = true, threads: Int = 2,
    seed: UInt64 = 0
) -> (y: [Float], dx: [Float]) {
    layer.reserve(batch: batch)
    var x = x
    var dy = dy
    var y = [Float](repeating: .nan, count: batch * layer.outputSize)
    var dx = [Float](repeating: .nan, count: batch * layer.inputSize)
    let pass = Pass(training: training, threads: threads, generator: SeededGenerator(seed: seed))
    x.withUnsafeMutableBufferPointer { xp in
        y.withUnsafeMutableBufferPointer { yp in
            layer.forward(xp.baseAddress!, yp.baseAddress!, batch: batch, pass: pass)
            dy.withUnsafeMutableBufferPointer { dyp in
                dx.withUnsafeMutableBufferPointer { dxp in
                    layer.backward(
                        x: xp.baseAddress!, y: yp.baseAddress!, dy: dyp.baseAddress!, dx: dxp.baseAddress!,
                        batch: batch, pass: pass)
                }
            }
        }
    }
    return (y, dx)
}
