import ArgumentParser
import Testing

@testable import WasmshCLI

@Suite("The command line")
struct CommandLineTests {
    @Test("without a subcommand the shell runs, with its options")
    func shellIsTheDefault() throws {
        let command = try WasmshCommand.parseAsRoot(["--echo", "--keep-going", "-c", "load trusted"])
        let shell = try #require(command as? ShellCommand)
        #expect(shell.echo && shell.keepGoing)
        #expect(shell.commands == "load trusted")
    }

    @Test("invoke hands every flag to the program, grants as typed and in order")
    func invokeFlags() throws {
        let command = try WasmshCommand.parseAsRoot([
            "invoke", "components/malicious.wasm", "run()", "--grant", "filesystem=/etc/passwd", "--grant",
            "filesystem.read-file", "--manifest", "m.toml", "--audit-log", "a.jsonl", "--root", "/tmp",
        ])
        let program = try #require(command as? InvokeCommand).program
        #expect(program.file == "components/malicious.wasm")
        #expect(program.expression == "run()")
        #expect(program.grants == ["filesystem=/etc/passwd", "filesystem.read-file"])
        #expect(program.manifest == "m.toml")
        #expect(program.auditLog == "a.jsonl")
        #expect(program.root == "/tmp")
    }

    @Test("invoke without its call expression is a usage error")
    func invokeNeedsAnExpression() {
        #expect(throws: (any Error).self) { try WasmshCommand.parseAsRoot(["invoke", "components/values.wasm"]) }
    }

    @Test("wit and demo take one argument each")
    func witAndDemo() throws {
        #expect(try #require(WasmshCommand.parseAsRoot(["wit", "x.wasm"]) as? WitCommand).file == "x.wasm")
        #expect(try #require(WasmshCommand.parseAsRoot(["demo", "trusted"]) as? DemoCommand).name == "trusted")
    }
}
