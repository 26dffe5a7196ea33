import XCTest

@testable import Charts

/// Shaded bands and error bars, laid out without Cairo.
final class SpreadLayoutTests: XCTestCase {
    let measurer = FixedWidthTextMeasurer()

    /// One series y = x at x = 1, 2, 3 with fixed view limits 0...4 on both axes.
    func chart(band: SeriesRange? = nil, errorBars: SeriesRange? = nil, note: String? = nil) -> Chart {
        Chart(
            title: nil,
            kind: .line(
                LineChart(
                    series: [LineSeries(label: "", x: [1, 2, 3], y: [1, 2, 3], band: band, errorBars: errorBars)],
                    xLimits: 0...4, yLimits: 0...4, legendNote: note)))
    }

    /// Figure coordinates of data point (x, y) in a 0...4 x 0...4 view.
    func pixel(_ x: Double, _ y: Double, _ plot: Rect) -> Point {
        Point(plot.minX + x / 4 * plot.width, plot.maxY - y / 4 * plot.height)
    }

    func polygons(_ scene: Scene) -> [([Point], Color, Rect?)] {
        scene.primitives.compactMap {
            if case .polygon(let p, let c, let r) = $0 { return (p, c, r) } else { return nil }
        }
    }

    func polylines(_ scene: Scene) -> [([Point], Stroke)] {
        scene.primitives.compactMap { if case .polyline(let p, let s, _) = $0 { return (p, s) } else { return nil } }
    }

