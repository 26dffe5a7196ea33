/// Where a run's tasks (trainings, prune levels, sweep points) run (`--executor`).
public enum TaskExecutor: Sendable, Equatable {
    /// One after the other in this process (the default).
    case inProcess
    /// `--executor local --jobs N`: N worker processes on this machine.
    case local(jobs: Int)
    /// `--executor slurm`: one Slurm job array per wave.
    case slurm(SlurmSettings)
}

/// The `sbatch` settings of `--executor slurm`.
public struct SlurmSettings: Sendable, Equatable {
    public var partition: String?
    /// `--time HH:MM:SS` of each array task.
    public var time: String?
    /// The array's `%N`: at most this many tasks at once (nil: as many as Slurm allows).
    public var maxParallel: Int?
    /// Passed to `sbatch` as they are (`--sbatch-arg=--account=lab`).
    public var extraArguments: [String]

    public init(partition: String? = nil, time: String? = nil, maxParallel: Int? = nil, extraArguments: [String] = []) {
        self.partition = partition
        self.time = time
        self.maxParallel = maxParallel
        self.extraArguments = extraArguments
    }
}
