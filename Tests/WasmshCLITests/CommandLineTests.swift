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
        #expect(program.options.grants == ["filesystem=/etc/passwd", "filesystem.read-file"])
        #expect(program.options.manifest == "m.toml")
        #expect(program.options.auditLog == "a.jsonl")
        #expect(program.options.root == "/tmp")
    }

    @Test("run takes the flags of wasmtime run, and the guest's arguments after --")
    func runFlags() throws {
        let command = try WasmshCommand.parseAsRoot([
            "run", "app.wasm", "--grant", "stdout", "--env", "HOME", "--env", "LANG=C", "--dir", "rw:./data::/data",
            "--dir", "/etc", "--argv0", "app", "--quiet", "--", "--verbose", "input.txt",
        ])
        let program = try #require(command as? RunCommand).program
        #expect(program.file == "app.wasm")
        #expect(program.options.grants == ["stdout"])
        #expect(program.options.environment == ["HOME", "LANG=C"])
        #expect(program.options.directories == ["rw:./data::/data", "/etc"])
        #expect(program.options.argv0 == "app")
        #expect(program.options.quiet)
        #expect(program.options.arguments == ["--verbose", "input.txt"])
    }

    @Test("invoke passes arguments after -- to the guest too")
    func invokeArguments() throws {
        let command = try WasmshCommand.parseAsRoot(["invoke", "app.wasm", "run()", "--", "a", "--b"])
        #expect(try #require(command as? InvokeCommand).program.options.arguments == ["a", "--b"])
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
