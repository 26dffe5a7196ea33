import AtomicFiles
import Foundation

/// Results on disk, one folder per cache key: `<root>/<key prefix>/<key>/`.
///
/// An entry is written in a temporary folder and renamed into place in one step, so an interrupted
/// run (Ctrl-C, kill) leaves no entry that a later run would trust. Entries are never modified:
/// the same key always means the same inputs, so an existing entry is kept as it is. Every read
/// and write of an entry goes through ``read(_:key:)`` and ``write(_:key:)``.
struct ResultCache {
    let root: URL

    /// The outcome stored under `key`, or nil if there is no complete, readable entry.
    func read<Outcome: CachedOutcome>(_ type: Outcome.Type, key: String) -> Outcome? {
        guard let folder = entry(for: key),
            let data = try? Data(contentsOf: folder.appendingPathComponent(Outcome.fileName)),
            var outcome = try? JSONDecoder().decode(Outcome.self, from: data)
        else { return nil }
        if Outcome.hasTensors {
            guard let tensors = CachedFloats.read(from: folder, name: "weights") else { return nil }
            outcome.tensors = tensors
        }
        return outcome
    }

    /// Stores `outcome` under `key`: its JSON, and its tensors when it has any.
    func write<Outcome: CachedOutcome>(_ outcome: Outcome, key: String) throws {
        try store(key: key) { folder in
            try JSONEncoder().encode(outcome).write(to: folder.appendingPathComponent(Outcome.fileName))
            if Outcome.hasTensors {
                try CachedFloats.write(outcome.tensors, to: folder, name: "weights")
            }
        }
    }

    /// The folder of the entry for `key`, if a complete one exists.
    func entry(for key: String) -> URL? {
        let url = folder(for: key)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return url
    }

    /// Writes a new entry: `fill` puts its files in a fresh folder, which is then installed atomically.
    func store(key: String, fill: (URL) throws -> Void) throws {
        do {
            try AtomicDirectory.install(folder(for: key), fill: fill)
        } catch let error as AtomicFileError {
            throw RunnerFailure(
                message: "cannot write the result cache: \(error.message) (set NBRUN_CACHE to a writable folder)")
        }
    }

    private func folder(for key: String) -> URL {
        root.appendingPathComponent(String(key.prefix(2))).appendingPathComponent(key)
    }

}
