import Testing

@testable import Shell

@Suite("Command syntax")
struct CommandSyntaxTests {
    static let call = Argument("COMPONENT.FUNCTION(ARGS)", .call)

    @Test(
        "a form that is one call takes the text as the word-by-word walk takes it",
        arguments: [
            "values.add(20, 22)", "  values.add(20, 22)  ", "$cart.add-line(\"apple pie\", 2)", "x.f(\"unterminated",
            "x.f('c')", "--weird.f()", "a\\ b.c()", "values.echo(\"tab\\there\")\t", "é.f()",
        ])
    func wholeCallMatchesTheWalk(_ text: String) throws {
        let direct = try CommandSyntax([.argument(Self.call)]).parse(text, command: "call")
        // A first form that never matches makes the same call form go through the walk.
        let walked = try CommandSyntax([.word("never")], [.argument(Self.call)]).parse(text, command: "call")
        #expect(direct[Self.call.placeholder] == walked[Self.call.placeholder])
        #expect(direct[Self.call.placeholder] != nil)
    }

    @Test("a call form with nothing to call is the usage error")
    func emptyCallIsUsage() {
        #expect(throws: ShellError("usage: call COMPONENT.FUNCTION(ARGS)")) {
            try CommandSyntax([.argument(Self.call)]).parse("   ", command: "call")
        }
    }
}
