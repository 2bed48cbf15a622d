/// `delete`: removes a breakpoint set with `break` (or at a pause).
enum DeleteCommand: ShellCommand {
    static let name = "delete"
    static let syntax = CommandSyntax(
        [.argument(Argument("TARGET", .breakpoint))],
        [.argument(.component), .argument(Argument("TARGET", .breakpoint))])
    static let summary = "remove a breakpoint, named as it was set ('break' lists them)"
    static let example = "delete debug.c:30\ndelete debug square"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        let target = arguments["TARGET"] ?? ""
        let component = try BreakCommand.debugComponent(named: arguments["COMPONENT"], in: session, for: "delete")
        let list = session.breakpoints[component.name, default: []]
        guard let index = list.firstIndex(where: { $0.text == target }) else {
            throw ShellError(
                "\(component.name) has no breakpoint '\(target)'"
                    + (list.isEmpty ? "" : " (set: \(list.map(\.text).joined(separator: ", ")))"))
        }
        session.breakpoints[component.name]?.remove(at: index)
        session.print("breakpoint deleted in \(component.name): \(target)")
    }
}
