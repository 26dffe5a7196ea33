import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the engine knows about the processor: model name and instruction-set flags, read from
/// /proc/cpuinfo on Linux (the kernel's view of CPUID), empty elsewhere.
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

    /// x86 "flags" or arm "Features".
    static var flags: Set<String> {
        Set((fields["flags"] ?? fields["Features"] ?? "").split(separator: " ").map(String.init))
    }

    /// The OpenBLAS kernel family to request on this CPU, or nil to let OpenBLAS decide.
    ///
    /// Debian's OpenBLAS 0.3.21 (DYNAMIC_ARCH) falls back to Prescott kernels on CPUs newer than it
    /// knows, e.g. Sapphire Rapids; naming the family by the instruction sets present avoids that.
    /// x86-64 only: AVX-512 F/CD/BW/DQ/VL -> SkylakeX; AVX2 + FMA -> Haswell; otherwise nil.
    static func openBLASCoreType(flags: Set<String>, isX86: Bool) -> String? {
        guard isX86 else { return nil }
        if ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"].allSatisfy(flags.contains) {
            return "SkylakeX"
        }
        if flags.contains("avx2"), flags.contains("fma") { return "Haswell" }
        return nil
    }

    static var isX86: Bool {
        #if arch(x86_64)
            return true
        #else
            return false
        #endif
    }
}
