enum InspectCommand: ShellCommand {
    static let name = "inspect"
    static let usage = "inspect [COMPONENT]"
    static let summary =
        "full-screen view: components, imports with grants (g toggles), exports (Enter calls, s steps), live audit"
    static let example = "inspect\ninspect malicious"

    static func run(_ arguments: String, in session: Session) throws {
        let words = try Words.split(arguments)
        guard words.count <= 1 else { throw ShellError("usage: \(usage)") }
        try Inspector.run(session: session, selecting: words.first)
    }
}
