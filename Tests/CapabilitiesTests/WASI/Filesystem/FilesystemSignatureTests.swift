import Foundation
import Testing
import WASIOracleSupport
import WasmComponent

@testable import Capabilities

/// Every function of `wasi:filesystem/types` and `preopens` that real components import is
/// served, with exactly the type they import it with (what the gate checks at load).
@Suite("WASI filesystem: signatures")
struct FilesystemSignatureTests {
    /// The filesystem interfaces a component imports, by name, with their functions' types as
    /// `WITPrinter.structuralSignature` spells them.
    static func imported(in bytes: [UInt8]) throws -> [String: [String: String]] {
        let world = try ComponentInspector.world(of: try ComponentParser.parse(bytes))
        var interfaces: [String: [String: String]] = [:]
        for case .interface(let interface) in world.imports where interface.name.hasPrefix("wasi:filesystem/") {
            interfaces[interface.name] = Dictionary(
                uniqueKeysWithValues: interface.functions.map { ($0.name, WITPrinter.structuralSignature(of: $0.type)) }
            )
        }
        return interfaces
    }

    static func host(_ name: String) -> (any HostInterface)? {
        WASIHosts.all.first { $0.interfaceName == InterfaceName(name).unversioned }
    }

    @Test("CPython's components (WASI 0.2.12 and 0.2.9) import every filesystem function, each served as imported")
    func componentizePy() throws {
        let probe = try Self.imported(in: try PackedFixture.bytes("python-probe"))
        #expect(Set(probe.keys) == ["wasi:filesystem/types@0.2.12", "wasi:filesystem/preopens@0.2.12"])
        for (name, functions) in probe {
            let host = try #require(Self.host(name))
            // The whole interface: nothing imported is missing, nothing served is unknown.
            #expect(host.signatures == functions, "\(name)")
        }
        #expect(probe["wasi:filesystem/types@0.2.12"]?.count == 29)

        let malicious = try Self.imported(in: try PackedFixture.bytes("python-malicious"))
        #expect(Set(malicious.keys) == ["wasi:filesystem/types@0.2.9", "wasi:filesystem/preopens@0.2.9"])
        // The malicious skill imports only what its code uses (26 of types' functions: no
        // get-type, is-same-object or filesystem-error-code), each served with its type.
        #expect(malicious["wasi:filesystem/types@0.2.9"]?.count == 26)
        for (name, functions) in malicious {
            let host = try #require(Self.host(name))
            for (function, signature) in functions { #expect(host.signatures[function] == signature, "\(function)") }
        }
    }

    @Test("fs.wasm's and fs-meta.wasm's imports are served with the types they import", arguments: ["fs", "fs-meta"])
    func fsFixture(fixture: String) throws {
        let bytes = [UInt8](
            try Data(contentsOf: repositoryRoot.appendingPathComponent("components/wasi/\(fixture).wasm")))
        let imported = try Self.imported(in: bytes)
        #expect(imported.keys.contains("wasi:filesystem/types@0.2.12"))
        for (name, functions) in imported {
            let host = try #require(Self.host(name))
            for (function, signature) in functions { #expect(host.signatures[function] == signature, "\(function)") }
        }
    }

    @Test("the error-code enum lists wasi:filesystem's 37 cases in WIT order")
    func errorCodes() {
        #expect(FilesystemErrorCode.allCases.count == 37)
        #expect(FilesystemErrorCode.witType.hasPrefix("enum { access, would-block, already, bad-descriptor,"))
        #expect(FilesystemErrorCode.witType.hasSuffix("read-only, invalid-seek, text-file-busy, cross-device }"))
    }
}
