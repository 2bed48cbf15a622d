import Foundation
import Testing

@testable import Shell

@Suite("Source files for list and line pauses")
struct SourceLocatorTests {
    /// A fresh folder with `files` (relative path → contents).
    private func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wasmsh-sources-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    @Test("the path DWARF gives is read first; then each source directory, by that path and by base name")
    func lookup() throws {
        let root = try folder(["a/src/x.c": "first\n", "b/x.c": "second\n", "c/src/y.c": "third\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let locator = SourceLocator(directories: [
            root.appendingPathComponent("b").path, root.appendingPathComponent("c").path,
        ])
        #expect(try locator.file(root.appendingPathComponent("a/src/x.c").path).lines == ["first"])
        // Not where DWARF says: the base name in the first directory that has it.
        #expect(try locator.file("/nowhere/src/x.c").lines == ["second"])
        // A relative DWARF path under a directory.
        #expect(try locator.file("./src/y.c").lines == ["third"])
        #expect(try locator.file("./src/y.c").path == root.appendingPathComponent("c").path + "/src/y.c")
    }

    @Test("a file that is not found says where it was looked for and what to do")
    func notFound() throws {
        let locator = SourceLocator(directories: ["/no/such/dir"])
        let error = #expect(throws: ShellError.self) { try locator.file("./lib/z.c") }
        #expect(
            error?.description
                == "source file './lib/z.c' is not readable here (looked at 'lib/z.c', '/no/such/dir/lib/z.c', "
                + "'/no/such/dir/z.c'); 'source-dir DIR' tells where sources are")
    }

    @Test("only regular files up to the limit are read: not directories, FIFOs or large files")
    func onlyRegularFiles() throws {
        let root = try folder(["big.c": String(repeating: "x", count: 2000), "small.c": "ok\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("dir.c"), withIntermediateDirectories: true)
        let fifo = root.appendingPathComponent("fifo.c").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let locator = SourceLocator(directories: [], maximumBytes: 1000)
        for name in ["big.c", "dir.c", "fifo.c"] {
            #expect(throws: ShellError.self, "\(name)") { try locator.file(root.appendingPathComponent(name).path) }
        }
        #expect(try locator.file(root.appendingPathComponent("small.c").path).lines == ["ok"])
    }

    @Test("tabs become spaces to the next multiple of 8, CRLF ends lines, control characters are escaped")
    func displayable() {
        let file = SourceFile(path: "t.c", bytes: Array("\tint x;\r\na\tb\u{1B}[2J\u{7F}\u{85}\nlast".utf8))
        #expect(file.lines == ["        int x;", "a       b\\u{1b}[2J\\u{7f}\\u{85}", "last"])
        #expect(file.line(0) == nil && file.line(4) == nil && file.line(3) == "last")
        #expect(SourceFile(path: "e.c", bytes: []).lines.isEmpty)
        #expect(SourceFile(path: "n.c", bytes: Array("a\n\nb\n".utf8)).lines == ["a", "", "b"])
    }
}
