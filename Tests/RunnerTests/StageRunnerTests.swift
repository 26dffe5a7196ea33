import Foundation
import NotebookFormat
import XCTest

@testable import Runner

/// The stage runner numbers stages itself, reports them as events and classifies errors.
final class StageRunnerTests: XCTestCase {
    private final class Recorder: RunObserver {
        var events: [String] = []
        func receive(_ event: RunEvent) {
            switch event {
            case .stageStarted(let step, _): events.append("start \(step)")
            case .stageFinished(let step, _): events.append("end \(step)")
            default: break
            }
        }
    }

    private struct Unexpected: Error {}

    func testStagesAreNumberedInTheirDeclaredOrder() throws {
        let recorder = Recorder()
        let runner = StageRunner(Stage.runStages, events: RunEvents([recorder]))
        XCTAssertEqual(try runner.run(.parse) { 1 }, 1)
        try runner.run(.check) {}
        XCTAssertEqual(
            recorder.events, ["start [1/6] parse", "end [1/6] parse", "start [2/6] check", "end [2/6] check"])
    }

    func testAUserProblemKeepsItsDirectiveAndGetsTheStage() {
        let runner = StageRunner(Stage.runStages, events: RunEvents([]))
        let location = SourceLocation(file: "n.md", line: 12, column: 1)
        XCTAssertThrowsError(
            try runner.run(.parse) {
                throw RunnerFailure(message: "bad data", directive: "dataset d", location: location)
            }
        ) { error in
            XCTAssertEqual(
                (error as? RunnerFailure)?.description,
                "error in stage [1/6] parse, directive `dataset d`:\nn.md:12:1: error: bad data")
        }
    }

    func testAnUnexpectedErrorIsAnInternalFailureNotAUsageError() {
        let runner = StageRunner(Stage.checkStages, events: RunEvents([]))
        XCTAssertThrowsError(try runner.run(.parse) { throw Unexpected() }) { error in
            let failure = error as? InternalFailure
            XCTAssertEqual(failure?.stage, "[1/6] parse")
            XCTAssertTrue(failure?.description.hasPrefix("internal error in stage [1/6] parse: Unexpected") ?? false)
        }
    }

    func testDiagnosticsBecomeOneUserFailure() {
        let runner = StageRunner(Stage.runStages, events: RunEvents([]))
        let diagnostic = Diagnostic(
            location: SourceLocation(file: "n.md", line: 3, column: 5), message: "no such thing", sourceLine: "abc",
            length: 1, suggestion: nil)
        XCTAssertThrowsError(try runner.run(.parse) { throw DiagnosticList([diagnostic]) }) { error in
            let failure = error as? RunnerFailure
            XCTAssertEqual(failure?.stage, "[1/6] parse")
            XCTAssertTrue(failure?.message.contains("n.md:3:5: error: no such thing") ?? false, "\(error)")
        }
    }
}
