import Capabilities
import Foundation
import Synchronization

/// The componentize-py components of `components/wasi/` (CPython inside), committed as
/// `NAME.wasm.xz`: unpacked once per test process with `xz -dc`.
enum PythonComponent {
    private static let unpacked = Mutex<[String: Result<[UInt8], UnpackError>]>([:])

    struct UnpackError: Error, CustomStringConvertible {
        let description: String
    }

    /// `python-probe` or `python-malicious`.
    static func bytes(_ name: String) throws -> [UInt8] {
        try unpacked.withLock { cache in
            if let cached = cache[name] { return try cached.get() }
            let result = Result { try unpack(name) }.mapError { UnpackError(description: "\($0)") }
            cache[name] = result
            return try result.get()
        }
    }

    private static func unpack(_ name: String) throws -> [UInt8] {
        let xz = Process()
        xz.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        xz.arguments = ["xz", "-dc", repositoryRoot.appendingPathComponent("components/wasi/\(name).wasm.xz").path]
        let output = Pipe()
        xz.standardOutput = output
        try xz.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        xz.waitUntilExit()
        guard xz.terminationStatus == 0 else { throw UnpackError(description: "xz -dc \(name).wasm.xz failed") }
        return [UInt8](data)
    }
}

extension WASIFixture {
    /// A component from its bytes (one unpacked, or built by a test), loaded as `name`.
    init(
        bytes: [UInt8], name: String, grants: [GrantRequest] = [], root: String? = nil,
        configure: (SandboxEnvironment) -> Void = { _ in }
    ) throws {
        let audit = AuditLog()
        let environment = try SandboxEnvironment(root: root, audit: audit)
        configure(environment)
        self.environment = environment
        let output = CapturedGuestOutput()
        environment.guestOutput = { _ in output }
        self.output = output
        self.audit = audit
        component = try SandboxedComponent(
            bytes: bytes, name: name, environment: environment, policy: PolicySetup(grants: grants))
    }
}
