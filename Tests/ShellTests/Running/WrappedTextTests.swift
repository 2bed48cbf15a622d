import Testing

@testable import Shell

@Suite("Wrapping line output")
struct WrappedTextTests {
    @Test("lines break at spaces within the width, continuation lines indented")
    func wraps() {
        #expect(
            WrappedText.lines("  load        parse, validate and instantiate a component", width: 30, indent: 14)
                == ["  load        parse, validate", "              and instantiate", "              a component"])
        #expect(WrappedText.lines("short", width: 30) == ["short"])
    }

    @Test("a word longer than the width stays whole; runs of spaces are kept except at a break")
    func longWords() {
        #expect(WrappedText.lines("a verylongwordindeed b", width: 8) == ["a", "verylongwordindeed", "b"])
        #expect(WrappedText.lines("a  b", width: 8) == ["a  b"])
    }

    @Test("help wraps to the session's width, and not at all without one")
    func helpWraps() throws {
        var settings = SessionSettings()
        settings.lineWidth = 50
        let narrow = BufferedOutput()
        try Session(settings: settings, output: narrow).execute("help")
        let lines = narrow.standardOutput.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 50 })
        #expect(lines.count > CommandTable.all.count + 1)

        let piped = BufferedOutput()
        try Session(settings: SessionSettings(), output: piped).execute("help")
        #expect(piped.standardOutput.split(separator: "\n").count == CommandTable.all.count + 1)
    }

    @Test("the banner names the folders, and says which are missing where")
    func banner() {
        var settings = SessionSettings()
        settings.componentsDirectory = repositoryRoot.appendingPathComponent("components").path
        settings.manifestsDirectory = repositoryRoot.appendingPathComponent("manifests").path
        #expect(
            InteractiveShell.banner(settings)
                == "wasmsh \(WasmshVersion.number) — type 'help' (Tab completes). Components in "
                + "\(settings.componentsDirectory), manifests in \(settings.manifestsDirectory).")
        settings.componentsDirectory = "no-such-folder"
        settings.manifestsDirectory = "no-such-manifests"
        settings.root = "/srv/data"
        #expect(
            InteractiveShell.banner(settings)
                == "wasmsh \(WasmshVersion.number) — type 'help' (Tab completes). No ./no-such-folder folder in "
                + "\(SessionFolder.workingDirectory): load components by path; no ./no-such-manifests folder. "
                + "Guest file paths resolve against /srv/data.")
    }
}
