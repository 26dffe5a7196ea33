import CCairo

/// An owned `cairo_surface_t`, destroyed in deinit; creation checks the surface's status
/// (a failed create returns a surface in an error state, never NULL).
final class CairoSurface {
    let pointer: OpaquePointer
    /// Keeps a stream sink alive as long as the surface may write to it.
    let sink: CairoDataSink?

    private init(_ pointer: OpaquePointer, sink: CairoDataSink? = nil, what: String) throws {
        self.pointer = pointer
        self.sink = sink
        try CairoStatus.check(cairo_surface_status(pointer), what)
    }

    /// An image surface of `width` x `height` pixels, RGB24 (opaque) or ARGB32.
    static func image(width: Int, height: Int, alpha: Bool = false) throws -> CairoSurface {
        let format = alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24
        // Cairo's image surfaces are at most 32767 px a side; a larger request is an error, never a
        // trap converting to Int32 (Cairo itself reports sizes below 1).
        guard width <= 32767, height <= 32767, width > Int(Int32.min), height > Int(Int32.min) else {
            throw ChartError(.cairo, "an image of \(width)x\(height) px is larger than Cairo can draw (32767 px a side)")
        }
        return try CairoSurface(
            cairo_image_surface_create(format, Int32(width), Int32(height))!,
            what: "image surface \(width)x\(height)")
    }

    /// An SVG surface of `width` x `height` px streaming its document into a new sink.
    static func svg(width: Double, height: Double) throws -> CairoSurface {
        let sink = CairoDataSink()
        let s = try CairoSurface(
            cairo_svg_surface_create_for_stream(CairoDataSink.write, sink.closure, width, height)!,
            sink: sink, what: "SVG surface")
        cairo_svg_surface_set_document_unit(s.pointer, CAIRO_SVG_UNIT_PX)
        try s.check("SVG document unit")
        return s
    }

    /// A surface decoded from PNG bytes.
    static func png(_ bytes: [UInt8]) throws -> CairoSurface {
        let source = CairoDataSource(bytes)
        return try withExtendedLifetime(source) {
            try CairoSurface(
                cairo_image_surface_create_from_png_stream(CairoDataSource.read, source.closure)!,
                what: "PNG decoding")
        }
    }

    deinit { cairo_surface_destroy(pointer) }

    func check(_ what: String) throws { try CairoStatus.check(cairo_surface_status(pointer), what) }

    var width: Int { Int(cairo_image_surface_get_width(pointer)) }
    var height: Int { Int(cairo_image_surface_get_height(pointer)) }
    var stride: Int { Int(cairo_image_surface_get_stride(pointer)) }

    /// Writes the pixels with `body(data, stride)` between a flush and a mark-dirty.
    func withPixels<T>(_ body: (UnsafeMutablePointer<UInt8>, Int) throws -> T) throws -> T {
        cairo_surface_flush(pointer)
        guard let data = cairo_image_surface_get_data(pointer) else {
            throw ChartError(.cairo, "Cairo image surface has no pixel data")
        }
        defer { cairo_surface_mark_dirty(pointer) }
        return try body(data, stride)
    }

    /// The image encoded as PNG.
    func pngData() throws -> [UInt8] {
        cairo_surface_flush(pointer)
        let sink = CairoDataSink()
        try withExtendedLifetime(sink) {
            try CairoStatus.check(
                cairo_surface_write_to_png_stream(pointer, CairoDataSink.write, sink.closure), "PNG encoding")
        }
        return sink.bytes
    }

    /// Finishes a stream surface (an SVG document is complete only then) and returns its bytes.
    func finish() throws -> [UInt8] {
        cairo_surface_finish(pointer)
        try check("finishing the surface")
        return sink?.bytes ?? []
    }
}
