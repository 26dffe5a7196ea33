import Foundation

/// What the page sees: the run's state, the step and epoch lines, the last error, the live figures,
/// and the open event streams it is pushed to. Shared by the run thread and the server's tasks.
final class PreviewHub: @unchecked Sendable {
    /// The panel above the article: `running`, `done` or `error`, its lines, the error text.
    struct Panel: Codable {
        var state = "running"
        var lines: [String] = []
        var error: String?
    }

    private let lock = NSLock()
    private var panel = Panel()
    private var livePNGs: [String: Data] = [:]
    private var liveVersion = 0
    private var subscribers: [UUID: AsyncStream<String>.Continuation] = [:]

    /// A stream of server-sent-event messages, starting with the current panel.
    func subscribe() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(256))
        continuation.onTermination = { [weak self] _ in self?.locked { self?.subscribers[id] = nil } }
        locked {
            subscribers[id] = continuation
            continuation.yield(Self.message("panel", panel))
        }
        return stream
    }

    /// Changes the panel and pushes it.
    func updatePanel(_ change: (inout Panel) -> Void) {
        locked {
            change(&panel)
            broadcast(Self.message("panel", panel))
        }
    }

    /// Keeps a redrawn figure and tells the pages where to load it.
    func figure(_ id: String, png: Data, epoch: Int) {
        struct Message: Codable {
            let id: String
            let url: String
            let epoch: Int
        }
        locked {
            liveVersion += 1
            livePNGs[id] = png
            broadcast(
                Self.message("figure", Message(id: id, url: "/_preview/live/\(id).png?v=\(liveVersion)", epoch: epoch)))
        }
    }

    func livePNG(_ id: String) -> Data? { locked { livePNGs[id] } }

    /// A new article was written: the pages fetch it; the live drawings are dropped.
    func reload() {
        locked {
            livePNGs = [:]
            broadcast("event: reload\ndata: {}\n\n")
        }
    }

    private func broadcast(_ message: String) {
        for continuation in subscribers.values { continuation.yield(message) }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// `event: NAME` and the value as one line of JSON (server-sent events, WHATWG HTML §9.2).
    private static func message(_ name: String, _ value: some Encodable) -> String {
        let data = (try? JSONEncoder().encode(value)) ?? Data("{}".utf8)
        return "event: \(name)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
    }
}
