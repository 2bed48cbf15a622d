enum InspectCommand: ShellCommand {
    static let name = "inspect"
    static let syntax = CommandSyntax([.optional([.argument(.component)])])
    static let summary =
        "full-screen view: components, imports with grants (g toggles), exports (Enter calls, s steps), live audit"
    static let example = "inspect\ninspect malicious"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        let key = try Inspector.run(session: session, selecting: arguments["COMPONENT"])
        // Back at the prompt, say why: a Ctrl-C meant for a call that had ended leaves too.
        session.print("left the inspector (\(key)); 'inspect' opens it again")
    }
}
