import Capabilities
import WasmRuntime

/// (e) Resident memory per loaded small component: load one copy (warming up the runtime's own
/// one-time allocations), then 100 more kept alive, and divide the growth of RSS by 100.
/// Run alone in a fresh process, since RSS is the whole process's.
struct MemoryBenchmark {
    let files: FixtureFiles
    let component: String
    let copies: Int

    func run() throws -> [Measurement] {
        let bytes = try files.bytes(of: component)
        let environment = try SandboxEnvironment(root: files.root)
        var loaded = [try SandboxedComponent(bytes: bytes, name: component, environment: environment)]
        let before = try ResidentMemory.kibibytes()
        for index in 0..<copies {
            loaded.append(try SandboxedComponent(bytes: bytes, name: "\(component)-\(index)", environment: environment))
        }
        let after = try ResidentMemory.kibibytes()
        blackHole(loaded)
        return [
            Measurement(
                metric: "memory.\(component)", value: Double(after - before) / Double(copies), unit: "KiB/component",
                note: "RSS \(before) → \(after) KiB over \(copies) loads")
        ]
    }
}
