import CCairo

/// Measures and resolves text with Cairo's toy font API.
///
/// The toy API uses exactly one face per call, with no per-glyph fallback: a string the chosen
/// family lacks glyphs for would come out as boxes. So each string gets the first family of
/// `[family] + fallbacks` whose face maps every character to a real glyph (index != 0); the
/// drawing backend uses the same choice, so layout and drawing agree.
public final class CairoTextMeasurer: TextMeasurer {
    public let family: String
    public let fallbacks: [String]
    private let context: CairoContext
    private var faces: [String: String] = [:]

    /// Fallbacks cover Japanese (Noto Sans CJK JP, Debian fonts-noto-cjk) and Latin and symbols
    /// (DejaVu Sans, matplotlib's default face).
    public init(family: String = "Noto Sans CJK JP", fallbacks: [String] = ["Noto Sans CJK JP", "DejaVu Sans"]) throws {
        self.family = family
        self.fallbacks = fallbacks.filter { $0 != family }
        context = try CairoContext(try CairoSurface.image(width: 1, height: 1))
    }

    /// The family to draw `text` with: the first that has all its glyphs (else `family`).
    public func face(for text: String) -> String {
        if let f = faces[text] { return f }
        let chosen = ([family] + fallbacks).first { missingGlyphs(text, family: $0) == 0 } ?? family
        faces[text] = chosen
        return chosen
    }

    /// How many characters of `text` the toy face of `family` maps to glyph 0 (.notdef, a box).
    public func missingGlyphs(_ text: String, family: String) -> Int {
        let cr = context.pointer
        cairo_select_font_face(cr, family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, 10)
        guard let font = cairo_get_scaled_font(cr), cairo_scaled_font_status(font) == CAIRO_STATUS_SUCCESS else {
            return text.unicodeScalars.count
        }
        var glyphs: UnsafeMutablePointer<cairo_glyph_t>?
        var count: Int32 = 0
        let utf8 = Array(text.utf8)
        let status = utf8.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) {
                cairo_scaled_font_text_to_glyphs(
                    font, 0, 0, $0.baseAddress, Int32(buf.count), &glyphs, &count, nil, nil, nil)
            }
        }
        defer { if glyphs != nil { cairo_glyph_free(glyphs) } }
        guard status == CAIRO_STATUS_SUCCESS, let glyphs else { return text.unicodeScalars.count }
        return (0..<Int(count)).filter { glyphs[$0].index == 0 }.count
    }

    public func measure(_ text: String, size: Double) -> TextMetrics {
        if text.isEmpty { return TextMetrics(width: 0, ascent: 0, descent: 0) }
        let cr = context.pointer
        cairo_select_font_face(cr, face(for: text), CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, size)
        var e = cairo_text_extents_t()
        cairo_text_extents(cr, text, &e)
        return TextMetrics(width: e.x_advance, ascent: max(0, -e.y_bearing), descent: max(0, e.height + e.y_bearing))
    }

    /// Fails when the measuring context went into an error state.
    func check() throws { try context.check("text measurement") }
}
