import Foundation
import PTYTestSupport
import Synchronization
import Testing

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// Runs the real `wasmsh` binary from the repository root and returns (stdout, stderr, status).
func runWasmsh(_ arguments: [String], standardInput: String? = nil, environment: [String: String] = [:]) throws
    -> (stdout: String, stderr: String, status: Int32)
{
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try PTYProcess.builtProduct(named: "wasmsh"))
    process.arguments = arguments
    process.currentDirectoryURL = repositoryRoot
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let stdout = Pipe()
    let stderr = Pipe()
    let stdin = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = stdin
    try process.run()
    if let standardInput { stdin.fileHandleForWriting.write(Data(standardInput.utf8)) }
    try stdin.fileHandleForWriting.close()
    // Read both pipes concurrently so a full stderr cannot block the child.
    let errorData = Mutex(Data())
    let reader = Thread { errorData.withLock { $0 = stderr.fileHandleForReading.readDataToEndOfFile() } }
    reader.start()
    let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while errorData.withLock({ $0.isEmpty }) && reader.isExecuting { usleep(1000) }
    Thread.sleep(forTimeInterval: 0.01)
    return (
        String(decoding: outputData, as: UTF8.self), String(decoding: errorData.withLock { $0 }, as: UTF8.self),
        process.terminationStatus
    )
}

/// Golden transcripts: `Transcripts/NAME.wsh` is piped into `wasmsh`; stdout must equal
/// `NAME.stdout`, stderr `NAME.stderr` (empty when absent), the exit status `NAME.status` (0
/// when absent). Audit durations vary and are written as `<time>`. Files named
/// `/tmp/wasmsh-transcript-*` in a script are removed before and after it runs. Set
/// WASMSH_UPDATE_GOLDEN=1 to rewrite the expected files from the current output.
@Suite("Golden transcripts")
struct TranscriptTests {
    static let directory = repositoryRoot.appendingPathComponent("Tests/ShellTests/Transcripts")

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".wsh") }.map { String($0.dropLast(4)) }.sorted()
    }

    static func normalized(_ text: String) -> String {
        text.replacing(#/\s\s\d+(\.\d+)? (ns|µs|ms|s)(?=\n|$)/#, with: "  <time>")
    }

    static func expected(_ name: String, _ suffix: String) -> String? {
        try? String(contentsOf: directory.appendingPathComponent("\(name).\(suffix)"), encoding: .utf8)
    }

    @Test("there are transcripts for every command")
    func coverage() {
        let scripts = Self.names.compactMap { Self.expected($0, "wsh") }.joined(separator: "\n")
        for command in [
            "load", "unload", "components", "imports", "exports", "wit", "grant", "revoke", "grants", "save", "call",
            "let", "vars", "drop", "audit", "help", "history", "source", "quit", "break", "delete", "source-dir",
        ] {
            #expect(scripts.contains("\n\(command)") || scripts.hasPrefix(command), "no transcript uses '\(command)'")
        }
    }

    @Test("a piped script prints exactly its golden transcript", arguments: names)
    func transcript(name: String) throws {
        let script = try #require(Self.expected(name, "wsh"))
        let arguments =
            Self.expected(name, "args")?.split(separator: " ").map {
                String($0).trimmingCharacters(in: .whitespacesAndNewlines)
            } ?? []
        // Files a transcript writes start absent, so that it prints the same on every run.
        let scratch = Set(script.matches(of: #//tmp/wasmsh-transcript-[A-Za-z0-9._-]+/#).map { String($0.output) })
        for file in scratch { try? FileManager.default.removeItem(atPath: file) }
        defer { for file in scratch { try? FileManager.default.removeItem(atPath: file) } }
        let result = try runWasmsh(arguments, standardInput: script)
        let stdout = Self.normalized(result.stdout)
        let stderr = Self.normalized(result.stderr)
        if ProcessInfo.processInfo.environment["WASMSH_UPDATE_GOLDEN"] == "1" {
            try stdout.write(
                to: Self.directory.appendingPathComponent("\(name).stdout"), atomically: true, encoding: .utf8)
            if !stderr.isEmpty {
                try stderr.write(
                    to: Self.directory.appendingPathComponent("\(name).stderr"), atomically: true, encoding: .utf8)
            }
            if result.status != 0 {
                try "\(result.status)\n".write(
                    to: Self.directory.appendingPathComponent("\(name).status"), atomically: true, encoding: .utf8)
            }
            return
        }
        #expect(stdout == (Self.expected(name, "stdout") ?? ""), "stdout of \(name)")
        #expect(stderr == (Self.expected(name, "stderr") ?? ""), "stderr of \(name)")
        #expect(
            "\(result.status)"
                == (Self.expected(name, "status")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "0"),
            "status of \(name)")
    }
}
