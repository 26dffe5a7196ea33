import AtomicFiles
import Engine
import Foundation
import Hashing

/// Per-epoch training checkpoints in the cache folder: `<cache>/checkpoints/<key>.fit`, one per
/// training unit that has not finished, removed once its cache entry is written.
///
/// A file is the line `nbrun-fit-checkpoint/1 sha256=<hex>` then the ``FitCheckpoint`` bytes whose
/// SHA-256 that is. It is replaced whole after every epoch (``AtomicWrite``: a killed writer leaves
/// the previous checkpoint). Nothing is trusted: a file whose bytes do not match its digest, or that
/// does not decode, is reported through ``warn``, removed, and the training starts from epoch 1.
struct CheckpointFolder {
    let cacheRoot: URL
    /// Told about a damaged checkpoint that is being ignored (the run prints it as a warning).
    var warn: (String) -> Void = { _ in }

    static let header = "nbrun-fit-checkpoint/1 sha256="

    var root: URL { cacheRoot.appendingPathComponent("checkpoints") }
    func file(_ key: String) -> URL { root.appendingPathComponent("\(key).fit") }

    /// Replaces the checkpoint of `key` with `checkpoint`.
    func save(_ checkpoint: FitCheckpoint, key: String) throws {
        let payload = checkpoint.encoded()
        do {
            try AtomicWrite.write(Data((Self.header + SHA256Hex.of(payload) + "\n").utf8) + payload, to: file(key))
        } catch let error as AtomicFileError {
            throw RunnerFailure(message: "cannot write the training checkpoint \(file(key).path): \(error.message)")
        }
    }

    /// The checkpoint of `key` when there is one whose bytes match its digest.
    func load(key: String) -> FitCheckpoint? {
        guard let data = try? Data(contentsOf: file(key)) else { return nil }
        let headerLength = Self.header.utf8.count + 64 + 1
        guard data.count > headerLength,
            let line = String(data: data.prefix(headerLength), encoding: .utf8), line.hasPrefix(Self.header),
            line.hasSuffix("\n")
        else {
            discard(key, because: "it does not start with `\(Self.header)<digest>`")
            return nil
        }
        let payload = data.dropFirst(headerLength)
        let digest = String(line.dropFirst(Self.header.count).dropLast())
        guard SHA256Hex.of(Data(payload)) == digest else {
            discard(key, because: "its bytes do not match its SHA-256")
            return nil
        }
        do {
            return try FitCheckpoint(decoding: Data(payload))
        } catch {
            discard(key, because: "\(error)")
            return nil
        }
    }

    /// Removes the checkpoint of `key` (its entry is written, or the checkpoint cannot be used).
    func remove(key: String) { try? FileManager.default.removeItem(at: file(key)) }

    /// Warns about an unusable checkpoint and removes it.
    func discard(_ key: String, because reason: String) {
        warn("ignoring the training checkpoint \(file(key).path): \(reason); training starts from epoch 1")
        remove(key: key)
    }
}
