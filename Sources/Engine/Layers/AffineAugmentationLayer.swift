/// Keras 3 `RandomRotation`, `RandomTranslation` and `RandomZoom`: in training each sample draws
/// its transform from the pass's generator (in sample order, before any work is split over
/// threads) and is resampled by `ImageResampler`; at inference y = x.
///
/// Transforms, as maps from output (x, y) to input coordinates on an H x W image (Keras 3):
/// - rotation by θ = 2π·u, u uniform in the factor range (positive is counter-clockwise), about
///   (cx, cy) = (W/2, H/2): x' = α·x + β·y + (1 − α)·cx − β·cy, y' = −β·x + α·y + β·cx + (1 − α)·cy,
///   α = cos θ, β = sin θ (Keras' `compute_affine_matrix` with scale 1, no shear or shift);
/// - translation by (dy, dx) = (u·H, v·W), u then v drawn: x' = x − dx, y' = y − dy;
/// - zoom by zy = 1 + u, zx = 1 + v (zx = zy without a width factor; > 1 zooms out):
///   x' = zx·x + (W − 1)/2·(1 − zx), y' = zy·y + (H − 1)/2·(1 − zy).
/// A draw is lower + (upper − lower)·r with r the generator's uniform Float in [0, 1).
final class AffineAugmentationLayer: Layer {
    enum Kind: Equatable {
        case rotation(FactorRange)
        case translation(height: FactorRange, width: FactorRange)
        case zoom(height: FactorRange, width: FactorRange?)
    }

    let inputSize: Int
    var outputSize: Int { inputSize }
    let parameters: [Parameter] = []
    let kind: Kind
    let resampler: ImageResampler
    /// The map of each sample of the last training forward (empty at inference).
    private var matrices: [ImageResampler.AffineMap] = []

    init(input: [Int], kind: Kind, options: ResamplingOptions) {
        resampler = ImageResampler(height: input[0], width: input[1], channels: input[2], options: options)
        inputSize = input[0] * input[1] * input[2]
        self.kind = kind
    }

    func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, batch: Int, pass: Pass) {
        guard pass.training else {
            matrices = []
            y.update(from: x, count: batch * inputSize)
            return
        }
        matrices = (0..<batch).map { _ in ImageResampler.AffineMap(matrix(generator: &pass.generator)) }
        let chunks = WorkSplit.chunkCount(batch, minimum: 8)
        WorkSplit.run(chunks: chunks, threads: pass.threads) { c, _ in
            for i in WorkSplit.range(c, of: chunks, length: batch) {
                resampler.forward(x + i * inputSize, y + i * inputSize, matrix: matrices[i])
            }
        }
    }

    func backward(
        x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
        dx: UnsafeMutablePointer<Float>?, batch: Int, pass: Pass
    ) {
        guard let dx else { return }
        guard !matrices.isEmpty else {
            dx.update(from: dy, count: batch * inputSize)
            return
        }
        let chunks = WorkSplit.chunkCount(batch, minimum: 8)
        WorkSplit.run(chunks: chunks, threads: pass.threads) { c, _ in
            for i in WorkSplit.range(c, of: chunks, length: batch) {
                resampler.backward(dy + i * inputSize, dx + i * inputSize, matrix: matrices[i])
            }
        }
    }

    /// One sample's draw and its map [a0, a1, a2, b0, b1, b2].
    func matrix(generator: inout SeededGenerator) -> [Double] {
        func draw(_ r: FactorRange) -> Double {
            r.lower + (r.upper - r.lower) * Double(generator.nextUniformFloat())
        }
        switch kind {
        case .rotation(let factor):
            return Self.rotation(turns: draw(factor), height: resampler.height, width: resampler.width)
        case .translation(let h, let w):
            let dy = draw(h) * Double(resampler.height)
            let dx = draw(w) * Double(resampler.width)
            return [1, 0, -dx, 0, 1, -dy]
        case .zoom(let h, let w):
            let zy = 1 + draw(h)
            let zx = w.map { 1 + draw($0) } ?? zy
            return Self.zoom(zy: zy, zx: zx, height: resampler.height, width: resampler.width)
        }
    }

    /// The rotation map for a turn fraction u (θ = 2π·u).
    static func rotation(turns: Double, height: Int, width: Int) -> [Double] {
        let (s, c) = FloatMath.sinCos(2 * Double.pi * turns)
        let cx = Double(width) / 2
        let cy = Double(height) / 2
        return [c, s, (1 - c) * cx - s * cy, -s, c, s * cx + (1 - c) * cy]
    }

    /// The zoom map for zooms zy (height) and zx (width).
    static func zoom(zy: Double, zx: Double, height: Int, width: Int) -> [Double] {
        [zx, 0, (Double(width) - 1) / 2 * (1 - zx), 0, zy, (Double(height) - 1) / 2 * (1 - zy)]
    }
}
