import Foundation
import XCTest

/// The reference values written by scripts/statistics/make_fixtures.py (SciPy / NumPy).
enum Reference {
    static let root: [String: Any] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/reference.json")
        let data = try! Data(contentsOf: url)
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    /// The cases of one section (`"welch"`, `"student_t"`, ...).
    static func cases(_ section: String) -> [[String: Any]] {
        guard let list = root[section] as? [[String: Any]], !list.isEmpty else { fatalError("no section \(section)") }
        return list
    }
}

extension Dictionary where Key == String, Value == Any {
    /// A number; non-finite values are written as the strings "inf", "-inf", "nan".
    func double(_ key: String) -> Double {
        if let s = self[key] as? String { return Double(s)! }
        return (self[key] as! NSNumber).doubleValue
    }
    func doubles(_ key: String) -> [Double] { (self[key] as! [Any]).map { ($0 as! NSNumber).doubleValue } }
    func int(_ key: String) -> Int { (self[key] as! NSNumber).intValue }
}

/// The tolerance of the issue: 1e-6 relative (an absolute floor of 1e-300 only for exact zeros).
let relativeTolerance = 1e-6

/// Asserts |actual − expected| ≤ 1e-6 |expected| (or equality for non-finite and zero values), and
/// returns the relative error seen so tests can report the worst one.
@discardableResult
func assertRelative(
    _ actual: Double, _ expected: Double, _ message: @autoclosure () -> String,
    file: StaticString = #filePath, line: UInt = #line
) -> Double {
    if !expected.isFinite || expected == 0 {
        let same = actual == expected || (actual.isNaN && expected.isNaN) || abs(actual) < 1e-300
        XCTAssertTrue(same, "\(message()): got \(actual), expected \(expected)", file: file, line: line)
        return same ? 0 : .infinity
    }
    let error = abs(actual - expected) / abs(expected)
    XCTAssertLessThanOrEqual(
        error, relativeTolerance, "\(message()): got \(actual), expected \(expected)", file: file, line: line)
    return error.isNaN ? .infinity : error
}
