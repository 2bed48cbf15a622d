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
}
