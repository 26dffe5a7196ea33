import CCairo
import Foundation

/// Renders charts with Cairo: PNG at `scale` x the figure size (2x by default: a 640x480 figure
/// becomes 1280x960 pixels, sharp on high-density screens), or SVG.
public struct ChartRenderer: Sendable {
    /// Device pixels per figure px for PNG output.
    public var scale: Double

    public init(scale: Double = 2) {
        precondition(scale > 0 && scale.isFinite, "scale must be positive")
        self.scale = scale
    }

    /// The chart as PNG bytes (RGB, no alpha), `ceil(width * scale)` x `ceil(height * scale)`.
    public func png(_ chart: Chart) throws -> Data {
        let measurer = try CairoTextMeasurer(family: chart.fontFamily)
        let scene = try chart.layout(measurer: measurer)
        let surface = try CairoSurface.image(
            width: Int((scene.width * scale).rounded(.up)),
            height: Int((scene.height * scale).rounded(.up)))
        let context = try CairoContext(surface)
        cairo_scale(context.pointer, scale, scale)
        try CairoSceneDrawer(context: context, fonts: measurer).draw(scene)
        try measurer.check()
        return Data(try surface.pngData())
    }

    /// The chart as an SVG document, sized `width` x `height` px; text drawn as glyph outlines.
    public func svg(_ chart: Chart) throws -> Data {
        let measurer = try CairoTextMeasurer(family: chart.fontFamily)
        let scene = try chart.layout(measurer: measurer)
        let bytes: [UInt8]
        do {
            let surface = try CairoSurface.svg(width: scene.width, height: scene.height)
            let context = try CairoContext(surface)
            try CairoSceneDrawer(context: context, fonts: measurer).draw(scene)
            try context.check("drawing SVG")
            bytes = try surface.finish()
        }
        try measurer.check()
        return Data(bytes)
    }
}
