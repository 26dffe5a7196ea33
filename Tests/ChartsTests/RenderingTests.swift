import XCTest

@testable import Charts

/// Renders the sample charts with Cairo and compares them with the reference PNGs in
/// Reference/ with a pixel tolerance: a pixel differs when a channel moves by more than 48/255;
/// at most 0.2% of pixels may differ (font rasteriser updates shift antialiasing, not layout).
/// NBRUN_RECORD=1 re-records the references. On failure a diff image (differing pixels red)
/// is written next to the test's temporary directory and its path printed.
final class RenderingTests: XCTestCase {
    static let referenceDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Reference")
    static let threshold = 48
    static let allowedFraction = 0.002

    func testSampleChartsMatchReferences() throws {
        let renderer = ChartRenderer()
        let record = ProcessInfo.processInfo.environment["NBRUN_RECORD"] == "1"
        for (name, chart) in SampleCharts.all {
            let png = try renderer.png(chart)
            let image = try RasterImage(png: png)
            XCTAssertEqual(image.width, Int(chart.width * 2), name)
            XCTAssertEqual(image.height, Int(chart.height * 2), name)
            let url = Self.referenceDir.appendingPathComponent("\(name).png")
            if record || !FileManager.default.fileExists(atPath: url.path) {
                try FileManager.default.createDirectory(at: Self.referenceDir, withIntermediateDirectories: true)
                try png.write(to: url)
                if !record { XCTFail("no reference for \(name): recorded \(url.path); check it and commit it") }
                continue
            }
            let reference = try RasterImage(png: Data(contentsOf: url))
            let (fraction, diff) = reference.compare(to: image, threshold: Self.threshold)
            if fraction > Self.allowedFraction {
                let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nbrun-chart-diffs")
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                let diffURL = dir.appendingPathComponent("\(name)-diff.png")
                let actualURL = dir.appendingPathComponent("\(name)-actual.png")
                try diff.png().write(to: diffURL)
                try png.write(to: actualURL)
                XCTFail(
                    String(
                        format: "%@: %.3f%% of pixels differ from %@ (allowed %.1f%%); diff %@, actual %@",
                        name, fraction * 100, url.path, Self.allowedFraction * 100, diffURL.path, actualURL.path))
            }
        }
    }

    func testRenderingIsDeterministic() throws {
        let r = ChartRenderer()
        XCTAssertEqual(try r.png(BlogCurves.lossChart()), try r.png(BlogCurves.lossChart()))
    }

    func testComparisonDetectsAChange() throws {
        let r = ChartRenderer(scale: 1)
        let a = try RasterImage(png: r.png(BlogCurves.lossChart()))
        let b = try RasterImage(png: r.png(BlogCurves.lossChart(title: "Loss (changed)")))
        XCTAssertEqual(a.compare(to: a, threshold: Self.threshold).fraction, 0)
        XCTAssertGreaterThan(a.compare(to: b, threshold: Self.threshold).fraction, 0.0005)
    }

    func testSVGIsADocument() throws {
        let svg = String(decoding: try ChartRenderer().svg(BlogCurves.accuracyChart()), as: UTF8.self)
        XCTAssertTrue(svg.hasPrefix("<?xml"), String(svg.prefix(80)))
        XCTAssertTrue(svg.contains("width=\"640px\""), String(svg.prefix(300)))
        XCTAssertTrue(svg.hasSuffix("</svg>\n") || svg.hasSuffix("</svg>"))
    }

    func testJapaneseHasGlyphsInTheCJKFace() throws {
        let m = try CairoTextMeasurer()
        XCTAssertEqual(m.missingGlyphs("精度（ドロップアウト）エポック", family: "Noto Sans CJK JP"), 0)
        XCTAssertEqual(m.face(for: "検証精度"), "Noto Sans CJK JP")
        // A face without kana would draw boxes; the measurer moves such strings to a fallback.
        let latinOnly = try CairoTextMeasurer(family: "DejaVu Sans")
        XCTAssertGreaterThan(latinOnly.missingGlyphs("精度", family: "DejaVu Sans"), 0)
        XCTAssertEqual(latinOnly.face(for: "精度"), "Noto Sans CJK JP")
        XCTAssertEqual(latinOnly.face(for: "Accuracy"), "DejaVu Sans")
    }

    func testCairoFailureIsAnError() {
        XCTAssertThrowsError(try CairoSurface.image(width: -4, height: 10)) { error in
            let e = error as? ChartError
            XCTAssertEqual(e?.kind, .cairo)
            XCTAssertEqual(e?.description.hasPrefix("Cairo image surface -4x10 failed: "), true, "\(error)")
        }
        XCTAssertThrowsError(try RasterImage(png: Data("not a png".utf8))) { error in
            XCTAssertEqual((error as? ChartError)?.kind, .cairo)
        }
    }
}
