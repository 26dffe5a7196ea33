import Foundation

/// Where nbrun keeps downloaded and converted data sets.
public struct DataDirectory: Sendable {
    /// The data directory: `override` (the notebook's setting) > `$NBRUN_DATA` >
    /// `$XDG_CACHE_HOME/nbrun` > `~/.cache/nbrun`.
    ///
    /// Empty values count as unset (as the XDG spec asks); `~` is expanded; a relative path is
    /// taken relative to the current directory. The same order is used by scripts/setup.sh.
    public static func resolve(
        override: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        let home = nonEmpty(environment["HOME"]) ?? FileManager.default.homeDirectoryForCurrentUser.path
        if let path = nonEmpty(override) { return url(path, home: home) }
        if let path = nonEmpty(environment["NBRUN_DATA"]) { return url(path, home: home) }
        if let cache = nonEmpty(environment["XDG_CACHE_HOME"]) {
            return url(cache, home: home).appendingPathComponent("nbrun", isDirectory: true)
        }
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".cache", isDirectory: true)
            .appendingPathComponent("nbrun", isDirectory: true)
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    private static func url(_ path: String, home: String) -> URL {
        var expanded = path
        if expanded == "~" {
            expanded = home
        } else if expanded.hasPrefix("~/") {
            expanded = home + expanded.dropFirst(1)
        }
        return URL(fileURLWithPath: expanded, isDirectory: true).standardizedFileURL
    }
}
