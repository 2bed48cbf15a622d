import Foundation
import Testing
import WASIOracleSupport

@testable import Shell

@Suite("One-shot programs in-process")
struct InvokeProgramTests {
    private func path(_ file: String) -> String { repositoryRoot.appendingPathComponent(file).path }

    @Test("invoke prints the WAVE result alone on standard output")
    func invokePrintsResult() throws {
        let output = BufferedOutput()
        #expect(
            try InvokeProgram(file: path("components/values.wasm"), expression: "add(1, 2)").run(output: output) == 0)
        #expect(output.standardOutput == "3\n")
        #expect(output.standardError.isEmpty)
    }

    @Test("invoke: a --grant flag lets the host call through, and its audit line goes to standard error")
    func invokeWithGrant() throws {
        let output = BufferedOutput()
        var program = InvokeProgram(file: path("components/trusted.wasm"), expression: "run()")
        program.options.grants = ["filesystem=./demo.txt"]
        program.options.root = repositoryRoot.path
        #expect(try program.run(output: output) == 0)
        #expect(output.standardOutput.hasPrefix("\"SUCCESS: Read demo.txt content:\\nHello from the sandbox!"))
        #expect(output.standardError.hasPrefix("[ALLOWED] trusted     filesystem.read-file(\"./demo.txt\")"))
    }

    @Test("invoke: a malformed --grant flag is an error before anything loads")
    func invokeBadGrant() {
        var program = InvokeProgram(file: path("components/trusted.wasm"), expression: "run()")
        program.options.grants = ["=./x"]
        #expect(throws: ShellError("--grant needs a capability, e.g. --grant filesystem")) {
            _ = try program.run(output: BufferedOutput())
        }
    }

    @Test("invoke: what a WASI guest prints comes before the result, which is the last line")
    func invokeWASIOutputFirst() throws {
        let output = BufferedOutput()
        var program = InvokeProgram(file: path("components/wasi/hello.wasm"), expression: "run()")
        program.options.grants = ["stdout"]
        #expect(try program.run(output: output) == 0)
        #expect(output.standardOutput == "hello from wasi\nok\n")
    }

    @Test("invoke: a guest that exits gives its status and no result")
    func invokeExit() throws {
        let output = BufferedOutput()
        var program = InvokeProgram(file: path("components/wasi/exit-code.wasm"), expression: "run()")
        program.options.arguments = ["7"]
        #expect(try program.run(output: output) == 7)
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError.hasSuffix("wasmsh: exit-code exited with status 7\n"))
    }

    @Test("run: granted output passes through as it is; what is not granted is dropped and audited")
    func runPassesGrantedOutput() throws {
        let output = BufferedOutput()
        var program = RunProgram(file: path("components/wasi/hello.wasm"))
        program.options.grants = ["stdout"]
        #expect(try program.run(output: output) == 0)
        #expect(output.standardOutput == "hello from wasi\n")
        #expect(output.standardError.contains("[ALLOWED] hello       stdout: 1 write, 16 B\n"))
        #expect(
            output.standardError.contains(
                "[DENIED]  hello       stderr: 1 write dropped, 16 B  hello wrote to stderr, which it may not: "
                    + "grant hello stderr\n"))
    }

    @Test("run: --env of a variable wasmsh lacks warns, and --dir for a guest without files is ignored with a note")
    func runOptionalGrants() throws {
        let output = BufferedOutput()
        var program = RunProgram(file: path("components/wasi/hello.wasm"))
        program.options.environment = ["WASMSH_TEST_SURELY_UNSET"]
        program.options.directories = ["rw:/tmp::/tmp"]
        program.options.quiet = true
        #expect(try program.run(output: output) == 0)
        #expect(
            output.standardError
                == "wasmsh: --env WASMSH_TEST_SURELY_UNSET: hello imports no wasi:cli/environment; ignored\n"
                + "wasmsh: --dir /tmp::/tmp: hello imports no wasi:filesystem; ignored\n")
    }

    @Test("run: a component that is not a WASI command is refused with the reason")
    func runNeedsCommand() {
        #expect(throws: (any Error).self) {
            _ = try RunProgram(file: path("components/values.wasm")).run(output: BufferedOutput())
        }
    }

    @Test(
        "wit of every WASI fixture equals wasm-tools component wit, aliases re-exported through another interface included",
        arguments: [
            "hello", "hello-0.2.0", "cat", "env", "exit", "exit-code", "fs", "net", "random-clocks", "sleep",
            "python-probe", "python-malicious",
        ])
    func witOfWASIFixtures(_ name: String) throws {
        let file = name.hasPrefix("python") ? try PackedFixture.path(name) : path("components/wasi/\(name).wasm")
        let expected = try String(contentsOfFile: path("components/wasi/expected/\(name).wit"), encoding: .utf8)
        #expect(try WitProgram.text(of: file) == expected)
    }

    @Test("the seed in Python: the malicious skill is blocked as the C one is, and succeeds once granted")
    func pythonSeed() throws {
        let output = BufferedOutput()
        let session = try Session(settings: SessionSettings(), output: output)
        try session.execute("load \(try PackedFixture.path("python-malicious")) as malicious")
        try session.execute("call malicious.run()")
        try session.execute("grant malicious filesystem")
        try session.execute("call malicious.run()")
        let results = output.standardOutput.split(separator: "\n").filter { $0.hasPrefix("\"") }
        #expect(
            results.first
                == "\"BLOCKED: Failed to read /etc/passwd - Permission denied: component \\'malicious\\' does not have filesystem capability\""
        )
        #expect(results.last?.hasPrefix("\"SUCCESS: Read /etc/passwd content:\\nroot:") == true)
    }

    @Test("wit gives the world as WIT")
    func wit() throws {
        let expected = try String(contentsOfFile: path("components/expected/trusted.wit"), encoding: .utf8)
        #expect(try WitProgram.text(of: path("components/trusted.wasm")) == expected)
    }
}
