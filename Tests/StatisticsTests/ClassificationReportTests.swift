import Foundation
import XCTest

@testable import Statistics

/// The classification report against scikit-learn's formulas computed independently in NumPy
/// (scripts/training/make_fixtures.py): per-class precision, recall, F1, support, accuracy, macro
/// and weighted averages, including a class that is never predicted (precision 0).
final class ClassificationReportTests: XCTestCase {
    func testMatchesSklearnFormulas() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/report-reference.json")
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let cases = root["report"] as! [[String: Any]]
        XCTAssertEqual(cases.count, 3)
        for c in cases {
            let labels = (c["labels"] as! [NSNumber]).map { Int32($0.intValue) }
            let predictions = (c["predictions"] as! [NSNumber]).map { Int32($0.intValue) }
            let classes = (c["classes"] as! NSNumber).intValue
            let report = ClassificationReport(labels: labels, predictions: predictions, classCount: classes)
            let expected = c["expected"] as! [String: Any]
            func check(_ row: ClassificationReport.Row, _ e: [String: Any], _ what: String) {
                for (name, value) in [("precision", row.precision), ("recall", row.recall), ("f1", row.f1)] {
                    XCTAssertEqual(value, (e[name] as! NSNumber).doubleValue, accuracy: 1e-12, "\(what) \(name)")
                }
            }
            for (index, e) in (expected["classes"] as! [[String: Any]]).enumerated() {
                check(report.classes[index], e, "class \(index)")
                XCTAssertEqual(report.classes[index].support, (e["support"] as! NSNumber).intValue)
            }
            check(report.macro, expected["macro"] as! [String: Any], "macro")
            check(report.weighted, expected["weighted"] as! [String: Any], "weighted")
            XCTAssertEqual(report.accuracy, (expected["accuracy"] as! NSNumber).doubleValue, accuracy: 1e-12)
            XCTAssertEqual(report.macro.support, labels.count)
        }
        let neverPredicted = cases[2]["expected"] as! [String: Any]
        XCTAssertEqual(((neverPredicted["classes"] as! [[String: Any]])[4]["precision"] as! NSNumber).doubleValue, 0)
    }
}
