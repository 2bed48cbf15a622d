import Foundation
import PTYTestSupport

/// Starts the `TerminalDemo` line-editing loop on a pseudo-terminal with a clean environment:
/// its own HOME (so no real `~/.editrc` applies), UTF-8, xterm colours.
struct DemoSession {
    /// HOME, removed with the last copy of the session.
    let homeFolder: TemporaryFolder
    var home: URL { homeFolder.url }

    init() throws {
        homeFolder = try TemporaryFolder(prefix: "lineeditor-tests")
    }

    var historyFile: String { home.appendingPathComponent("history").path }

    func start(
        arguments: [String] = [],
        environment overrides: [String: String?] = [:]
    ) throws -> PTYProcess {
        var environment = [
            "HOME": home.path,
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "PATH": "/usr/bin:/bin",
            "DEMO_HISTORY": historyFile,
        ]
        for (name, value) in overrides { environment[name] = value }
        let process = try PTYProcess(
            executable: try PTYProcess.builtProduct(named: "TerminalDemo"),
            arguments: arguments, environment: environment)
        try process.waitFor("ready")
        return process
    }

    /// Waits for the prompt and for libedit to take the terminal out of canonical mode, after
    /// which keys reach the editor one by one.
    static func waitForPrompt(_ process: PTYProcess) throws {
        try process.waitFor("demo> ")
        try process.waitForNonCanonicalMode()
    }

    func remove() {
        try? FileManager.default.removeItem(at: home)
    }
}
