import Foundation
import PTYTestSupport
import Testing

@testable import LineEditor

@Suite("History list and file")
struct LineHistoryTests {
    let folder: TemporaryFolder
    var directory: URL { folder.url }

    init() throws {
        folder = try TemporaryFolder(prefix: "linehistory-tests")
    }

    @Test("entries are kept oldest first, without immediate duplicates")
    func entries() throws {
        let history = try LineHistory(size: 10)
        history.add("one")
        history.add("two")
        history.add("two")
        history.add("three")
        #expect(history.entries == ["one", "two", "three"])
    }

    @Test("the size limit drops the oldest entries")
    func sizeLimit() throws {
        let history = try LineHistory(size: 2)
        for line in ["a", "b", "c"] { history.add(line) }
        #expect(history.entries == ["b", "c"])
    }

    @Test("save then load gives back the same entries, including spaces and UTF-8")
    func roundTrip() throws {
        let path = directory.appendingPathComponent("history").path
        let saved = try LineHistory(size: 10)
        for line in ["call m.run()", "grant m filesystem /tmp/a b", "say \"héllo\" 😀"] { saved.add(line) }
        try saved.save(to: path)
        let loaded = try LineHistory(size: 10)
        try loaded.load(from: path)
        #expect(loaded.entries == saved.entries)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(leftovers == ["history"], "the temporary file is renamed away")
    }

    @Test("a missing history file is an empty history")
    func missingFile() throws {
        let history = try LineHistory(size: 10)
        try history.load(from: directory.appendingPathComponent("none").path)
        #expect(history.entries.isEmpty)
    }

    @Test("a file in another format is an error naming the file")
    func foreignFile() throws {
        let path = directory.appendingPathComponent("bash_history").path
        try "ls\ncd /\n".write(toFile: path, atomically: true, encoding: .utf8)
        let history = try LineHistory(size: 10)
        #expect(throws: LineEditorError.historyLoadFailed(path: path, reason: "not a libedit history file")) {
            try history.load(from: path)
        }
    }

    @Test("saving into a missing directory is an error naming the file")
    func unwritable() throws {
        let path = directory.appendingPathComponent("missing/history").path
        let history = try LineHistory(size: 10)
        history.add("x")
        #expect(throws: LineEditorError.historySaveFailed(path: path, reason: "No such file or directory")) {
            try history.save(to: path)
        }
    }
}
