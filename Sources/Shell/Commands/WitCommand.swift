import WasmComponent

enum WitCommand: ShellCommand {
    static let name = "wit"
    static let usage = "wit COMPONENT"
    static let summary = "print the component's world as WIT"
    static let example = "wit trusted"

    static func run(_ arguments: String, in session: Session) throws {
        let words = try Words.split(arguments)
        guard words.count == 1 else { throw ShellError("usage: \(usage)") }
        session.output.write(WITPrinter.print(try session.component(named: words[0]).world))
    }
}
