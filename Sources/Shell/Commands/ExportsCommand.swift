import WasmComponent

enum ExportsCommand: ShellCommand {
    static let name = "exports"
    static let usage = "exports COMPONENT"
    static let summary = "show a component's exported functions with their WIT signatures"
    static let example = "exports trusted"

    static func run(_ arguments: String, in session: Session) throws {
        let words = try Words.split(arguments)
        guard words.count == 1 else { throw ShellError("usage: \(usage)") }
        let component = try session.component(named: words[0])
        if component.exports.isEmpty { session.print("\(component.name) exports no functions") }
        for export in component.exports {
            session.print("\(export.qualifiedName): \(WITPrinter.signature(of: export.type))")
        }
    }
}
