import Foundation
import Hummingbird
import Logging
import Runner

/// `nbrun preview NOTEBOOK.md`: the article on http://127.0.0.1:PORT/, rerun on every save.
///
/// Routes: `/` the last good article with the preview client added (``PreviewPage``);
/// `/figures/NAME` its figures; `/_preview/events` server-sent events (`panel`, `figure`, `reload`);
/// `/_preview/live/ID.png` the last live drawing of a figure. The server listens on the loopback
/// address only. The article goes to the run's output folder (a private temporary folder unless
/// `--output` is given); the lock is written beside the notebook as `nbrun NOTEBOOK.md` writes it.
public struct PreviewServer {
    public let options: RunOptions
    /// 0 picks a free port; the address is printed once the server listens.
    public let port: Int
    public let open: Bool

    public init(options: RunOptions, port: Int, open: Bool) {
        self.options = options
        self.port = port
        self.open = open
    }

    /// Serves until Ctrl-C (SIGINT) or SIGTERM; then exits the process with status 0.
    ///
    /// Stopping ends a training in progress without writing it: cache entries are renamed into
    /// place only when complete, so every finished result stays cached and nothing partial is kept.
    public func run() throws -> Never {
        let hub = PreviewHub()
        let article = OutputFormat.html.destination(
            outputDirectory: options.outputDirectory,
            name: options.notebook.deletingPathExtension().lastPathComponent)
        let router = Self.router(hub: hub, folder: article.deletingLastPathComponent())
        let open = self.open
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "nbrun-preview"),
            onServerRunning: { channel in
                let url = "http://127.0.0.1:\(channel.localAddress?.port ?? 0)/"
                FileHandle.standardError.write(Data("nbrun preview: serving \(url) (Ctrl-C stops)\n".utf8))
                if open { Self.openBrowser(url) }
            },
            logger: {
                var logger = Logger(label: "nbrun-preview")
                logger.logLevel = .warning
                return logger
            }())
        let loop = PreviewLoop(options: options, hub: hub)
        Self.stopOnSignals()
        let failure = FailureBox()
        Task {
            do {
                try await app.runService(gracefulShutdownSignals: [])
            } catch {
                failure.report(error)
            }
        }
        loop.start()
        dispatchMain()
    }

    /// Ctrl-C and SIGTERM end the process at once (see ``run()``).
    private static func stopOnSignals() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler {
                FileHandle.standardError.write(
                    Data(
                        "\nnbrun preview: stopped (finished results stay cached; a training in progress resumes from its last finished epoch next time)\n"
                            .utf8))
                exit(0)
            }
            source.resume()
            signalSources.append(source)
        }
    }

    nonisolated(unsafe) private static var signalSources: [DispatchSourceSignal] = []

    private static func openBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        do {
            try process.run()
        } catch {
            FileHandle.standardError.write(Data("nbrun preview: cannot open a browser (\(error)); open \(url)\n".utf8))
        }
    }

    /// A server that cannot start (port taken) ends the preview with exit status 1.
    private final class FailureBox: Sendable {
        func report(_ error: Error) {
            FileHandle.standardError.write(
                Data("error: the preview server cannot run: \(error); try another --port\n".utf8))
            exit(1)
        }
    }
}
