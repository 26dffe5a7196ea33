import ArgumentParser
import Foundation
import Runner

/// `--executor` and its settings: where a run's tasks (trainings, prune levels, sweep points) run.
struct TaskOptions: ParsableArguments {
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case inProcess = "in-process"
        case local, slurm
    }

    @Option(name: .long, help: "Where tasks run: in-process (default), local (worker processes), slurm (job arrays).")
    var executor: Kind = .inProcess

    @Option(name: .long, help: "Worker processes for --executor local.")
    var jobs: Int = 2

    @Option(name: .long, help: "The results cache (on a filesystem every node sees for --executor slurm).")
    var cache: String?

    @Option(name: .long, help: "Submit a failed or vanished task again up to this many times.")
    var retries: Int = 2

    @Option(name: .long, help: "Slurm partition of the job arrays.")
    var partition: String?

    @Option(name: .long, help: "Slurm time limit of each task (HH:MM:SS).")
    var time: String?

    @Option(name: .long, help: "At most this many tasks of an array at once (sbatch --array=0-K%N).")
    var maxParallel: Int?

    @Option(
        name: .customLong("sbatch-arg"), parsing: .unconditionalSingleValue,
        help: ArgumentHelp("An extra sbatch argument, e.g. --sbatch-arg=--account=lab (repeatable).", valueName: "arg"))
    var sbatchArguments: [String] = []

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs).") }
        if retries < 0 { throw ValidationError("--retries must be 0 or more, got \(retries).") }
        if let maxParallel, maxParallel < 1 {
            throw ValidationError("--max-parallel must be at least 1, got \(maxParallel).")
        }
        if let time, time.range(of: #"^(\d+-)?\d{1,2}(:\d{2}){0,2}$"#, options: .regularExpression) == nil {
            throw ValidationError("--time expects HH:MM:SS (or D-HH:MM:SS), got '\(time)'.")
        }
        let slurmOnly = partition != nil || time != nil || maxParallel != nil || !sbatchArguments.isEmpty
        if slurmOnly && executor != .slurm {
            throw ValidationError(
                "--partition, --time, --max-parallel and --sbatch-arg apply to --executor slurm only.")
        }
    }

    func apply(to options: inout RunOptions) {
        if let cache { options.cacheDirectory = URL(fileURLWithPath: cache).standardizedFileURL }
        options.retries = retries
        switch executor {
        case .inProcess:
            options.executor = .inProcess
        case .local:
            options.executor = .local(jobs: jobs)
        case .slurm:
            options.executor = .slurm(
                SlurmSettings(
                    partition: partition, time: time, maxParallel: maxParallel, extraArguments: sbatchArguments))
        }
    }
}
