import WasmComponent

enum ExportsCommand: ShellCommand {
    static let name = "exports"
    static let syntax = CommandSyntax([.argument(.component)])
    static let summary = "show a component's exported functions with their WIT signatures"
    static let example = "exports trusted"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        let component = try session.component(named: arguments.component)
        if component.exports.isEmpty { session.print("\(component.name) exports no functions") }
        for export in component.exports {
            session.print("\(export.qualifiedName): \(WITPrinter.signature(of: export.type))")
        }
    }
}
