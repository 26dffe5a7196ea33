extension Chart {
    /// The chart laid out with `measurer`: every primitive in figure coordinates.
    /// Throws `ChartError` (`.invalidData`) for charts with nothing to draw or mismatched data.
    public func layout(measurer: TextMeasurer) throws -> Scene {
        guard width >= 50, height >= 50, width.isFinite, height.isFinite else {
            throw ChartError.data("chart size \(width)x\(height) is too small (at least 50x50)")
        }
        let t = title
        switch kind {
        case .line(let c):
            return try c.layout(title: t, width: width, height: height, measurer: measurer, fontFamily: fontFamily)
        case .bar(let c):
            return try c.layout(title: t, width: width, height: height, measurer: measurer, fontFamily: fontFamily)
        case .histogram(let c):
            return try c.layout(title: t, width: width, height: height, measurer: measurer, fontFamily: fontFamily)
        case .imageGrid(let c):
            return try c.layout(title: t, width: width, height: height, measurer: measurer, fontFamily: fontFamily)
        case .heatmap(let c):
            return try c.layout(title: t, width: width, height: height, measurer: measurer, fontFamily: fontFamily)
        }
    }
}
