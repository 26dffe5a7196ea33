/// Keras 3 `RandomFlip(mode)`: in training each sample draws u uniform in [0, 1) from the pass's
/// generator and is mirrored when u <= 0.5 — across its width (`horizontal`), its height
/// (`vertical`) or both with the same draw (`horizontal_and_vertical`, as Keras 3 applies one
/// `flips` tensor to both axes). At inference y = x.
final class RandomFlipLayer: Layer {
    let inputSize: Int
    var outputSize: Int { inputSize }
    let parameters: [Parameter] = []
    let height: Int
    let width: Int
    let channels: Int
    let mode: FlipMode
    /// Whether each sample of the last training forward was flipped.
    private var flipped: [Bool] = []

    init(input: [Int], mode: FlipMode) {
        (height, width, channels) = (input[0], input[1], input[2])
        inputSize = height * width * channels
        self.mode = mode
    }

    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, pass: Pass) {
        flipped = pass.training ? (0..<batch).map { _ in pass.generator.nextUniformFloat() <= 0.5 } : []
        apply(x, y, batch: batch, threads: pass.threads)
    }

    func backward(
        x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
        dx: UnsafeMutablePointer<Float>?, batch: Int, pass: Pass
    ) {
        guard let dx else { return }
        apply(dy, dx, batch: batch, threads: pass.threads)  // a flip is its own transpose
    }

    /// Copies each sample of `source` to `target`, flipped where `flipped` says so.
    private func apply(_ source: UnsafePointer<Float>, _ target: UnsafeMutablePointer<Float>, batch: Int, threads: Int)
    {
        let chunks = WorkSplit.chunkCount(batch, minimum: 16)
        let h = mode != .vertical
        let v = mode != .horizontal
        WorkSplit.run(chunks: chunks, threads: threads) { c, _ in
            for i in WorkSplit.range(c, of: chunks, length: batch) {
                let s = source + i * inputSize
                let t = target + i * inputSize
                guard i < flipped.count, flipped[i] else {
                    t.update(from: s, count: inputSize)
                    continue
                }
                for row in 0..<height {
                    let sourceRow = v ? height - 1 - row : row
                    for column in 0..<width {
                        let sourceColumn = h ? width - 1 - column : column
                        (t + (row * width + column) * channels).update(
                            from: s + (sourceRow * width + sourceColumn) * channels, count: channels)
                    }
                }
            }
        }
    }
}
