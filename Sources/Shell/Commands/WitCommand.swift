import WasmComponent

enum WitCommand: ShellCommand {
    static let name = "wit"
    static let syntax = CommandSyntax([.argument(.component)])
    static let summary = "print the component's world as WIT"
    static let example = "wit trusted"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        session.output.write(WITPrinter.print(try session.component(named: arguments.component).world))
    }
}
