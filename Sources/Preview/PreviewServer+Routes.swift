import Foundation
import Hummingbird

extension PreviewServer {
    /// The preview's routes (see ``PreviewServer``); `folder` holds `index.html` and `figures/`.
    static func router(hub: PreviewHub, folder: URL) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/") { _, _ -> Response in
            let html =
                (try? String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8))
                .map(PreviewPage.inject(into:)) ?? PreviewPage.waiting
            return response(Data(html.utf8), type: "text/html; charset=utf-8")
        }
        router.get("/figures/:name") { _, context -> Response in
            let name = try context.parameters.require("name")
            guard Self.isPlainName(name),
                let data = try? Data(contentsOf: folder.appendingPathComponent("figures/\(name)"))
            else { return Response(status: .notFound) }
            return response(data, type: "image/png")
        }
        router.get("/_preview/live/:name") { _, context -> Response in
            let name = try context.parameters.require("name")
            guard name.hasSuffix(".png"), let data = hub.livePNG(String(name.dropLast(4))) else {
                return Response(status: .notFound)
            }
            return response(data, type: "image/png")
        }
        router.get("/_preview/events") { _, _ -> Response in
            let stream = hub.subscribe()
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                body: ResponseBody { writer in
                    for await message in stream {
                        try await writer.write(ByteBuffer(string: message))
                    }
                    try await writer.finish(nil)
                })
        }
        return router
    }

    /// A file name without folders (figures are `figures/<id>.png`).
    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && !name.hasPrefix(".")
    }

    private static func response(_ data: Data, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
