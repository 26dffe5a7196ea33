import XCTest

@testable import NotebookFormat

/// `band:` on a plot and on its series: `ci95` (default), `sd`, `range`, `none`; a series' own
/// choice wins over the plot's; a plot without `band:` keeps its cache text; a wrong value is an
/// error at its `file:line:col` naming the choices.
final class BandFormatTests: XCTestCase {
    /// The format's replicated trains with one plot whose `band:` lines are `plotBand` and `seriesBand`.
    static func notebook(plotBand: String = "", seriesBand: String = "") -> String {
        StatisticsFormatTests.base + """

            ```{plot} curves
            title: Validation loss
            \(plotBand)series:
              - {y: no_dropout.history.val_loss, label: "no dropout"\(seriesBand)}
              - {y: with_dropout.history.val_loss, label: "dropout"}
            ```

            """
    }

    private func plot(_ text: String) throws -> (PlotDecl, Directive) {
        let notebook = try XCTUnwrap(parseOK(text))
        let directive = try XCTUnwrap(notebook.directive("curves"))
        guard case .plot(let decl) = directive.payload else { throw XCTSkip("no plot") }
        return (decl, directive)
    }

    func testWithoutBandEverySeriesDrawsTheConfidenceInterval() throws {
        let (decl, directive) = try plot(Self.notebook())
        XCTAssertNil(decl.band)
        XCTAssertEqual(decl.series.map(\.band), [nil, nil])
        XCTAssertEqual([decl.band(of: 0), decl.band(of: 1)], [.ci95, .ci95])
        // The cache text is the one plots had before `band:` existed.
        XCTAssertEqual(
            directive.normalizedBody,
            "series=no_dropout.history.val_loss;;no dropout|with_dropout.history.val_loss;;dropout\n"
                + "title=Validation loss\nxscale=linear\nyscale=linear")
    }

    func testEachChoiceOnThePlot() throws {
        for kind in BandKind.allCases {
            let (decl, directive) = try plot(Self.notebook(plotBand: "band: \(kind.rawValue)\n"))
            XCTAssertEqual(decl.band, kind)
            XCTAssertEqual([decl.band(of: 0), decl.band(of: 1)], [kind, kind])
            XCTAssertTrue(directive.normalizedBody.hasPrefix("band=\(kind.rawValue)\n"), directive.normalizedBody)
        }
    }

    func testASeriesChoiceWinsOverThePlots() throws {
        let (decl, directive) = try plot(Self.notebook(plotBand: "band: range\n", seriesBand: ", band: none"))
        XCTAssertEqual(decl.series.map(\.band), [.hidden, nil])
        XCTAssertEqual([decl.band(of: 0), decl.band(of: 1)], [.hidden, .range])
        XCTAssertTrue(directive.normalizedBody.contains(";no dropout;band=none|"), directive.normalizedBody)
        let (sd, _) = try plot(Self.notebook(seriesBand: ", band: sd"))
        XCTAssertEqual([sd.band(of: 0), sd.band(of: 1)], [.sd, .ci95])
    }

    func testWrongValuesAreErrorsWhereTheyAre() {
        let lines = Self.notebook().components(separatedBy: "\n")
        // The line of the first series (1-based); `band:` on the plot is written on the line before.
        let seriesLine = lines.firstIndex { $0.contains("label: \"no dropout\"") }! + 1
        let onPlot = parseErrors(Self.notebook(plotBand: "band: stderr\n")).map(\.description)
        XCTAssertEqual(onPlot.count, 1, "\(onPlot)")
        XCTAssertTrue(
            onPlot.first?.hasPrefix("t.md:\(seriesLine - 1):7: error: unknown band `stderr`") ?? false, "\(onPlot)")
        XCTAssertTrue(onPlot.first?.contains("`ci95`, `sd`, `range`, `none`") ?? false, "\(onPlot)")
        let onSeries = parseErrors(Self.notebook(seriesBand: ", band: CI95")).map(\.description)
        XCTAssertEqual(onSeries.count, 1, "\(onSeries)")
        // `- {y: no_dropout.history.val_loss, label: "no dropout", band: CI95}`: the value at column 65.
        XCTAssertTrue(
            onSeries.first?.hasPrefix("t.md:\(seriesLine):65: error: unknown band `CI95`") ?? false, "\(onSeries)")
        XCTAssertTrue(onSeries.first?.contains("ci95") ?? false, "\(onSeries)")
        let notText = parseErrors(Self.notebook(plotBand: "band: [sd]\n")).map(\.description)
        XCTAssertEqual(notText.count, 1, "\(notText)")
    }
}
