import Capabilities
import WasmRuntime

/// The process's resident set size, from /proc/self/status (`VmRSS: N kB`); Linux only.
enum ResidentMemory {
    static func kibibytes() throws -> Int {
        let status = String(decoding: try ComponentFile.read("/proc/self/status"), as: UTF8.self)
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let digits = line.dropFirst("VmRSS:".count).filter(\.isNumber)
            if let value = Int(digits) { return value }
        }
        throw BenchError("no VmRSS line in /proc/self/status")
    }
}
