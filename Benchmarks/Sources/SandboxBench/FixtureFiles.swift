import Capabilities
import WasmRuntime

/// Where the repository's fixtures are, read once so file I/O stays out of the timings.
struct FixtureFiles {
    /// The repository root: the filesystem root of the sandbox (busy reads ./demo.txt from it).
    let root: String

    var largeComponentPath: String { "\(root)/components/large/large.wasm" }

    func path(of component: String) -> String {
        "\(root)/components/\(component).wasm"
    }

    func bytes(of component: String) throws -> [UInt8] {
        try ComponentFile.read(path(of: component))
    }
}
