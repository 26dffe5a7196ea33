import CCairo
import Foundation

/// Draws a `Scene` on a Cairo context, in figure coordinates (scaled by the context's CTM).
struct CairoSceneDrawer {
    let context: CairoContext
    let fonts: CairoTextMeasurer

    func draw(_ scene: Scene) throws {
        let cr = context.pointer
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        for p in scene.primitives {
            switch p {
            case .rect(let r, let fill, let stroke, let radius):
                path(r, radius: radius)
                if let fill {
                    setColor(fill)
                    cairo_fill_preserve(cr)
                }
                if let stroke {
                    apply(stroke)
                    cairo_stroke_preserve(cr)
                }
                cairo_new_path(cr)
            case .polyline(let points, let stroke, let clip):
                guard !points.isEmpty else { continue }
                cairo_save(cr)
                self.clip(to: clip)
                trace(points)
                apply(stroke)
                cairo_stroke(cr)
                cairo_restore(cr)
            case .polygon(let points, let fill, let clip):
                guard !points.isEmpty else { continue }
                cairo_save(cr)
                self.clip(to: clip)
                trace(points)
                cairo_close_path(cr)
                setColor(fill)
                cairo_fill(cr)
                cairo_restore(cr)
            case .markers(let centers, let radius, let fill, let clip):
                cairo_save(cr)
                self.clip(to: clip)
                setColor(fill)
                for c in centers {
                    cairo_new_sub_path(cr)
                    cairo_arc(cr, c.x, c.y, radius, 0, 2 * Double.pi)
                }
                cairo_fill(cr)
                cairo_restore(cr)
            case .text(let t):
                try text(t)
            case .image(let w, let h, let pixels, let frame):
                try image(width: w, height: h, pixels: pixels, frame: frame)
            }
            try context.check("drawing \(p)")
        }
    }

    private func path(_ r: Rect, radius: Double) {
        let cr = context.pointer
        cairo_new_path(cr)
        guard radius > 0 else {
            cairo_rectangle(cr, r.x, r.y, r.width, r.height)
            return
        }
        let k = min(radius, r.width / 2, r.height / 2)
        cairo_arc(cr, r.maxX - k, r.minY + k, k, -Double.pi / 2, 0)
        cairo_arc(cr, r.maxX - k, r.maxY - k, k, 0, Double.pi / 2)
        cairo_arc(cr, r.minX + k, r.maxY - k, k, Double.pi / 2, Double.pi)
        cairo_arc(cr, r.minX + k, r.minY + k, k, Double.pi, 3 * Double.pi / 2)
        cairo_close_path(cr)
    }

    /// Restricts drawing to `rect` until the next `cairo_restore` (nothing when nil).
    private func clip(to rect: Rect?) {
        guard let rect else { return }
        let cr = context.pointer
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
    }

    /// A path through `points` in order (not closed); `points` is not empty.
    private func trace(_ points: [Point]) {
        let cr = context.pointer
        cairo_move_to(cr, points[0].x, points[0].y)
        for q in points.dropFirst() { cairo_line_to(cr, q.x, q.y) }
    }

    private func setColor(_ c: Color) { cairo_set_source_rgba(context.pointer, c.r, c.g, c.b, c.a) }

    private func apply(_ s: Stroke) {
        let cr = context.pointer
        setColor(s.color)
        cairo_set_line_width(cr, s.width)
        s.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
    }

    private func text(_ t: TextItem) throws {
        let cr = context.pointer
        cairo_save(cr)
        cairo_select_font_face(cr, fonts.face(for: t.text), CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, t.size)
        var e = cairo_text_extents_t()
        cairo_text_extents(cr, t.text, &e)
        let start: Double
        switch t.align {
        case .left: start = 0
        case .center: start = -e.x_advance / 2
        case .right: start = -e.x_advance
        }
        setColor(t.color)
        cairo_translate(cr, t.anchor.x, t.anchor.y)
        if t.rotated { cairo_rotate(cr, -Double.pi / 2) }
        cairo_move_to(cr, start, 0)
        cairo_show_text(cr, t.text)
        cairo_restore(cr)
    }

    /// A gray_r image: value v becomes gray 255 - v, scaled with nearest neighbour into `frame`.
    private func image(width: Int, height: Int, pixels: [UInt8], frame: Rect) throws {
        let surface = try CairoSurface.image(width: width, height: height)
        try surface.withPixels { data, stride in
            for y in 0..<height {
                let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<width {
                    let g = UInt32(255 - pixels[y * width + x])
                    row[x] = 0xff00_0000 | (g << 16) | (g << 8) | g
                }
            }
        }
        let cr = context.pointer
        cairo_save(cr)
        cairo_translate(cr, frame.x, frame.y)
        cairo_scale(cr, frame.width / Double(width), frame.height / Double(height))
        cairo_set_source_surface(cr, surface.pointer, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST)
        cairo_rectangle(cr, 0, 0, Double(width), Double(height))
        cairo_fill(cr)
        cairo_restore(cr)
    }
}
