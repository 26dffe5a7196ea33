/// Chooses the number of threads of each training step from measured step times: `FitConfig.threads`
/// or one. On a machine where other processes hold the cores, one thread can be faster than two
/// (a preempted worker stalls the step; measured 2.8 s vs 3.6 s per epoch on 2 shared cores), and
/// results do not depend on the thread count, so the choice is free to follow the measurements.
///
/// Every `period` steps the other setting is tried for `probe` steps; it is kept when its median
/// step time beats the current setting's recent median by more than 10%.
struct ThreadTuner {
    let maximum: Int
    private(set) var current: Int
    private let period = 160, probe = 12
    private var step = 0
    private var recent: [Double] = []
    private var trial: [Double] = []

    init(maximum: Int) {
        self.maximum = max(1, maximum)
        current = self.maximum
    }

    private var alternative: Int { current == 1 ? maximum : 1 }
    private var probing: Bool { maximum > 1 && step % period >= period - probe }

    /// Threads for the next step.
    var threads: Int { probing ? alternative : current }

    /// Records the wall time of the step just run with `threads`.
    mutating func record(seconds: Double) {
        if maximum > 1 {
            if probing {
                trial.append(seconds)
            } else {
                recent.append(seconds)
                if recent.count > probe { recent.removeFirst(recent.count - probe) }
            }
            if step % period == period - 1 {
                if recent.count == probe, Self.median(trial) < 0.9 * Self.median(recent) {
                    current = alternative
                    recent = trial
                }
                trial.removeAll(keepingCapacity: true)
            }
        }
        step += 1
    }

    private static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        return s.isEmpty ? .infinity : s[s.count / 2]
    }
}
