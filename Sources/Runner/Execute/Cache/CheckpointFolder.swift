import AtomicFiles
import Engine
import Foundation
import Hashing

/// Per-epoch training checkpoints in the cache folder: `<cache>/checkpoints/<key>.fit` for a
/// training or sweep point, `<key>.prune` for a prune level's fine-tuning (``CheckpointPayload``),
/// one per unit that has not finished, removed once its cache entry is written.
///
/// A file is the line `nbrun-fit-checkpoint/1 sha256=<hex>` (`nbrun-prune-checkpoint/1 ...`) then
/// the checkpoint's bytes whose SHA-256 that is. It is replaced whole after every epoch
/// (``AtomicWrite``: a killed writer leaves the previous checkpoint). Nothing is trusted: a file
/// whose bytes do not match its digest, or that does not decode, is reported through ``warn``,
/// removed, and the training starts from epoch 1.
struct CheckpointFolder {
    let cacheRoot: URL
    /// Told about a damaged checkpoint that is being ignored (the run prints it as a warning).
    var warn: (String) -> Void = { _ in }

    var root: URL { cacheRoot.appendingPathComponent("checkpoints") }
    func file<Checkpoint: CheckpointPayload>(_ key: String, _ kind: Checkpoint.Type) -> URL {
        root.appendingPathComponent("\(key).\(kind.fileExtension)")
    }

    /// Replaces the checkpoint of `key` with `checkpoint`.
    func save<Checkpoint: CheckpointPayload>(_ checkpoint: Checkpoint, key: String) throws {
        let payload = checkpoint.encoded()
        let file = file(key, Checkpoint.self)
        do {
            try AtomicWrite.write(Data((Checkpoint.header + SHA256Hex.of(payload) + "\n").utf8) + payload, to: file)
        } catch let error as AtomicFileError {
            throw RunnerFailure(message: "cannot write the \(Checkpoint.name) \(file.path): \(error.message)")
        }
    }

    /// The checkpoint of `key` when there is one whose bytes match its digest.
    func load<Checkpoint: CheckpointPayload>(_ kind: Checkpoint.Type, key: String) -> Checkpoint? {
        guard let data = try? Data(contentsOf: file(key, kind)) else { return nil }
        let headerLength = kind.header.utf8.count + 64 + 1
        guard data.count > headerLength,
            let line = String(data: data.prefix(headerLength), encoding: .utf8), line.hasPrefix(kind.header),
            line.hasSuffix("\n")
        else {
            discard(kind, key: key, because: "it does not start with `\(kind.header)<digest>`")
            return nil
        }
        let payload = data.dropFirst(headerLength)
        let digest = String(line.dropFirst(kind.header.count).dropLast())
        guard SHA256Hex.of(Data(payload)) == digest else {
            discard(kind, key: key, because: "its bytes do not match its SHA-256")
            return nil
        }
        do {
            return try Checkpoint(decoding: Data(payload))
        } catch {
            discard(kind, key: key, because: "\(error)")
            return nil
        }
    }

    /// Removes every checkpoint of `key` (its entry is written).
    func remove(key: String) {
        for kind in checkpointKinds { remove(kind, key: key) }
    }

    private func remove<Checkpoint: CheckpointPayload>(_ kind: Checkpoint.Type, key: String) {
        try? FileManager.default.removeItem(at: file(key, kind))
    }

    /// Warns about an unusable checkpoint and removes it.
    func discard<Checkpoint: CheckpointPayload>(_ kind: Checkpoint.Type, key: String, because reason: String) {
        warn("ignoring the \(kind.name) \(file(key, kind).path): \(reason); training starts from epoch 1")
        remove(kind, key: key)
    }
}
