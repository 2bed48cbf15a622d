import Foundation
import PTYTestSupport
import Testing

@Suite("Durable audit")
struct DurableAuditTests {
    @Test("a wasmsh killed with SIGKILL mid-script left every decision it made in the JSONL file")
    func survivesSIGKILL() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wasmsh-kill-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let script = """
            load busy
            grant busy filesystem ./demo.txt
            call busy.read-many("./demo.txt", 500)
            call busy.read-many("/etc/hostname", 250)
            load compute
            call compute.forever()
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try PTYProcess.builtProduct(named: "wasmsh"))
        process.arguments = ["--audit-log", log.path]
        process.currentDirectoryURL = repositoryRoot
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        // The guest is now spinning in forever(); wait until the 750 calls are on disk.
        let deadline = Date().addingTimeInterval(20)
        var text = ""
        while Date() < deadline {
            text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if text.components(separatedBy: "\"phase\":\"finished\"").count > 750 { break }
            usleep(20_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        text = try String(contentsOf: log, encoding: .utf8)
        let records = text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(records.count == text.split(separator: "\n").count, "every line is a whole JSON object")
        let decided = records.filter { $0["phase"] as? String == "decided" }
        let finished = records.filter { $0["phase"] as? String == "finished" }
        #expect(decided.count == 750)
        #expect(finished.count == 750)
        #expect(decided.map { $0["seq"] as? Int ?? 0 } == Array(1...750))
        #expect(decided.prefix(500).allSatisfy { $0["decision"] as? String == "allowed" })
        #expect(decided.suffix(250).allSatisfy { $0["decision"] as? String == "denied" })
    }

    @Test(
        "a log that fills up mid-record is cut back to whole lines, and the call whose decision was not written did not run"
    )
    func fullLogLeavesNoTornLine() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wasmsh-full-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        // A 4 KiB file size limit (SIGXFSZ ignored, so write(2) fails with EFBIG instead): the
        // records of read-many run into it part-way through a line.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            "-c", "trap '' XFSZ; ulimit -f 4; exec \"$0\" --audit-log \"$1\" --keep-going",
            try PTYProcess.builtProduct(named: "wasmsh"), log.path,
        ]
        process.currentDirectoryURL = repositoryRoot
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(
            Data(
                "load busy\ngrant busy filesystem ./demo.txt\ncall busy.read-many(\"./demo.txt\", 100)\naudit --last 1\n"
                    .utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let bytes = try Data(contentsOf: log)
        #expect(bytes.count <= 4096)
        #expect(bytes.last == UInt8(ascii: "\n"), "the file ends with a whole line")
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
        #expect(text.contains("cannot write to \(log.path)"), "the call failed naming the log: \(text)")
    }

    @Test("a decision that cannot be written at all: the call does not run, the history says so, the instance is done")
    func unwritableDecision() throws {
        let result = try runWasmsh(
            ["--audit-log", "/dev/full", "--keep-going"],
            standardInput: "load trusted\ncall trusted.run()\naudit\ncall trusted.run()\n")
        #expect(
            result.stderr.contains("Error: near line 2: audit log: cannot write to /dev/full: No space left on device"))
        #expect(
            result.stdout.contains(
                "#1  [ALLOWED] trusted     filesystem.read-file(\"./demo.txt\") -> failed: not run: the decision could not be recor"
            ), "\(result.stdout)")
        #expect(result.stderr.contains("Error: near line 4: trusted cannot be called: it trapped"))
    }
}
