/// Geometry of a 2-D sliding window (convolution or pooling) over an HWC sample, TensorFlow rules.
///
/// Output size: valid `(n - k) / s + 1`; same `ceil(n / s)` with total padding
/// `max((out - 1) s + k - n, 0)`, the smaller half before (top/left), the rest after.
struct WindowGeometry: Equatable {
    let height, width, channels: Int
    let kernelHeight, kernelWidth: Int
    let strideY, strideX: Int
    let outHeight, outWidth: Int
    let padTop, padLeft: Int

    init(input: [Int], kernel: [Int], strides: [Int], padding: Padding) {
        precondition(input.count == 3, "window needs an HWC input")
        height = input[0]
        width = input[1]
        channels = input[2]
        kernelHeight = kernel[0]
        kernelWidth = kernel.count > 1 ? kernel[1] : kernel[0]
        strideY = strides[0]
        strideX = strides.count > 1 ? strides[1] : strides[0]
        switch padding {
        case .valid:
            outHeight = (height - kernelHeight) / strideY + 1
            outWidth = (width - kernelWidth) / strideX + 1
            padTop = 0
            padLeft = 0
        case .same:
            outHeight = (height + strideY - 1) / strideY
            outWidth = (width + strideX - 1) / strideX
            padTop = max((outHeight - 1) * strideY + kernelHeight - height, 0) / 2
            padLeft = max((outWidth - 1) * strideX + kernelWidth - width, 0) / 2
        }
    }

    var inputSize: Int { height * width * channels }
    var outputPixels: Int { outHeight * outWidth }
    /// Columns of the im2col matrix: kh * kw * channels, ordered (ky, kx, c) like a Keras kernel.
    var patchSize: Int { kernelHeight * kernelWidth * channels }

    /// im2col of one sample: row p = (oy, ox), column (ky, kx, c); zeros outside the input.
    func im2col(_ x: UnsafePointer<Float>, _ col: UnsafeMutablePointer<Float>) {
        let rowLength = kernelWidth * channels
        var out = col
        for oy in 0..<outHeight {
            for ox in 0..<outWidth {
                let x0 = ox * strideX - padLeft
                for ky in 0..<kernelHeight {
                    let iy = oy * strideY - padTop + ky
                    if iy < 0 || iy >= height {
                        out.update(repeating: 0, count: rowLength)
                    } else if x0 >= 0 && x0 + kernelWidth <= width {
                        let src = x + (iy * width + x0) * channels
                        if rowLength <= 16 {
                            for j in 0..<rowLength { out[j] = src[j] }
                        } else {
                            out.update(from: src, count: rowLength)
                        }
                    } else {
                        for kx in 0..<kernelWidth {
                            let ix = x0 + kx
                            let dst = out + kx * channels
                            if ix < 0 || ix >= width {
                                dst.update(repeating: 0, count: channels)
                            } else {
                                dst.update(from: x + (iy * width + ix) * channels, count: channels)
                            }
                        }
                    }
                    out += rowLength
                }
            }
        }
    }

    /// col2im of one sample: dx += scatter of col (the adjoint of `im2col`); dx must be zeroed.
    func col2imAdd(_ col: UnsafePointer<Float>, _ dx: UnsafeMutablePointer<Float>) {
        var src = col
        for oy in 0..<outHeight {
            for ox in 0..<outWidth {
                for ky in 0..<kernelHeight {
                    let iy = oy * strideY - padTop + ky
                    for kx in 0..<kernelWidth {
                        let ix = ox * strideX - padLeft + kx
                        if iy >= 0 && iy < height && ix >= 0 && ix < width {
                            let dst = dx + (iy * width + ix) * channels
                            for c in 0..<channels { dst[c] += src[c] }
                        }
                        src += channels
                    }
                }
            }
        }
    }
}
