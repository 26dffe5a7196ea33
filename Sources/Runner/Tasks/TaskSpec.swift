import Foundation

/// What a worker needs to run one task, written by the driver as `<cache>/tasks/<key>.json`.
///
/// A task's identity is its cache key. Its inputs are the notebook (path and SHA-256 of its bytes,
/// which the worker checks, so an edited notebook cannot produce an entry under a stale key), the
/// `--set` overrides, and the cache entries of the tasks it depends on (earlier waves). The worker
/// parses and checks the notebook again and computes only the unit with this key.
struct TaskSpec: Codable, Equatable {
    let key: String
    /// `train no_dropout`: the directive the task works for.
    let directive: String
    /// The notebook, by absolute path (on a cluster, a path every node sees).
    let notebook: String
    let notebookSHA256: String
    let overrides: [String: String]
}
