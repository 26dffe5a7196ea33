import CCairo

/// Turns a Cairo status into a thrown `ChartError` naming the call that failed.
enum CairoStatus {
    static func check(_ status: cairo_status_t, _ what: @autoclosure () -> String) throws {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw ChartError(.cairo, "Cairo \(what()) failed: \(String(cString: cairo_status_to_string(status)))")
    }
}

/// Bytes Cairo streams out (PNG or SVG), collected through a `cairo_write_func_t`.
final class CairoDataSink {
    var bytes: [UInt8] = []

    /// The C callback: `closure` is an unretained `CairoDataSink`.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<CairoDataSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }

    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

/// Bytes Cairo reads in (a PNG), served through a `cairo_read_func_t`.
final class CairoDataSource {
    let bytes: [UInt8]
    var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    static let read: cairo_read_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
        let source = Unmanaged<CairoDataSource>.fromOpaque(closure).takeUnretainedValue()
        let n = Int(length)
        guard source.offset + n <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
        source.bytes.withUnsafeBufferPointer { buf in
            data.update(from: buf.baseAddress! + source.offset, count: n)
        }
        source.offset += n
        return CAIRO_STATUS_SUCCESS
    }

    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}
