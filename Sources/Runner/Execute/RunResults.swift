import NotebookFormat

/// The execute stage's value: what every directive produced. Numbers and data only; rendering
/// reads it, nothing changes it.
struct RunResults {
    /// Cache keys by directive node (`train no_dropout`).
    let keys: [String: String]
    let datasets: [String: LoadedDataset]
    let models: [String: BuiltModel]
    /// Every replicate of each training, replicate 1 first (one for `seeds: 1`).
    let trainings: [String: [TrainingOutcome]]
    /// Every replicate of each evaluation, replicate i from replicate i of its train.
    let evaluations: [String: [EvaluationOutcome]]
    /// Every replicate of each prune and sweep, replicate i from replicate i of its train.
    let prunes: [String: [PruneOutcome]]
    let sweeps: [String: [SweepOutcome]]
    /// Cache keys of replicates 2 ... n by directive node (replicate 1's key is in `keys`).
    let replicateKeys: [String: [String]]
    /// Nodes whose whole result came from the cache.
    let cachedNodes: Set<String>
    /// SHA-256 of every data file read, by file name.
    let dataChecksums: [String: String]
    /// Worker threads the run used.
    let threads: Int

    /// What the executor fills in as directives run, then freezes into ``RunResults``.
    struct Partial {
        var keys: [String: String] = [:]
        var datasets: [String: LoadedDataset] = [:]
        var models: [String: BuiltModel] = [:]
        var trainings: [String: [TrainingOutcome]] = [:]
        var evaluations: [String: [EvaluationOutcome]] = [:]
        /// Cache keys of replicates 2 ... n by directive node.
        var replicateKeys: [String: [String]] = [:]
        var prunes: [String: [PruneOutcome]] = [:]
        var sweeps: [String: [SweepOutcome]] = [:]
        var cachedNodes: Set<String> = []
        var dataChecksums: [String: String] = [:]
    }

    init(_ partial: Partial, threads: Int) {
        keys = partial.keys
        datasets = partial.datasets
        models = partial.models
        trainings = partial.trainings
        evaluations = partial.evaluations
        replicateKeys = partial.replicateKeys
        prunes = partial.prunes
        sweeps = partial.sweeps
        cachedNodes = partial.cachedNodes
        dataChecksums = partial.dataChecksums
        self.threads = threads
    }
}
