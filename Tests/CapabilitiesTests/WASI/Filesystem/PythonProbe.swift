import Capabilities
import Foundation
import Synchronization

/// `components/wasi/python-probe.wasm.xz` (componentize-py, CPython inside), unpacked once per
/// test process with `xz -dc`.
enum PythonProbe {
    private static let unpacked = Mutex<Result<[UInt8], ProbeError>?>(nil)

    struct ProbeError: Error, CustomStringConvertible {
        let description: String
    }

    static func bytes() throws -> [UInt8] {
        try unpacked.withLock { cached in
            if let cached { return try cached.get() }
            let result = Result { try unpack() }.mapError { ProbeError(description: "\($0)") }
            cached = result
            return try result.get()
        }
    }

    private static func unpack() throws -> [UInt8] {
        let xz = Process()
        xz.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        xz.arguments = [
            "xz", "-dc", repositoryRoot.appendingPathComponent("components/wasi/python-probe.wasm.xz").path,
        ]
        let output = Pipe()
        xz.standardOutput = output
        try xz.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        xz.waitUntilExit()
        guard xz.terminationStatus == 0 else { throw ProbeError(description: "xz -dc failed") }
        return [UInt8](data)
    }
}

extension WASIFixture {
    /// A component from its bytes (one unpacked, or built by a test), loaded as `name`.
    init(bytes: [UInt8], name: String, grants: [GrantRequest] = [], root: String? = nil) throws {
        let audit = AuditLog()
        let environment = try SandboxEnvironment(root: root, audit: audit)
        let output = CapturedGuestOutput()
        environment.guestOutput = { _ in output }
        self.output = output
        self.audit = audit
        component = try SandboxedComponent(
            bytes: bytes, name: name, environment: environment, policy: PolicySetup(grants: grants))
    }
}
