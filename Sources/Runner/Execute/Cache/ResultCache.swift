import AtomicFiles
import Foundation

/// Results on disk, one folder per cache key: `<root>/<key prefix>/<key>/`.
///
/// An entry is written in a temporary folder and renamed into place in one step, so an interrupted
/// run (Ctrl-C, kill) leaves no entry that a later run would trust. Entries are never modified:
/// the same key always means the same inputs, so an existing entry is kept as it is. Every read
/// and write of an entry goes through ``read(_:key:)`` and ``write(_:key:)``.
///
/// Nothing on disk is trusted: each entry carries `digest.json` (``CacheEntryDigest``), the SHA-256
/// of every file it holds, computed from the bytes written. A read loads each file once, checks its
/// digest against those bytes and decodes the same bytes. An entry that fails (a file edited by
/// hand, truncated, missing, or no digest at all) is a miss: ``warn`` is told which entry and why,
/// the entry is removed, and the caller recomputes it. Any process (a worker, a cluster job) that
/// writes through this type writes the same digest, so entries are shared safely.
struct ResultCache {
    let root: URL
    /// Told about a damaged entry that is being ignored (the run prints it as a warning).
    var warn: (String) -> Void = { _ in }

    /// The outcome stored under `key`, or nil if there is no entry, or it is damaged (then `warn` is told).
    func read<Outcome: CachedOutcome>(_ type: Outcome.Type, key: String) -> Outcome? {
        guard let folder = entry(for: key) else { return nil }
        switch verifiedFiles(in: folder, names: Self.fileNames(of: Outcome.self)) {
        case .failure(let damage):
            discard(folder, because: damage.reason)
            return nil
        case .success(let files):
            guard var outcome = try? JSONDecoder().decode(Outcome.self, from: files[Outcome.fileName]!) else {
                discard(folder, because: "\(Outcome.fileName) cannot be decoded")
                return nil
            }
            if Outcome.hasTensors {
                guard let tensors = CachedFloats.decode(values: files["weights.bin"]!, lengths: files["weights.json"]!)
                else {
                    discard(folder, because: "weights.bin does not match weights.json")
                    return nil
                }
                outcome.tensors = tensors
            }
            return outcome
        }
    }

    /// Stores `outcome` under `key`: its JSON, its tensors when it has any, and the digest of both.
    func write<Outcome: CachedOutcome>(_ outcome: Outcome, key: String) throws {
        var files = [Outcome.fileName: try JSONEncoder().encode(outcome)]
        if Outcome.hasTensors {
            let (values, lengths) = try CachedFloats.encode(outcome.tensors)
            files["weights.bin"] = values
            files["weights.json"] = lengths
        }
        try store(key: key) { folder in
            for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
            try CacheEntryDigest(files: files).encoded().write(
                to: folder.appendingPathComponent(CacheEntryDigest.fileName))
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

    /// The files an entry of `Outcome` holds besides its digest.
    private static func fileNames<Outcome: CachedOutcome>(of type: Outcome.Type) -> [String] {
        [Outcome.fileName] + (Outcome.hasTensors ? ["weights.bin", "weights.json"] : [])
    }

    private struct Damage: Error { let reason: String }

    /// Reads `names` from `folder`, each once, and checks them against the entry's digest.
    private func verifiedFiles(in folder: URL, names: [String]) -> Result<[String: Data], Damage> {
        guard let digestData = try? Data(contentsOf: folder.appendingPathComponent(CacheEntryDigest.fileName)),
            let digest = CacheEntryDigest.decoded(from: digestData)
        else { return .failure(Damage(reason: "it has no readable \(CacheEntryDigest.fileName)")) }
        var files: [String: Data] = [:]
        for name in names {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else {
                return .failure(Damage(reason: "\(name) is missing"))
            }
            guard digest.matches(name, data) else {
                return .failure(Damage(reason: "\(name) was changed after nbrun wrote it (its SHA-256 differs)"))
            }
            files[name] = data
        }
        return .success(files)
    }

    /// Warns about a damaged entry and moves it out of the way (renamed first, so a concurrent
    /// reader never sees half of it), so the recomputed outcome can be installed under its key.
    private func discard(_ folder: URL, because reason: String) {
        warn("cache entry \(folder.path) is damaged: \(reason); ignoring it and computing the result again")
        let aside = folder.deletingLastPathComponent().appendingPathComponent(
            ".\(folder.lastPathComponent).tmp-damaged-\(getpid())-\(UUID().uuidString.prefix(8))")
        if rename(folder.path, aside.path) == 0 { try? FileManager.default.removeItem(at: aside) }
    }
}
