/// Keras `MaxPooling2D` and `AveragePooling2D` (channels_last), TensorFlow padding rules.
///
/// Max: y = max over the window's cells inside the input (padding never wins); the position of the
/// first maximum is kept so the gradient goes to that one element. Average: y = mean over the
/// window's cells inside the input (padded cells are not counted, as TensorFlow's avg_pool).
final class Pool2DLayer: Layer {
    enum Kind { case max, average }
    let kind: Kind
    let geometry: WindowGeometry
    let parameters: [Parameter] = []
    var inputSize: Int { geometry.inputSize }
    var outputSize: Int { geometry.outputPixels * geometry.channels }
    private let argmax = IndexBuffer(count: 1)
    /// Set by `Network` when the preceding Conv2D computes this pooling (Conv2DLayer+FusedPool):
    /// the layer is then a view of the convolution's (pooled) output and does nothing.
    var fusedIntoConv = false
    var isView: Bool { fusedIntoConv }

    init(kind: Kind, input: [Int], poolSize: [Int], strides: [Int]?, padding: Padding) {
        self.kind = kind
        geometry = WindowGeometry(input: input, kernel: poolSize, strides: strides ?? poolSize, padding: padding)
    }

    func reserve(batch: Int) {
        if kind == .max && !fusedIntoConv { argmax.reserve(batch * outputSize) }
    }

    /// The input rows and columns a window covers, clipped to the input.
    @inline(__always) private func window(_ oy: Int, _ ox: Int) -> (Range<Int>, Range<Int>) {
        let g = geometry
        let y0 = oy * g.strideY - g.padTop
        let x0 = ox * g.strideX - g.padLeft
        return (max(y0, 0)..<min(y0 + g.kernelHeight, g.height), max(x0, 0)..<min(x0 + g.kernelWidth, g.width))
    }

    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, pass: Pass) {
        if fusedIntoConv { return }
        reserve(batch: batch)
        let g = geometry
        let c = g.channels
        let outSize = outputSize
        let arg = argmax.pointer
        let tiled = kind == .max && g.padTop == 0 && g.padLeft == 0
        WorkSplit.run(chunks: batch, threads: pass.threads) { s, _ in
            let xs = x + s * g.inputSize
            let ys = y + s * outSize
            let args = arg + s * outSize
            if tiled {
                Self.maxPoolSample(xs, ys, args, g)
                return
            }
            for oy in 0..<g.outHeight {
                for ox in 0..<g.outWidth {
                    let (rows, cols) = window(oy, ox)
                    let o = (oy * g.outWidth + ox) * c
                    switch kind {
                    case .max:
                        Self.maxWindow(xs, ys + o, args + o, rows: rows, cols: cols, width: g.width, channels: c)
                    case .average:
                        for ch in 0..<c { ys[o + ch] = 0 }
                        for iy in rows {
                            for ix in cols {
                                let base = (iy * g.width + ix) * c
                                for ch in 0..<c { ys[o + ch] += xs[base + ch] }
                            }
                        }
                        let scale = 1 / Float(rows.count * cols.count)
                        for ch in 0..<c { ys[o + ch] *= scale }
                    }
                }
            }
        }
    }

    func backward(
        x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
        dx: UnsafeMutablePointer<Float>?, batch: Int, pass: Pass
    ) {
        guard let dx, !fusedIntoConv else { return }
        let g = geometry
        let c = g.channels
        let outSize = outputSize
        let arg = UnsafePointer(argmax.pointer)
        WorkSplit.run(chunks: batch, threads: pass.threads) { s, _ in
            let dxs = dx + s * g.inputSize
            let dys = dy + s * outSize
            dxs.update(repeating: 0, count: g.inputSize)
            switch kind {
            case .max:
                let args = arg + s * outSize
                for o in 0..<outSize { dxs[Int(args[o])] += dys[o] }
            case .average:
                for oy in 0..<g.outHeight {
                    for ox in 0..<g.outWidth {
                        let (rows, cols) = window(oy, ox)
                        let o = (oy * g.outWidth + ox) * c
                        let scale = 1 / Float(rows.count * cols.count)
                        for iy in rows {
                            for ix in cols {
                                let base = (iy * g.width + ix) * c
                                for ch in 0..<c { dxs[base + ch] += dys[o + ch] * scale }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Max and first argmax over one window for every channel; cells visited row by row, so ties
    /// keep the first cell (as NumPy/TensorFlow argmax).
    @inline(__always)
    static func maxWindow(
        _ xs: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ arg: UnsafeMutablePointer<Int32>,
        rows: Range<Int>, cols: Range<Int>, width: Int, channels c: Int
    ) {
        let first = (rows.lowerBound * width + cols.lowerBound) * c
        for ch in 0..<c {
            y[ch] = xs[first + ch]
            arg[ch] = Int32(first + ch)
        }
        for iy in rows {
            for ix in cols {
                let base = (iy * width + ix) * c
                if base == first { continue }
                let cell = xs + base
                for ch in 0..<c {
                    let v = cell[ch]
                    let better = v > y[ch]
                    y[ch] = better ? v : y[ch]
                    arg[ch] = better ? Int32(base + ch) : arg[ch]
                }
            }
        }
    }

    /// Max pooling of one sample without padding: windows fully inside the input, cells visited row
    /// by row (ties keep the first), four channels at a time with branch-free selects.
    static func maxPoolSample(
        _ xs: UnsafePointer<Float>, _ ys: UnsafeMutablePointer<Float>,
        _ args: UnsafeMutablePointer<Int32>, _ g: WindowGeometry
    ) {
        let c = g.channels
        let rowStride = g.width * c
        let raw = UnsafeRawPointer(xs)
        let lanes = SIMD4<Int32>(0, 1, 2, 3)
        for oy in 0..<g.outHeight {
            for ox in 0..<g.outWidth {
                let first = (oy * g.strideY * g.width + ox * g.strideX) * c
                let o = (oy * g.outWidth + ox) * c
                var ch = 0
                while ch + 4 <= c {
                    var best = raw.loadUnaligned(fromByteOffset: (first + ch) * 4, as: SIMD4<Float>.self)
                    var at = lanes &+ Int32(truncatingIfNeeded: first + ch)
                    for k in 1..<(g.kernelHeight * g.kernelWidth) {
                        let index = first + (k / g.kernelWidth) * rowStride + (k % g.kernelWidth) * c + ch
                        let v = raw.loadUnaligned(fromByteOffset: index * 4, as: SIMD4<Float>.self)
                        let better = v .> best
                        best.replace(with: v, where: better)
                        at.replace(with: lanes &+ Int32(truncatingIfNeeded: index), where: better)
                    }
                    UnsafeMutableRawPointer(ys + o + ch).storeBytes(of: best, as: SIMD4<Float>.self)
                    UnsafeMutableRawPointer(args + o + ch).storeBytes(of: at, as: SIMD4<Int32>.self)
                    ch += 4
                }
                while ch < c {
                    var best = xs[first + ch]
                    var at = first + ch
                    for k in 1..<(g.kernelHeight * g.kernelWidth) {
                        let index = first + (k / g.kernelWidth) * rowStride + (k % g.kernelWidth) * c + ch
                        if xs[index] > best {
                            best = xs[index]
                            at = index
                        }
                    }
                    ys[o + ch] = best
                    args[o + ch] = Int32(truncatingIfNeeded: at)
                    ch += 1
                }
            }
        }
    }
}
