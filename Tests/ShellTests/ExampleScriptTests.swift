import Foundation
import Testing

@Suite("Example scripts")
struct ExampleScriptTests {
    @Test("examples/flow.wsh, piped in, is denied, allowed the real /etc/passwd, then denied again")
    func flow() throws {
        let script = try String(contentsOf: repositoryRoot.appendingPathComponent("examples/flow.wsh"), encoding: .utf8)
        let result = try runWasmsh([], standardInput: script)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let decisions = result.stdout.split(separator: "\n").filter { $0.hasPrefix("[") }.map { $0.prefix(9) }
        #expect(decisions == ["[DENIED] ", "[ALLOWED]", "[DENIED] "])
        let passwd = try String(contentsOfFile: "/etc/passwd", encoding: .utf8)
        let firstLine = passwd.split(separator: "\n").first.map(String.init) ?? ""
        #expect(result.stdout.contains("\"SUCCESS: Read /etc/passwd content:\\n\(firstLine)"))
        #expect(result.stdout.components(separatedBy: "BLOCKED: Failed to read /etc/passwd").count == 3)
    }

    @Test("the same script given as a file argument behaves the same")
    func flowAsArgument() throws {
        let piped = try runWasmsh(
            [],
            standardInput: try String(
                contentsOf: repositoryRoot.appendingPathComponent("examples/flow.wsh"), encoding: .utf8))
        let argument = try runWasmsh(["examples/flow.wsh"])
        #expect(TranscriptTests.normalized(argument.stdout) == TranscriptTests.normalized(piped.stdout))
        #expect(argument.status == 0)
    }
}
