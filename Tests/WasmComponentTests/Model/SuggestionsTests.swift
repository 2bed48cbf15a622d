import Testing

@testable import WasmComponent

@Suite("Did-you-mean suggestions")
struct SuggestionsTests {
    static let commands = ["load", "unload", "reload", "let", "limits", "help", "history", "quit", "exports"]

    @Test("a typo a few edits away is suggested, the closest first")
    func typos() {
        #expect(Suggestions.closest(to: "lod", among: Self.commands) == ["load"])
        #expect(Suggestions.closest(to: "hlep", among: Self.commands) == ["help"])
        #expect(Suggestions.closest(to: "exprots", among: Self.commands) == ["exports"])
        #expect(Suggestions.closest(to: "filesytem", among: ["filesystem", "clock"]) == ["filesystem"])
    }

    @Test("case does not matter")
    func caseInsensitive() {
        #expect(Suggestions.closest(to: "LOAD", among: Self.commands) == ["load"])
        #expect(Suggestions.closest(to: "Purple", among: ["red", "purple"]) == ["purple"])
    }

    @Test("qualified names match on their last part; a prefix or a part of a name is a weaker match")
    func qualifiedNames() {
        let exports = ["add", "echo.echo-u8", "echo.echo-u16", "via-host.echo-u8", "echo.sum17"]
        #expect(Suggestions.closest(to: "ad", among: exports) == ["add"])
        #expect(Suggestions.closest(to: "echo-u9", among: exports) == ["echo.echo-u8", "via-host.echo-u8"])
        #expect(Suggestions.closest(to: "sum", among: exports) == ["echo.sum17"])
        #expect(Suggestions.closest(to: "echo", among: exports, limit: 2) == ["echo.echo-u8", "echo.echo-u16"])
        #expect(
            Suggestions.closest(to: "filesystem", among: ["sandbox:skill/filesystem"]) == ["sandbox:skill/filesystem"])
    }

    @Test("nothing close, nothing suggested")
    func nothingClose() {
        #expect(Suggestions.closest(to: "bogus", among: Self.commands).isEmpty)
        #expect(Suggestions.closest(to: "purple", among: ["red", "green", "blue"]).isEmpty)
        #expect(Suggestions.closest(to: "", among: Self.commands).isEmpty)
        #expect(Suggestions.didYouMean("bogus", among: Self.commands) == nil)
    }

    @Test("the answer reads as a sentence")
    func sentence() {
        #expect(Suggestions.didYouMean("lod", among: Self.commands) == "did you mean 'load'?")
        #expect(Suggestions.quoted(["a", "b"]) == "'a' or 'b'")
        #expect(Suggestions.quoted(["a", "b", "c"]) == "'a', 'b' or 'c'")
    }

    @Test("the edit distance counts swaps of neighbours as one edit and gives up past its limit")
    func distance() {
        #expect(Suggestions.distance(Array("ab"), Array("ba"), atMost: 3) == 1)
        #expect(Suggestions.distance(Array("kitten"), Array("sitting"), atMost: 3) == 3)
        #expect(Suggestions.distance(Array("kitten"), Array("sitting"), atMost: 2) == nil)
        #expect(Suggestions.distance(Array(""), Array("abc"), atMost: 3) == 3)
    }

    @Test("long hostile names are compared on a bounded prefix, quickly")
    func boundedWork() {
        let names = (0..<300).map { "x" + String(repeating: "y", count: 5000) + "\($0)" }
        let start = ContinuousClock.now
        _ = Suggestions.closest(to: String(repeating: "y", count: 10000), among: names)
        #expect(ContinuousClock.now - start < .seconds(1))
    }
}
