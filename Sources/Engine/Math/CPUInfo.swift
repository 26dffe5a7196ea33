import Foundation

/// The processor's model name, read from /proc/cpuinfo on Linux (the kernel's view of CPUID), for
/// provenance only: results never depend on it.
enum CPUInfo {
    static let fields: [String: String] = {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return [:] }
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            if result[key] == nil {
                result[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return result
    }()

    /// e.g. "AMD EPYC" or "Intel(R) Xeon(R) Platinum 8488C".
    static var model: String {
        fields["model name"] ?? fields["Model"] ?? fields["CPU part"].map { "ARM part \($0)" } ?? "unknown CPU"
    }
}
