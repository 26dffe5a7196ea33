import XCTest

@testable import Charts

/// Layout without Cairo, measured with the deterministic `FixedWidthTextMeasurer`.
final class LayoutTests: XCTestCase {
    let measurer = FixedWidthTextMeasurer()

    /// Every text inside the figure, no two texts overlapping, every plot area inside the figure.
    func assertReadable(_ scene: Scene, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let figure = Rect(x: 0, y: 0, width: scene.width, height: scene.height)
        let texts = scene.texts
        for t in texts {
            XCTAssertTrue(
                figure.contains(t.bounds), "\(name): '\(t.text)' at \(t.bounds) leaves the figure", file: file,
                line: line)
        }
        for i in texts.indices {
            for j in texts.indices where j > i && texts[i].bounds.intersects(texts[j].bounds) {
                XCTFail(
                    "\(name): '\(texts[i].text)' \(texts[i].bounds) overlaps '\(texts[j].text)' \(texts[j].bounds)",
                    file: file, line: line)
            }
        }
        for p in scene.plotAreas {
            XCTAssertTrue(
                figure.contains(p) && p.width > 20 && p.height > 20, "\(name): plot area \(p)", file: file, line: line)
            for t in texts where t.bounds.intersects(p) && scene.legend.map({ !$0.contains(t.bounds) }) ?? true {
                // Only annotations (heatmap cells, bar values) and legend labels may sit inside a plot area.
                let annotation = p.contains(t.bounds)
                XCTAssertTrue(annotation, "\(name): '\(t.text)' straddles the plot area edge", file: file, line: line)
            }
        }
    }

    func testSampleChartsAreReadable() throws {
        for (name, chart) in SampleCharts.all {
            assertReadable(try chart.layout(measurer: measurer), name)
        }
    }

    func testSampleChartsAreReadableWithCairoMetrics() throws {
        let cairo = try CairoTextMeasurer()
        for (name, chart) in SampleCharts.all {
            assertReadable(try chart.layout(measurer: cairo), name + " (Cairo)")
        }
    }

    func testMatplotlibDefaultGeometry() throws {
        let scene = try BlogCurves.lossChart().layout(measurer: measurer)
        let p = scene.plotAreas[0]
        let expected = Rect(left: 80, top: 57.6, right: 576, bottom: 427.2)
        for (a, b) in [
            (p.minX, expected.minX), (p.minY, expected.minY), (p.maxX, expected.maxX), (p.maxY, expected.maxY),
        ] {
            XCTAssertEqual(a, b, accuracy: 1e-9, "\(p)")
        }
        let accuracy = try BlogCurves.accuracyChart().layout(measurer: measurer)
        XCTAssertEqual(accuracy.yTicks, [0.92, 0.94, 0.96, 0.98, 1.0])
    }

    func testEpochsAreIntegersFromOne() throws {
        let scene = try BlogCurves.lossChart().layout(measurer: measurer)
        XCTAssertEqual(scene.xTicks, [5, 10, 15, 20])
        let short = Chart(
            title: nil,
            kind: .line(LineChart(series: [LineSeries(label: "", epochs: [0.3, 0.2, 0.15])], integerX: true)))
        XCTAssertEqual(try short.layout(measurer: measurer).xTicks, [1, 2, 3])
    }

    /// matplotlib put the blog's accuracy legend lower right and its loss legend upper right;
    /// ours goes to the same spots, covering no point or segment of the curves.
    func testLegendAvoidsTheBlogCurves() throws {
        for (chart, expected) in [
            (BlogCurves.accuracyChart(), LegendPlacer.Spot.lowerRight),
            (BlogCurves.lossChart(), .upperRight),
            (SampleCharts.japaneseAccuracy, .lowerRight),
        ] {
            let scene = try chart.layout(measurer: measurer)
            let legend = try XCTUnwrap(scene.legend)
            let plot = scene.plotAreas[0]
            let pad = Style().legendBorderAxesPad * Style().fontPx
            XCTAssertEqual(
                legend, LegendPlacer.frame(expected, size: (legend.width, legend.height), plot: plot, pad: pad),
                "\(chart.title ?? "")")
            for case .polyline(let points, let stroke, let clip) in scene.primitives where clip != nil {
                XCTAssertTrue(
                    zip(points, points.dropFirst()).allSatisfy { !legend.intersectsSegment($0, $1) },
                    "a \(stroke.color) curve crosses the legend of \(chart.title ?? "")")
            }
        }
    }

    func testLegendTakesTheLeastCoveredSpotWhenAllAreCovered() {
        let plot = Rect(x: 0, y: 0, width: 100, height: 100)
        // Data everywhere except a sparse lower-left corner.
        var obstacles = Obstacles()
        for x in stride(from: 1.0, to: 100, by: 4) {
            for y in stride(from: 1.0, to: 100, by: 4) where !(x < 30 && y > 70) || (x < 6 && y > 94) {
                obstacles.points.append(Point(x, y))
            }
        }
        let (spot, _) = LegendPlacer.best(size: (28, 28), plot: plot, pad: 1, obstacles: obstacles)
        XCTAssertEqual(spot, .lowerLeft)
    }

