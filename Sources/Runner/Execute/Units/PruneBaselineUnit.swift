import Datasets
import Engine

/// Measures the unpruned model of a prune: test metrics and the size of its dense file.
struct PruneBaselineUnit: ExecutionUnit {
    let key: String
    let spec: ModelSpec
    let weights: [[Float]]
    let test: Samples

    func run(in context: UnitContext) throws -> PruneBaseline {
        let model = try Model.restored(spec: spec, weights: weights)
        let evaluation = model.evaluate(test, batchSize: 1000, threads: context.threads)
        let dense = SparseModelFile.encode(
            parameters: model.parameters, shapes: model.parameterShapes, sparseCandidates: [])
        let sizes = model.prunableParameterIndices.map { model.parameterShapes[$0].reduce(1, *) }
        return PruneBaseline(
            layerNames: model.prunableLayerNames, layerSizes: sizes, params: model.parameterCount,
            prunable: sizes.reduce(0, +), accuracy: evaluation.accuracy, loss: evaluation.loss,
            sizeDense: dense.count, sizeDenseZlib: try Zlib.compress(dense).count)
    }
}