    func assertPoints(_ a: [Point], _ b: [Point], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, file: file, line: line)
        for (p, q) in zip(a, b) {
            XCTAssertEqual(p.x, q.x, accuracy: 1e-9, file: file, line: line)
            XCTAssertEqual(p.y, q.y, accuracy: 1e-9, file: file, line: line)
        }
    }

    func testBandIsAPolygonAlongUpperThenBackAlongLower() throws {
        let scene = try chart(band: SeriesRange(lower: [0.5, 1.5, 2], upper: [1.5, 3, 3.5])).layout(measurer: measurer)
        let plot = scene.plotAreas[0]
        let bands = polygons(scene)
        XCTAssertEqual(bands.count, 1)
        assertPoints(
            bands[0].0,
            [
                pixel(1, 1.5, plot), pixel(2, 3, plot), pixel(3, 3.5, plot), pixel(3, 2, plot), pixel(2, 1.5, plot),
                pixel(1, 0.5, plot),
            ])
        XCTAssertEqual(bands[0].1, Color.cycle(0).withAlpha(0.2))  // the line's colour, fill_between's alpha
        XCTAssertEqual(bands[0].2, plot)
        // Drawn under the line: the polygon comes before the series' polyline.
        let polygonIndex = scene.primitives.firstIndex { if case .polygon = $0 { return true } else { return false } }!
        let lineIndex = scene.primitives.firstIndex {
            if case .polyline(_, let s, _) = $0 { return s.color == .cycle(0) } else { return false }
        }!
        XCTAssertLessThan(polygonIndex, lineIndex)
    }

    func testBandsOfAllSeriesAreDrawnBeforeAnyLine() throws {
        let scene = try SpreadCharts.bands.layout(measurer: measurer)
        let kinds = scene.primitives.compactMap { p -> String? in
            switch p {
            case .polygon: return "band"
            case .polyline(_, let s, _) where s.color == .cycle(0) || s.color == .cycle(1): return "line"
            default: return nil
            }
        }
        XCTAssertEqual(Array(kinds.prefix(3)), ["band", "band", "line"])
        XCTAssertEqual(kinds.filter { $0 == "band" }.count, 2)
    }

    func testANonFiniteValueBreaksTheBand() throws {
        let scene = try Chart(
            title: nil,
            kind: .line(
                LineChart(
                    series: [
                        LineSeries(
                            label: "", x: [1, 2, 3, 4, 5], y: [1, 2, 3, 2, 1],
                            band: SeriesRange(lower: [0, 1, .nan, 1, 0], upper: [2, 3, 4, 3, 2]))
                    ], xLimits: 0...6, yLimits: 0...5))
        ).layout(measurer: measurer)
        XCTAssertEqual(polygons(scene).map(\.0.count), [4, 4])
    }

    func testTheViewIncludesBandsAndErrorBars() throws {
        let band = try Chart(
            title: nil,
            kind: .line(
                LineChart(series: [
                    LineSeries(
                        label: "", x: [1, 2, 3], y: [1, 2, 3], band: SeriesRange(lower: [-1, 1, 2], upper: [2, 3, 8]))
                ]))
        ).layout(measurer: measurer)
        let area = band.plotAreas[0]
        for p in polygons(band)[0].0 { XCTAssertTrue(area.contains(p), "\(p) outside \(area)") }
        XCTAssertGreaterThanOrEqual(band.yTicks.last!, 8)
        let bars = try Chart(
            title: nil,
            kind: .line(
                LineChart(series: [
                    LineSeries(
                        label: "", x: [1, 2, 3], y: [1, 2, 3],
                        errorBars: SeriesRange(lower: [1, 2, 3], upper: [1, 2, 6]))
                ]))
        ).layout(measurer: measurer)
        XCTAssertGreaterThanOrEqual(bars.yTicks.last!, 6)
        for (points, _) in polylines(bars).filter({ $0.1.color == .cycle(0) }) {
            XCTAssertTrue(points.allSatisfy(bars.plotAreas[0].contains))
        }
        // Without a band the same data give the data's view.
        let plain = try chart().layout(measurer: measurer)
        XCTAssertTrue(polygons(plain).isEmpty)
    }

    func testErrorBarsAreVerticalLinesWithCaps() throws {
        let scene = try chart(errorBars: SeriesRange(lower: [0.5, 1.5, 2.5], upper: [1.5, 3, 3.5])).layout(
            measurer: measurer)
        let plot = scene.plotAreas[0]
        let pt = 100.0 / 72
        let bars = polylines(scene).filter { $0.1.color == .cycle(0) }
        // Per point: the bar, its lower cap, its upper cap; then the data line.
        XCTAssertEqual(bars.count, 3 * 3 + 1)
        for (i, (x, lo, hi)) in [(1.0, 0.5, 1.5), (2, 1.5, 3), (3, 2.5, 3.5)].enumerated() {
            let bar = bars[3 * i]
            assertPoints(bar.0, [pixel(x, lo, plot), pixel(x, hi, plot)])
            XCTAssertEqual(bar.1.width, 1.5 * pt, accuracy: 1e-12)
            for (k, y) in [lo, hi].enumerated() {
                let cap = bars[3 * i + 1 + k]
                let c = pixel(x, y, plot)
                assertPoints(cap.0, [Point(c.x - 3 * pt, c.y), Point(c.x + 3 * pt, c.y)])
                XCTAssertEqual(cap.1.width, 1 * pt, accuracy: 1e-12)
            }
        }
        assertPoints(bars[9].0, [pixel(1, 1, plot), pixel(2, 2, plot), pixel(3, 3, plot)])
    }

    func testLegendNoteSaysWhatTheBandIs() throws {
        let scene = try chart(
            band: SeriesRange(lower: [0, 1, 2], upper: [2, 3, 4]), note: "shaded: 95 % CI over 5 seeds"
        )
        .layout(measurer: measurer)
        let legend = try XCTUnwrap(scene.legend)
        let note = try XCTUnwrap(scene.texts.first { $0.text == "shaded: 95 % CI over 5 seeds" })
        XCTAssertTrue(legend.contains(note.bounds))
        // Its handle is a patch of the banded series' colour at the band's alpha.
        let patch = scene.primitives.contains {
            if case .rect(let r, let fill, nil, _) = $0 {
                return legend.contains(r) && fill == Color.cycle(0).withAlpha(0.2)
            }
            return false
        }
        XCTAssertTrue(patch)
        // No note, no unlabeled series: no legend.
        XCTAssertNil(
            try chart(band: SeriesRange(lower: [0, 1, 2], upper: [2, 3, 4])).layout(measurer: measurer).legend)
    }

    func testMismatchedBandIsAnError() {
        let bad = chart(band: SeriesRange(lower: [0, 1], upper: [2, 3, 4]))
        XCTAssertThrowsError(try bad.layout(measurer: measurer)) { error in
            XCTAssertEqual(
                (error as? ChartError)?.description,
                "line series '' has 3 points but its band have 2 lower and 3 upper values")
        }
    }
}
