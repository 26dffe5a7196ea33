/// Reads labelled images from CSV text: one image per row, the label in the first column, then the
/// pixel values (integers 0...255), comma-separated. An optional header row is recognised by a
/// first field that is not an integer. Blank lines, `\r\n` endings, a UTF-8 byte-order mark and
/// spaces around fields are accepted.
///
/// Image shape: `n` pixels per row with `n` a perfect square (784 -> 28x28) give square one-channel
/// images; any other `n` gives `1 x n x 1`. All rows must have the same number of fields.
enum CSVImageReader {
    /// Parses `bytes`; `name` is the file shown in error messages (as `name:line`).
    static func parse(_ bytes: [UInt8], name: String) throws -> ImageSet {
        try bytes.withUnsafeBufferPointer { try parse(buffer: $0, name: name) }
    }

    private static let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    private static let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")

    private static func parse(buffer b: UnsafeBufferPointer<UInt8>, name: String) throws -> ImageSet {
        let n = b.count
        var i = 0
        if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        var line = 1

        // Skip blank lines, then a header row if the first field is not an integer.
        skipBlankLines(b, &i, &line)
        if i < n, !startsWithInteger(b, i) {
            while i < n, b[i] != newline { i += 1 }
            if i < n {
                i += 1
                line += 1
            }
            skipBlankLines(b, &i, &line)
        }
        guard i < n else { throw DatasetError("\(name) has no data rows") }

        // The first data row fixes the number of fields.
        let firstRowLine = line
        var first = [UInt8]()
        var j = i
        try parseRow(b, &j, line: line, name: name) { first.append($0) }
        let pixelsPerRow = first.count - 1
        guard pixelsPerRow >= 1 else {
            throw DatasetError(
                "\(name):\(firstRowLine): a row needs a label and at least one pixel value, found \(first.count) field")
        }

        // Upper bound on the number of rows: newlines from here on, plus one.
        var rowsBound = 1
        for k in i..<n where b[k] == newline { rowsBound += 1 }

        var labels = [UInt8]()
        labels.reserveCapacity(rowsBound)
        var failure: DatasetError?
        var rows = 0
        let pixels = [UInt8](unsafeUninitializedCapacity: rowsBound * pixelsPerRow) { out, initialized in
            var written = 0
            do {
                while true {
                    skipBlankLines(b, &i, &line)
                    if i >= n { break }
                    var field = 0
                    try parseRow(b, &i, line: line, name: name) { value in
                        if field == 0 {
                            labels.append(value)
                        } else if field <= pixelsPerRow {
                            out[written] = value
                            written += 1
                        }
                        field += 1
                    }
                    guard field == pixelsPerRow + 1 else {
                        throw DatasetError(
                            "\(name):\(line): \(field) fields, but line \(firstRowLine) has \(pixelsPerRow + 1) (a label and \(pixelsPerRow) pixels)"
                        )
                    }
                    rows += 1
                    line += 1
                }
            } catch let error as DatasetError {
                failure = error
            } catch {
                failure = DatasetError("\(name): \(error)")
            }
            initialized = written
        }
        if let failure { throw failure }
        let side = Int(Double(pixelsPerRow).squareRoot().rounded())
        let (height, width) = side * side == pixelsPerRow ? (side, side) : (1, pixelsPerRow)
        return ImageSet(
            count: rows, height: height, width: width, channels: 1,
            pixels: Array(pixels[0..<rows * pixelsPerRow]), labels: labels)
    }

    /// Parses one row starting at `i` (which must not be blank), calling `emit` for each integer
    /// field; leaves `i` after the row's newline (or at the end).
    @inline(__always)
    private static func parseRow(
        _ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, line: Int, name: String,
        emit: (UInt8) -> Void
    ) throws {
        let n = b.count
        let rowStart = i
        var column = 1
        while true {
            while i < n, b[i] == space || b[i] == tab { i += 1 }
            let fieldStart = i
            var value = 0
            var digits = 0
            while i < n, b[i] >= zero, b[i] <= nine {
                value = value &* 10 &+ Int(b[i] &- zero)
                digits += 1
                i += 1
                if digits > 3 {
                    while i < n, b[i] >= zero, b[i] <= nine { i += 1 }
                    break
                }
            }
            while i < n, b[i] == space || b[i] == tab { i += 1 }
            let end = i >= n || b[i] == comma || b[i] == newline || b[i] == cr
            guard digits > 0, digits <= 3, end, value <= 255 else {
                // The file's text is not echoed (it may be anything); its place and kind of fault are.
                let fault =
                    digits == 0 && end ? "is empty" : !end || digits == 0 ? "is not an integer" : "is above 255"
                throw DatasetError(
                    "\(name):\(line):\(fieldStart - rowStart + 1): field \(column) \(fault); expected an integer from 0 to 255"
                )
            }
            emit(UInt8(value))
            if i >= n { return }
            if b[i] == comma {
                i += 1
                column += 1
                continue
            }
            if b[i] == cr { i += 1 }
            if i < n, b[i] == newline { i += 1 }
            return
        }
    }

    private static func skipBlankLines(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ line: inout Int) {
        let n = b.count
        while i < n {
            var k = i
            while k < n, b[k] == space || b[k] == tab || b[k] == cr { k += 1 }
            if k < n, b[k] == newline {
                i = k + 1
                line += 1
                continue
            }
            if k >= n { i = n }
            return
        }
    }

    private static func startsWithInteger(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        var i = start
        while i < b.count, b[i] == space || b[i] == tab { i += 1 }
        var digits = 0
        while i < b.count, b[i] >= zero, b[i] <= nine {
            i += 1
            digits += 1
        }
        while i < b.count, b[i] == space || b[i] == tab { i += 1 }
        return digits > 0 && (i >= b.count || b[i] == comma || b[i] == newline || b[i] == cr)
    }
}
