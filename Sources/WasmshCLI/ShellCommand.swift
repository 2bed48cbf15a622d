import ArgumentParser
import Shell
import TerminalUI

struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "The interactive shell (the default), or a script from a file, -c or standard input.",
        discussion: """
            Interactive (line editing, history, completion) when standard input is a terminal. \
            Otherwise commands are read from SCRIPT, -c, or standard input: no prompt, '#' comments, \
            and the first failing command prints 'Error: near line N: MESSAGE' on stderr and exits 1. \
            Examples:
              wasmsh
              wasmsh examples/flow.wsh
              wasmsh < examples/flow.wsh
              wasmsh -c 'load trusted; call trusted.run()'
            """)

    @Argument(help: "A script of shell commands to run instead of reading standard input.")
    var script: String?

    @Option(name: .customShort("c"), help: "Run these commands, separated by ';', and exit.")
    var commands: String?

    @Flag(help: "Print each command before its output.")
    var echo = false

    @Flag(help: "Go on after a failing command (the exit status is still 1).")
    var keepGoing = false

    @Flag(help: "Never use colours (also: NO_COLOR, TERM=dumb, output not a terminal).")
    var noColor = false

    @Option(help: "Append every host call's audit records to this JSONL file.")
    var auditLog: String?

    @Option(
        help: """
            Resolve the file paths components ask the host for against this directory (default: the working \
            directory). 'load NAME' still looks in ./components and ./manifests.
            """)
    var root: String?

    @Option(
        name: .customLong("source-dir"),
        help: "Look for the source files of components' DWARF here too (repeatable; also 'source-dir DIR').")
    var sourceDirectories: [String] = []

    func run() throws {
        var settings = SessionSettings()
        settings.auditLogPath = auditLog
        settings.outputIsTerminal = TerminalCapabilities.isTerminal(descriptor: 1)
        if let root { settings.root = root }
        settings.sourceDirectories = sourceDirectories
        let capabilities = TerminalCapabilities.detect(noColorFlag: noColor)
        // A script's output piped on is written in large pieces (see `StandardStreams`); the
        // interactive shell and a terminal see every line at once.
        let output = StandardStreams(
            buffering: !settings.outputIsTerminal
                && (commands != nil || script != nil || !InteractiveShell.standardInputIsTerminal))
        defer { output.flush() }
        let session: Session
        do {
            session = try Session(settings: settings, output: output, style: capabilities.style)
        } catch {
            output.writeError("Error: \(error)\n")
            throw ExitCode.failure
        }
        let runner = ScriptRunner(session: session, echo: echo, keepGoing: keepGoing, source: nil)
        let succeeded: Bool
        if let commands {
            succeeded = runner.run(commandList: commands)
        } else if let script {
            do {
                succeeded = try runner.run(file: script)
            } catch {
                output.writeError("Error: \(error)\n")
                throw ExitCode.failure
            }
        } else if InteractiveShell.standardInputIsTerminal {
            do {
                _ = try InteractiveShell(session: session).run()
                return
            } catch {
                output.writeError("Error: \(error)\n")
                throw ExitCode.failure
            }
        } else {
            succeeded = runner.runStandardInput()
        }
        if !succeeded { throw ExitCode.failure }
    }
}
