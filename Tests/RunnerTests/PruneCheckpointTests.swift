import Engine
import Foundation
import NotebookFormat
import TestSupport
import XCTest

@testable import Runner

/// A prune level's fine-tuning checkpoints every epoch in the cache folder: stopped at the
/// time-limit signal and run again, the level resumes after its saved epoch and ends with the bits
/// of a level that was never stopped; a damaged checkpoint is warned about, removed and not used.
final class PruneCheckpointTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try Scratch.directory(self, prefix: "nbrun-prune-checkpoint") }
    override func tearDown() {
        TimeLimitSignal.shared.lower()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Collects notes, warnings and the epochs that began.
    private final class Recorder: RunObserver {
        var notes: [String] = []
        var warnings: [String] = []
        var epochs: [Int] = []
        func receive(_ event: RunEvent) {
            switch event {
            case .note(let text): notes.append(text)
            case .warning(let text): warnings.append(text)
            case .training(_, .epochBegan(let epoch, _, _)): epochs.append(epoch)
            default: break
            }
        }
    }

    private let spec = SeparableRows.classifier

    /// A level at 70 % (one-shot, or gradual) fine-tuned for 4 epochs from weights trained 2 epochs.
    private func unit(gradual: Bool) throws -> PruneLevelUnit {
        let train = SeparableRows.samples(120, shape: [12], classes: 3, seed: 3)
        var g = SeededGenerator(seed: 4)
        let model = try Model(spec: spec, generator: &g)
        _ = try model.fit(train, config: FitConfig(epochs: 2, batchSize: 16, threads: 1), generator: &g)
        let config = FitConfig(
            optimizer: .adam(learningRate: 0.002, beta1: 0.9, beta2: 0.999, epsilon: 1e-7), epochs: 4,
            batchSize: 16, validationSplit: 0.2, threads: 1)
        return PruneLevelUnit(
            key: gradual ? "level-gradual" : "level-one-shot", spec: spec, weights: model.parameters, sparsity: 0.7,
            scope: .global,
            fineTune: PruneLevelUnit.FineTune(config: config, seed: 9, gradual: gradual ? (0.1, 0.5, 2) : nil),
            train: train, test: SeparableRows.samples(60, shape: [12], classes: 3, seed: 5), latencyBatch: 20,
            latencyRuns: 1,
            prunable: model.prunableParameterIndices.reduce(0) { $0 + model.parameters[$1].count }, sizeDense: 0)
    }

    private func run(_ unit: PruneLevelUnit, cache: Bool, recorder: Recorder) throws -> PruneLevel {
        let events = RunEvents([recorder])
        let step = DirectiveStep(
            index: 1, total: 1, kind: .prune, id: "pruned", location: SourceLocation(file: "t.md", line: 1, column: 1))
        let checkpoints = cache ? CheckpointFolder(cacheRoot: folder, warn: { events.send(.warning($0)) }) : nil
        return try unit.run(in: UnitContext(threads: 1, events: events, step: step, checkpoints: checkpoints))
    }

    /// Everything a level computes except wall-clock values: metrics, history values, sizes, weight bits.
    private func numbers(_ level: PruneLevel) -> [String] {
        let history = (level.fineTuneHistory?.epochs ?? []).map {
            "\($0.loss.bitPattern) \($0.accuracy.bitPattern) \($0.valLoss?.bitPattern ?? 0) \($0.valAccuracy?.bitPattern ?? 0)"
        }
        return [
            "\(level.accuracy.bitPattern) \(level.loss.bitPattern) \(level.achievedSparsity)",
            "\(level.accuracyFinetuned?.bitPattern ?? 0) \(level.lossFinetuned?.bitPattern ?? 0)",
            "\(level.nonzero) \(level.sizeSparse) \(level.sizeSparseZlib) \(level.sizeMaskedZlib)",
            "\(level.tensors.map { $0.map(\.bitPattern) })",
        ] + history
    }

    private var checkpointFile: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("checkpoints").path)) ?? [])
            .filter { !$0.hasPrefix(".") }
    }

    func testAPreemptedLevelResumesAfterItsEpochWithTheSameBits() throws {
        for gradual in [false, true] {
            let unit = try unit(gradual: gradual)
            let straight = try run(unit, cache: false, recorder: Recorder())
            XCTAssertEqual(straight.fineTuneHistory?.epochs.count, 4)

            // The signal is already up: the fine-tuning stops after saving epoch 1.
            TimeLimitSignal.shared.raise()
            XCTAssertThrowsError(try run(unit, cache: true, recorder: Recorder())) { error in
                XCTAssertEqual((error as? TaskPreempted)?.epoch, 1, "\(error)")
                XCTAssertEqual((error as? TaskPreempted)?.epochs, 4, "\(error)")
            }
            TimeLimitSignal.shared.lower()
            XCTAssertEqual(checkpointFile, ["\(unit.key).prune"])
            let text = try Data(contentsOf: folder.appendingPathComponent("checkpoints/\(unit.key).prune"))
            XCTAssertTrue(
                String(decoding: text.prefix(40), as: UTF8.self).hasPrefix("nbrun-prune-checkpoint/1 sha256="))

            let recorder = Recorder()
            let resumed = try run(unit, cache: true, recorder: recorder)
            XCTAssertTrue(
                recorder.notes.contains("resuming after epoch 1 of 4 from its checkpoint"), "\(recorder.notes)")
            XCTAssertEqual(recorder.epochs, [2, 3, 4], "gradual \(gradual)")
            XCTAssertEqual(recorder.warnings, [])
            XCTAssertEqual(numbers(resumed), numbers(straight), "gradual \(gradual)")
            XCTAssertEqual(resumed.fineTuneHistory?.epochs.count, 4)
            CheckpointFolder(cacheRoot: folder).remove(key: unit.key)
        }
    }

    func testADamagedCheckpointIsIgnoredWithAWarning() throws {
        let unit = try unit(gradual: false)
        let straight = try run(unit, cache: false, recorder: Recorder())
        let file = folder.appendingPathComponent("checkpoints/\(unit.key).prune")
        let damages: [(String, (inout Data) -> Void)] = [
            ("its bytes do not match its SHA-256", { $0[$0.count - 20] ^= 0x01 }),
            ("it does not start with `nbrun-prune-checkpoint/1 sha256=<digest>`", { $0 = $0.dropFirst(3) }),
        ]
        for (reason, damage) in damages {
            TimeLimitSignal.shared.raise()
            XCTAssertThrowsError(try run(unit, cache: true, recorder: Recorder())) {
                XCTAssertTrue($0 is TaskPreempted)
            }
            TimeLimitSignal.shared.lower()
            var bytes = try Data(contentsOf: file)
            damage(&bytes)
            try bytes.write(to: file)

            let recorder = Recorder()
            let level = try run(unit, cache: true, recorder: recorder)
            XCTAssertEqual(
                recorder.warnings,
                ["ignoring the fine-tuning checkpoint \(file.path): \(reason); training starts from epoch 1"])
            XCTAssertFalse(recorder.notes.contains { $0.hasPrefix("resuming") }, "\(recorder.notes)")
            XCTAssertEqual(numbers(level), numbers(straight), reason)
            XCTAssertEqual(
                checkpointFile, ["\(unit.key).prune"], "the last epoch's checkpoint (the executor removes it)")
            CheckpointFolder(cacheRoot: folder).remove(key: unit.key)
            XCTAssertEqual(checkpointFile, [])
        }
    }

    /// A training checkpoint under a level's key is not read as a fine-tuning checkpoint, and the
    /// removal after the entry is written takes both kinds.
    func testCheckpointKindsHaveTheirOwnFiles() throws {
        let checkpoints = CheckpointFolder(cacheRoot: folder)
        let fit = FitCheckpoint(
            epoch: 0, history: History(), generator: SeededGenerator(seed: 1), order: [], weights: [],
            optimizerSteps: 0, firstMoments: [], secondMoments: [])
        try checkpoints.save(fit, key: "k")
        XCTAssertNil(checkpoints.load(PrunedFitCheckpoint.self, key: "k"))
        XCTAssertEqual(checkpoints.load(FitCheckpoint.self, key: "k"), fit)
        try checkpoints.save(
            PrunedFitCheckpoint(fit: fit, masks: PruningMasks(masks: [nil, [true, false]])), key: "k")
        XCTAssertEqual(checkpointFile.sorted(), ["k.fit", "k.prune"])
        XCTAssertEqual(checkpoints.load(PrunedFitCheckpoint.self, key: "k")?.masks.masks[1], [true, false])
        checkpoints.remove(key: "k")
        XCTAssertEqual(checkpointFile, [])
    }
}
