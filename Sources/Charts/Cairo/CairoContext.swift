import CCairo

/// An owned `cairo_t` drawing on a `CairoSurface`, destroyed in deinit.
final class CairoContext {
    let pointer: OpaquePointer
    let surface: CairoSurface

    init(_ surface: CairoSurface) throws {
        self.surface = surface
        pointer = cairo_create(surface.pointer)!
        try check("cairo_create")
        // Unhinted metrics: text measures the same at any scale, so layout done at 1x holds at 2x.
        let options = try CairoFontOptions()
        cairo_set_font_options(pointer, options.pointer)
        try check("setting font options")
    }

    deinit { cairo_destroy(pointer) }

    func check(_ what: @autoclosure () -> String) throws { try CairoStatus.check(cairo_status(pointer), what()) }
}

/// Owned `cairo_font_options_t`: gray antialiasing, no hinting, unhinted metrics.
final class CairoFontOptions {
    let pointer: OpaquePointer

    init() throws {
        pointer = cairo_font_options_create()!
        try CairoStatus.check(cairo_font_options_status(pointer), "cairo_font_options_create")
        cairo_font_options_set_antialias(pointer, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(pointer, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(pointer, CAIRO_HINT_METRICS_OFF)
    }

    deinit { cairo_font_options_destroy(pointer) }
}