    func testLongAndJapaneseLabelsFit() throws {
        let long = String(repeating: "Validation accuracy of the model trained without dropout ", count: 2)
        let japanese = "ドロップアウトなしで訓練したモデルの検証データに対する精度の推移（エポックごと、シード0）"
        for (title, y, label) in [(long, long, long), (japanese, japanese, japanese)] {
            let chart = Chart(
                title: title,
                kind: .line(
                    LineChart(
                        series: [
                            LineSeries(label: label, epochs: BlogCurves.valLoss),
                            LineSeries(label: "short", epochs: BlogCurves.trainLoss),
                        ],
                        xLabel: title, yLabel: y, integerX: true)))
            let scene = try chart.layout(measurer: measurer)
            assertReadable(scene, String(title.prefix(12)))
            XCTAssertGreaterThan(scene.texts.filter { $0.size == Style().titlePx }.count, 1, "the title wraps")
        }
        let bars = Chart(
            title: "精度",
            kind: .bar(
                BarChart(
                    categories: ["ドロップアウトなし", "ドロップアウト 0.5", "剪定 90%（微調整なし）", "剪定 90%（微調整あり）", "剪定 95%", "剪定 99%"],
                    series: [BarSeries(label: "精度", values: [0.987, 0.989, 0.981, 0.987, 0.975, 0.93])], yLabel: "精度")))
        assertReadable(try bars.layout(measurer: measurer), "japanese bars")
    }

    func testWrapPrefersJapanesePunctuationAndSpaces() {
        let text = TextLayout(measurer: measurer, style: Style())
        // 10 px per wide character at size 10: 12 characters per 120 px line.
        XCTAssertEqual(
            text.wrap("検証損失の推移、エポックごとの変化", maxWidth: 120, size: 10),
            ["検証損失の推移、", "エポックごとの変化"])
        XCTAssertEqual(
            text.wrap("validation loss per epoch", maxWidth: 100, size: 10), ["validation loss", "per epoch"])
        XCTAssertEqual(text.wrap("あいうえおかきくけこさしすせそ", maxWidth: 50, size: 10), ["あいうえお", "かきくけこ", "さしすせそ"])
        XCTAssertEqual(text.wrap("", maxWidth: 5, size: 10), [""])
    }

    func testBarLimitsCutBars() throws {
        let chart = Chart(
            title: nil,
            kind: .bar(
                BarChart(
                    categories: ["a", "b"], series: [BarSeries(label: "", values: [0.98, 0.99])],
                    yLimits: 0.97...1.0)))
        let scene = try chart.layout(measurer: measurer)
        let plot = scene.plotAreas[0]
        let bars = scene.primitives.compactMap { p -> Rect? in
            if case .rect(let r, let fill, nil, _) = p, fill != .white { return r }
            return nil
        }
        XCTAssertEqual(bars.count, 2)
        XCTAssertTrue(bars.allSatisfy { plot.contains($0) && abs($0.maxY - plot.maxY) < 1e-9 })
        XCTAssertEqual(scene.yTicks.first!, 0.97, accuracy: 1e-12)
    }

    func testManyCategoriesTurnVertical() throws {
        let names = (0..<30).map { "category \($0)" }
        let chart = Chart(
            title: nil,
            kind: .bar(
                BarChart(categories: names, series: [BarSeries(label: "", values: names.indices.map(Double.init))])))
        let scene = try chart.layout(measurer: measurer)
        XCTAssertTrue(scene.texts.filter { $0.text.hasPrefix("category") }.allSatisfy(\.rotated))
        assertReadable(scene, "30 categories")
    }

    func testInvalidDataMessages() {
        let cases: [(ChartKind, String)] = [
            (.line(LineChart(series: [])), "line chart has no series"),
            (
                .line(LineChart(series: [LineSeries(label: "val", x: [1, 2], y: [1])])),
                "line series 'val' has 2 x values but 1 y values"
            ),
            (
                .line(LineChart(series: [LineSeries(label: "a", x: [1], y: [0])], yScale: .log)),
                "line chart has no point to draw (log axes need values > 0)"
            ),
            (
                .bar(BarChart(categories: ["a", "b"], series: [BarSeries(label: "s", values: [1])])),
                "bar series 's' has 1 values for 2 categories"
            ),
            (
                .histogram(HistogramChart(series: [HistogramSeries(label: "w", values: [.nan])])),
                "histogram has no finite value"
            ),
            (
                .histogram(HistogramChart(series: [HistogramSeries(label: "w", values: [1])], bins: 0)),
                "histogram needs at least 1 bin, got 0"
            ),
            (
                .imageGrid(ImageGrid(images: [GridImage(width: 2, height: 2, pixels: [0], caption: "x")], columns: 2)),
                "image 1 ('x') has 1 pixels for 2x2"
            ),
            (
                .heatmap(Heatmap(rowLabels: ["a", "b"], columnLabels: ["x", "y"], values: [[1, 2], [1, 2, 3]])),
                "heatmap row 2 has 3 values, expected 2"
            ),
        ]
        for (kind, message) in cases {
            XCTAssertThrowsError(try Chart(title: nil, kind: kind).layout(measurer: measurer)) { error in
                XCTAssertEqual((error as? ChartError)?.description, message)
                XCTAssertEqual((error as? ChartError)?.kind, .invalidData)
            }
        }
    }

    func testHistogramBinsFollowNumpy() throws {
        let h = HistogramChart(series: [HistogramSeries(label: "", values: [0, 0.5, 1, 1, 2])], bins: 4)
        let edges = try h.edges()
        XCTAssertEqual(edges, [0, 0.5, 1, 1.5, 2])
        XCTAssertEqual(HistogramChart.counts([0, 0.5, 1, 1, 2], edges: edges), [1, 1, 2, 1])
    }
}
