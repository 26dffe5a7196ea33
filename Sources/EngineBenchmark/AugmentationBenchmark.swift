import Engine
import Foundation

/// `nbrun-bench --augmentation`: what each augmentation layer costs per epoch against the training
/// step, on the blog model (with Dropout) preceded by RandomFlip("horizontal"), RandomRotation(0.1),
/// RandomTranslation(0.1, 0.1) and RandomZoom(0.1) (Keras' defaults otherwise), batch 32, real
/// MNIST images. An epoch is 1,500 training steps (48,000 rows) and 375 validation batches. The
/// last line compares like with like: the layers' share of the profiled step, and the augmented
/// step against the plain one both profiled and as whole steps.
enum AugmentationBenchmark {
    static let layers: [LayerSpec] = [
        .randomFlip(mode: .horizontal),
        .randomRotation(factor: FactorRange(symmetric: 0.1), options: .keras),
        .randomTranslation(
            heightFactor: FactorRange(symmetric: 0.1), widthFactor: FactorRange(symmetric: 0.1), options: .keras),
        .randomZoom(heightFactor: FactorRange(symmetric: 0.1), widthFactor: nil, options: .keras),
    ]

    static func run(train: Samples, threads: Int, steps: Int) throws {
        let plain = ModelSpec.blogMNIST(dropout: true)
        let augmented = ModelSpec(layers: [plain.layers[0]] + layers + plain.layers.dropFirst())
        var g = SeededGenerator(seed: 0)
        let model = try Model(spec: augmented, generator: &g)
        let baseline = try Model(spec: plain, generator: &g)
        let batch = Array(train.features[0..<(32 * train.sampleSize)])
        let timings = model.profile(batchSize: 32, threads: threads, repetitions: 60, inputs: batch)
        let stepsWith = model.timeTrainingSteps(batchSize: 32, threads: threads, steps: steps, inputs: batch)
        let stepsWithout = baseline.timeTrainingSteps(batchSize: 32, threads: threads, steps: steps, inputs: batch)
        let validationForward = timings.filter { $0.name.hasSuffix("forward") && !$0.name.hasPrefix("random_") }
            .reduce(0) { $0 + $1.seconds }
        let epoch = 1500 * median(stepsWith) + 375 * validationForward
        let epochWithout = 1500 * median(stepsWithout) + 375 * validationForward
        print("augmentation layers (batch 32, median of 60 calls; epoch = 1,500 steps + 375 validation batches):")
        var total = 0.0
        for t in timings where t.name.hasPrefix("random_") {
            let perEpoch = 1500 * t.seconds
            if t.name.hasSuffix("forward") { total += perEpoch }
            print(
                String(
                    format: "  %-28@ %8.1f us per step  %6.3f s per epoch  %5.1f %% of the epoch", t.name as NSString,
                    t.seconds * 1e6, perEpoch, 100 * perEpoch / epoch))
        }
        print(
            String(
                format:
                    "all four: %.3f s per epoch = %.1f %% of the augmented epoch (%.2f s; without augmentation %.2f s, "
                    + "median whole steps %.3f / %.3f ms); load average %@",
                total, 100 * total / epoch, epoch, epochWithout, median(stepsWith) * 1e3, median(stepsWithout) * 1e3,
                loadAverage()))
        // Like against like: the share above divides warm per-layer medians by whole steps timed on a
        // busy machine, which inflates the denominator. Here both terms come from one measurement.
        let augmentationStep = timings.filter { $0.name.hasPrefix("random_") }.reduce(0) { $0 + $1.seconds }
        let profiledStep = timings.reduce(0) { $0 + $1.seconds }
        let plainStep = baseline.profile(batchSize: 32, threads: threads, repetitions: 60, inputs: batch)
            .reduce(0) { $0 + $1.seconds }
        print(
            String(
                format:
                    "consistent shares: the four layers are %.1f %% of the profiled augmented step (%.2f of %.2f ms; "
                    + "the plain step profiles at %.2f ms, so an augmented step costs %.2fx); whole steps %.2fx",
                100 * augmentationStep / profiledStep, augmentationStep * 1e3, profiledStep * 1e3, plainStep * 1e3,
                profiledStep / plainStep, median(stepsWith) / median(stepsWithout)))
    }
}
