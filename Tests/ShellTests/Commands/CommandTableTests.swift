import Testing

@testable import Shell

@Suite("Finding a command by what was typed")
struct CommandTableTests {
    @Test("aliases and another case find the command")
    func aliasesAndCase() throws {
        #expect(try CommandTable.find("exit").name == "quit")
        #expect(try CommandTable.find("?").name == "help")
        #expect(try CommandTable.find("HELP").name == "help")
        #expect(try CommandTable.find("Load").name == "load")
        #expect(try CommandTable.find("comp").name == "components")
    }

    @Test("an unknown command suggests the closest, or says where the list is")
    func suggestions() {
        #expect(
            throws: ShellError("unknown command 'lod'; did you mean 'load'? (type 'help' for the list)"),
            performing: { try CommandTable.find("lod") })
        #expect(
            throws: ShellError("unknown command 'exti'; did you mean 'exit'? (type 'help' for the list)"),
            performing: { try CommandTable.find("exti") })
        #expect(
            throws: ShellError("unknown command 'bogus'; type 'help' for the list"),
            performing: { try CommandTable.find("bogus") })
    }

    @Test("the let example runs as written")
    func letExample() throws {
        let (session, output) = try makeInspectorSession(loading: [])
        for line in LetCommand.example.split(separator: "\n") { try session.execute(String(line)) }
        #expect(output.standardOutput.contains("$cart: cart = own<cart>#1"))
    }

    @Test("a binding's name starts with a letter")
    func bindingNames() throws {
        let (session, _) = try makeInspectorSession(loading: ["values"])
        #expect(
            throws: ShellError("'1x' cannot name a binding: start with a letter, then letters, digits, '-' and '_'"),
            performing: { try session.execute("let 1x = call values.add(1, 2)") })
        try session.execute("let x1 = call values.add(1, 2)")
    }
}
