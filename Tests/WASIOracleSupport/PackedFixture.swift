import Foundation
import Synchronization

/// The componentize-py fixtures, committed xz-compressed (`components/wasi/NAME.wasm.xz`),
/// unpacked once per test process into a temporary folder.
public enum PackedFixture {
    private static let unpacked = Mutex<[String: String]>([:])

    /// The path of `components/wasi/NAME.wasm`, unpacked.
    public static func path(_ name: String) throws -> String {
        try unpacked.withLock { paths in
            if let path = paths[name] { return path }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wasmsh-fixtures-\(getpid())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("\(name).wasm").path
            let xz = Process()
            xz.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            xz.arguments = ["xz", "-dc", repositoryRoot.appendingPathComponent("components/wasi/\(name).wasm.xz").path]
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown)
            }
            xz.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try xz.run()
            xz.waitUntilExit()
            guard xz.terminationStatus == 0 else { throw CocoaError(.fileReadCorruptFile) }
            paths[name] = path
            return path
        }
    }

    /// The bytes of `components/wasi/NAME.wasm`, unpacked.
    public static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: try path(name))))
    }
}
