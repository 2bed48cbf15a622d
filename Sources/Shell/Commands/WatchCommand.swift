enum WatchCommand: ShellCommand {
    static let name = "watch"
    static let syntax = CommandSyntax([.argument(.component), .optional([.word("off")])])
    static let summary = "permissive mode: let every host call through, record what the policy would deny"
    static let example =
        "watch trusted\ncall trusted.run()\ngrants --suggest trusted\nsave trusted --suggested\nwatch trusted off"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        let component = try session.component(named: arguments.component)
        let gate = component.sandboxed.gate
        if arguments.has("off") {
            guard gate.mode == .watching else { throw ShellError("\(component.name) is not being watched") }
            gate.stopWatching()
            session.print(
                "stopped watching \(component.name): its policy decides again "
                    + "(\(LoadCommand.count(gate.observations.count, "call")) observed)"
            )
            return
        }
        guard gate.mode != .watching else { throw ShellError("\(component.name) is already being watched") }
        gate.startWatching()
        session.printWrapped(
            "watching \(component.name): every host call is allowed and recorded; [WOULD DENY] marks what its policy refuses. "
                + "'grants --suggest \(component.name)' turns it into grants; 'watch \(component.name) off' ends it.")
    }
}
