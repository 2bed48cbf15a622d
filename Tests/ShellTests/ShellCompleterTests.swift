import LineEditor
import Testing

@testable import Shell

@Suite("Tab completion")
struct ShellCompleterTests {
    /// The candidates Tab offers with the cursor at the end of `line`.
    private func candidates(_ line: String, in session: Session) -> [String] {
        let request = CompletionRequest(line: line, cursor: line.endIndex)
        return ShellCompleter(session: session).complete(request)?.candidates.map(\.text) ?? []
    }

    @Test("step completes exports like call does")
    func stepCompletesExports() throws {
        let (session, _) = try makeInspectorSession(loading: ["malicious"])
        #expect(candidates("step mal", in: session) == ["malicious."])
        #expect(candidates("step malicious.", in: session) == ["malicious.run()"])
    }

    @Test("a completed call is whole, the cursor before its ')' when it has placeholders")
    func completedCallsAreWhole() throws {
        let (session, _) = try makeInspectorSession(loading: ["values", "malicious"])
        let line = "call values.ad"
        let result = ShellCompleter(session: session).complete(CompletionRequest(line: line, cursor: line.endIndex))
        let only = try #require(result?.candidates.first)
        #expect(result?.candidates.count == 1)
        #expect(only.text == "values.add(0, 0)")
        #expect(only.terminator.isEmpty)
        #expect(only.charactersAfterCursor == 1)
        #expect(candidates("call values.echo.echo-poi", in: session) == ["values.echo.echo-point({x: 0, y: 0})"])
        let bare = "call malicious.r"
        let run = ShellCompleter(session: session).complete(CompletionRequest(line: bare, cursor: bare.endIndex))
        #expect(run?.candidates.map(\.text) == ["malicious.run()"])
        #expect(run?.candidates.first?.charactersAfterCursor == 0)
    }

    @Test("commands complete by name, never by alias")
    func commandNames() throws {
        let (session, _) = try makeInspectorSession(loading: [])
        #expect(candidates("ex", in: session) == ["exports"])
        #expect(candidates("qu", in: session) == ["quit"])
    }

    @Test("load offers --debug; reload offers component names, then --debug and --no-debug")
    func debugFlags() throws {
        let (session, _) = try makeInspectorSession(loading: ["malicious", "trusted"])
        #expect(candidates("load compute --d", in: session) == ["--debug"])
        #expect(candidates("reload t", in: session) == ["trusted"])
        #expect(candidates("reload trusted --", in: session) == ["--debug", "--no-debug"])
    }

    @Test("at a step pause Tab completes answers, function names after break, breakpoints after delete")
    func stepAnswers() throws {
        let (session, _) = try makeInspectorSession(loading: ["malicious --debug"])
        let component = try session.component(named: "malicious")
        session.steppingComponent = component
        #expect(candidates("fi", in: session) == ["finish"])
        #expect(candidates("d", in: session) == ["deny", "delete"])
        #expect(candidates("break text_app", in: session) == ["text_append", "text_append_cstr"])
        let loaded = component.sandboxed.component
        session.breakpoints["malicious"] = [
            try Breakpoint("skill_run", in: loaded, source: SourceContext(component: loaded), name: "malicious")
        ]
        #expect(candidates("delete ", in: session) == ["skill_run"])
        session.steppingComponent = nil
        #expect(candidates("fi", in: session).isEmpty)
    }

    @Test("break completes source files and C functions of the DWARF; print completes variable names")
    func sourceTargets() throws {
        let (session, _) = try makeInspectorSession(loading: [])
        try session.execute("load components/debug.wasm --debug")
        #expect(candidates("break sha", in: session) == ["shapes.c:", "shapes.h:"])
        #expect(candidates("break squ", in: session) == ["square"])
        #expect(candidates("break debug segment_m", in: session) == ["segment_manhattan"])
        // delete takes a breakpoint, or a component and then its breakpoint.
        #expect(candidates("delete ", in: session) == ["debug"])
        try session.execute("break debug.c:30")
        #expect(candidates("delete ", in: session) == ["debug.c:30", "debug"])
        let component = try session.component(named: "debug")
        session.steppingComponent = component
        #expect(candidates("print tot", in: session) == ["total"])
        #expect(candidates("p calls", in: session) == ["calls_served"])
        #expect(candidates("b cabi.", in: session) == ["cabi.c:"])
        #expect(candidates("li", in: session) == ["line", "list"])
        session.steppingComponent = nil
    }
}
