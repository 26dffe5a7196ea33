/// How the driver counts one wave's submissions against `--retries`.
///
/// A task that ends without its cache entry either failed (its error record, or none: it
/// vanished) or was pre-empted at the time limit with its checkpoint saved. A pre-empted task that
/// saved an epoch beyond its previous stop made progress: it is always submitted again and costs
/// nothing. A failure, or a stop that saved nothing new (its checkpoint was lost and it started
/// over), stalls the task. A submission after which a stalled task is still missing counts as one
/// failed attempt; after `retries` of them the next stall ends the run. So `--retries 0` still
/// resumes a training through any number of time limits, as long as each attempt finishes an epoch.
struct TaskAttempts {
    let retries: Int
    /// Submissions after which a stalled task was still missing.
    private(set) var failed = 0
    /// The most epochs each task had saved at a stop.
    private var savedEpochs: [String: Int] = [:]
    /// Tasks that stalled in the current submission.
    private var stalled: Set<String> = []

    init(retries: Int) { self.retries = retries }

    /// Judges a task of the current submission that ended without its entry, from its record
    /// (nil: it vanished). Returns whether it will be submitted again.
    mutating func ended(_ key: String, record: TaskFailureRecord?) -> Bool {
        if let stop = record?.preempted {
            let before = savedEpochs[key, default: 0]
            savedEpochs[key] = max(stop.epoch, before)
            if stop.epoch > before { return true }
        }
        stalled.insert(key)
        return failed < retries
    }

    /// Ends the current submission, given the tasks still missing; returns the first stalled one
    /// when the retries are spent (the run stops with its error), else nil.
    mutating func close(missing: [String]) -> String? {
        defer { stalled = [] }
        let stalledNow = missing.filter { stalled.contains($0) }
        guard let first = stalledNow.first else { return nil }
        failed += 1
        return failed > retries ? first : nil
    }
}
