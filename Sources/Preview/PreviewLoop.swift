import Foundation
import Runner

/// Runs the notebook, then again whenever a watched file changes; one run at a time, on its own thread.
///
/// Watching is polling: every 0.2 s the modification time and size of the notebook and of every
/// data file it names (``WatchedFiles``) are compared with the last run's; a change that is still
/// being written (the stamp moves again within 0.1 s) is waited out. Polling needs no platform
/// API and sees saves by any editor (write in place or rename over).
final class PreviewLoop: @unchecked Sendable {
    private let options: RunOptions
    private let hub: PreviewHub

    init(options: RunOptions, hub: PreviewHub) {
        self.options = options
        self.hub = hub
    }

    func start() {
        let thread = Thread { [self] in loop() }
        thread.stackSize = 16 << 20
        thread.start()
    }

    private func loop() {
        var stamp = Self.stamp(WatchedFiles.of(options))
        runOnce()
        while true {
            Thread.sleep(forTimeInterval: 0.2)
            var now = Self.stamp(WatchedFiles.of(options))
            guard now != stamp else { continue }
            repeat {
                stamp = now
                Thread.sleep(forTimeInterval: 0.1)
                now = Self.stamp(WatchedFiles.of(options))
            } while now != stamp
            runOnce()
        }
    }

    /// One run exactly as `nbrun NOTEBOOK.md` does it (same cache, same lock), reported to the
    /// terminal, the panel and the live figures.
    private func runOnce() {
        hub.updatePanel { $0 = PreviewHub.Panel() }
        let hub = self.hub
        let observers: [RunObserver] = [
            ProgressPrinter(quiet: options.quiet), PanelObserver(hub: hub),
            LiveFigures(options: options) { hub.figure($0.figure, png: $0.png, epoch: $0.epoch) },
        ]
        do {
            try NotebookRun(options: options, observers: observers).run()
            hub.reload()
            hub.updatePanel { $0.state = "done" }
        } catch {
            let text =
                (error as? RunnerFailure)?.description
                ?? (error as? InternalFailure ?? InternalFailure(error)).description
            FileHandle.standardError.write(Data((text + "\n").utf8))
            hub.updatePanel {
                $0.state = "error"
                $0.error = text
            }
        }
    }

    /// Path, modification time and size of each file (missing files count too: a deleted data file is a change).
    private static func stamp(_ files: [URL]) -> [String] {
        files.map { url in
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            return "\(url.path)|\(date)|\(size)"
        }
    }
}
