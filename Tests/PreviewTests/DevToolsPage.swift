import Foundation
import HummingbirdWSClient
import Logging

/// One page of a headless Chromium, driven through the DevTools protocol over its WebSocket.
///
/// Only `Runtime.evaluate` is used: the test reads the page the way a script in it would.
struct DevToolsPage {
    let outbound: WebSocketOutboundWriter
    var messages: WebSocketInboundMessageStream.AsyncIterator
    private var nextID = 1

    init(outbound: WebSocketOutboundWriter, inbound: WebSocketInboundStream) {
        self.outbound = outbound
        self.messages = inbound.messages(maxSize: 1 << 24).makeAsyncIterator()
    }

    /// The value of a JavaScript expression in the page (awaited when it is a promise), as JSON.
    mutating func evaluate(_ expression: String) async throws -> Any? {
        let id = nextID
        nextID += 1
        let request: [String: Any] = [
            "id": id, "method": "Runtime.evaluate",
            "params": ["expression": expression, "returnByValue": true, "awaitPromise": true],
        ]
        let text = String(decoding: try JSONSerialization.data(withJSONObject: request), as: UTF8.self)
        try await outbound.write(.text(text))
        while let message = try await messages.next() {
            guard case .text(let reply) = message,
                let object = try JSONSerialization.jsonObject(with: Data(reply.utf8)) as? [String: Any],
                object["id"] as? Int == id
            else { continue }
            if let error = object["error"] { throw DevToolsError("evaluate failed: \(error)") }
            let result = (object["result"] as? [String: Any])?["result"] as? [String: Any]
            return result?["value"]
        }
        throw DevToolsError("the DevTools connection closed")
    }

    /// Evaluates `expression` every 100 ms until it is `true`; returns the seconds it took, or nil
    /// when `timeout` passed first.
    mutating func waitUntil(_ expression: String, timeout: Double) async throws -> Double? {
        let start = Date()
        while Date().timeIntervalSince(start) < timeout {
            if try await evaluate(expression) as? Bool == true { return Date().timeIntervalSince(start) }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        return nil
    }
}

struct DevToolsError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
