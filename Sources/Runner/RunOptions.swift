import Foundation

/// What the command line asks of one run; `nbrun` fills it in, the runner does the rest.
public struct RunOptions: Sendable {
    public var notebook: URL
    public var outputDirectory: URL
    public var overrides: [String: String]
    public var useCache: Bool
    public var quiet: Bool
    public var selfContained: Bool
    /// What the write step produces (`--to`); the HTML page unless asked.
    public var format: OutputFormat = .html
    /// `--allow-failed-claims`: a claim that does not hold is still marked ✗, but the run exits 0.
    public var allowFailedClaims = false
    public var threads: Int?
    /// Where tasks run (`--executor`); in this process unless asked.
    public var executor: TaskExecutor = .inProcess
    /// How many times a failed or vanished task is submitted again (`--retries`).
    public var retries = 2
    /// Where results are cached: `NBRUN_CACHE`, else `$XDG_CACHE_HOME/nbrun/results`, else `~/.cache/nbrun/results`.
    public var cacheDirectory: URL

    public init(
        notebook: URL, outputDirectory: URL, overrides: [String: String] = [:], useCache: Bool = true,
        quiet: Bool = false, selfContained: Bool = false, threads: Int? = nil,
        cacheDirectory: URL? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.notebook = notebook
        self.outputDirectory = outputDirectory
        self.overrides = overrides
        self.useCache = useCache
        self.quiet = quiet
        self.selfContained = selfContained
        self.threads = threads
        self.cacheDirectory = cacheDirectory ?? RunOptions.defaultCacheDirectory(environment: environment)
    }

    /// The results cache folder chosen from the environment (see ``cacheDirectory``).
    public static func defaultCacheDirectory(environment: [String: String]) -> URL {
        if let explicit = environment["NBRUN_CACHE"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("nbrun/results")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/nbrun/results")
    }

    /// Worker threads: the option, else `NBRUN_THREADS`, else every active core.
    var resolvedThreads: Int {
        if let threads { return threads }
        if let text = ProcessInfo.processInfo.environment["NBRUN_THREADS"], let value = Int(text), value > 0 {
            return value
        }
        return ProcessInfo.processInfo.activeProcessorCount
    }
}
