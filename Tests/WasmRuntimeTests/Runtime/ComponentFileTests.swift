import Foundation
import Testing
import WasmRuntime

/// Files are read whole, in one read into memory not zeroed first, and never past their limit,
/// also where the size `fstat` gives is wrong.
@Suite("Reading component files")
struct ComponentFileTests {
    @Test("a file is read byte for byte, its size from fstat")
    func readsWholeFile() throws {
        let path = NSTemporaryDirectory() + "wasmsh-component-file-\(getpid()).bin"
        defer { unlink(path) }
        let contents = (0..<100_003).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(contents).write(to: URL(fileURLWithPath: path))
        #expect(try ComponentFile.read(path) == contents)
        #expect(try ComponentFile.read(path, limit: contents.count) == contents)
        let refused = #expect(throws: LoadError.self) { try ComponentFile.read(path, limit: contents.count - 1) }
        #expect(refused?.description.contains("more than the limit of \(contents.count - 1) bytes") == true)
    }

    #if os(Linux)
        @Test("a file whose size fstat gives as 0 (as in /proc) is read to its end, and only up to the limit")
        func readsPastStatSize() throws {
            let status = try ComponentFile.read("/proc/self/status", limit: 1 << 20)
            #expect(String(decoding: status, as: UTF8.self).hasPrefix("Name:"))
            let refused = #expect(throws: LoadError.self) { try ComponentFile.read("/proc/self/status", limit: 10) }
            #expect(refused?.description.contains("the limit of 10 bytes") == true)
        }
    #endif
}
