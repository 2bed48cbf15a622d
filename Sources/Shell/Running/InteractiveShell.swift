import Capabilities
import LineEditor
import WasmRuntime

/// The shell on a terminal: libedit prompt, history, completion; Ctrl-C clears the line or
/// interrupts a running call; Ctrl-D on an empty line quits.
public final class InteractiveShell {
    let session: Session

    public init(session: Session) {
        self.session = session
    }

    /// Whether standard input is a terminal: then the shell is interactive.
    public static var standardInputIsTerminal: Bool { isatty(0) == 1 }

    public static var historyPath: String? {
        if let path = getenv("WASMSH_HISTORY") { return String(cString: path) }
        guard let home = getenv("HOME") else { return nil }
        return String(cString: home) + "/.wasmsh_history"
    }

    /// The first line: the version, and the folders `load NAME` and manifests are found in, as
    /// they are (a folder that is not there is said to be missing, and where it was looked for).
    static func banner(_ settings: SessionSettings) -> String {
        let components = settings.componentsFolder
        let manifests = settings.manifestsFolder
        var text = "wasmsh \(WasmshVersion.number) — type 'help' (Tab completes). "
        if components.exists {
            text += "Components in \(components.shown)"
        } else {
            text += "No \(components.shown) folder in \(SessionFolder.workingDirectory): load components by path"
        }
        text += manifests.exists ? ", manifests in \(manifests.shown)." : "; no \(manifests.shown) folder."
        if settings.root != "." { text += " Guest file paths resolve against \(settings.root)." }
        return text
    }

    /// `Error: MESSAGE`, wrapped to the terminal (the lines after the first indented).
    static func errorLines(_ message: String, session: Session) -> String {
        let label = "Error:"
        guard let width = session.lineWidth else { return session.style(.error, label) + " \(message)\n" }
        let lines = WrappedText.lines("\(label) \(message)", width: width, indent: 2)
        let text = lines.joined(separator: "\n")
        return session.style(.error, label) + text.dropFirst(label.count) + "\n"
    }

    /// Runs until `quit` or Ctrl-D; returns the exit status (0).
    public func run() throws -> Int32 {
        let configuration = LineEditorConfiguration(programName: "wasmsh", historyFile: Self.historyPath)
        let editor = try LineEditor(configuration: configuration, prompt: session.style(.bold, "wasmsh>") + " ")
        defer { session.readStepAnswer = nil }
        let completer = ShellCompleter(session: session)
        editor.completionHandler = { completer.complete($0) }
        let mainPrompt = session.style(.bold, "wasmsh>") + " "
        session.readStepAnswer = { [session] prompt in
            editor.setPrompt(session.style(.bold, prompt) + " ")
            defer { editor.setPrompt(mainPrompt) }
            let line = try? editor.readLine()
            if let line, !line.trimmingWhitespace().isEmpty { editor.addToHistory(line.trimmingWhitespace()) }
            return line?.trimmingWhitespace()
        }
        try? InterruptMonitor.shared.start()
        defer { InterruptMonitor.shared.stop() }
        session.printWrapped(Self.banner(session.settings))
        while !session.isFinished {
            guard let line = try editor.readLine() else {
                session.print("")
                break
            }
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            editor.addToHistory(trimmed)
            _ = InterruptMonitor.shared.takePendingInterrupt()
            do {
                let interrupts = session.environment.interrupts
                try InterruptMonitor.shared.whileRunning(onInterrupt: { interrupts.interruptAll() }) {
                    try session.execute(trimmed)
                }
            } catch {
                session.output.writeError(Self.errorLines(ErrorMessage.text(for: error), session: session))
            }
        }
        return 0
    }
}
