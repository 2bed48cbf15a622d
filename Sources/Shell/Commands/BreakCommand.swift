import WasmRuntime

/// `break`: breakpoints set before stepping (they work in `step` calls of the component, and
/// are kept across `reload`); the same as the `break` answer at a pause.
enum BreakCommand: ShellCommand {
    static let name = "break"
    static let syntax = CommandSyntax(
        [.optional([.argument(Breakpoint.argument)])], [.argument(.component), .argument(Breakpoint.argument)])
    static let summary =
        "stop `step` calls at FILE:LINE or a C function's first line (DWARF), or on entering a wasm function; "
        + "alone: list them (needs the component loaded with --debug)"
    static let example = "break debug.c:30\nbreak square\nbreak debug factorial\nbreak"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        guard let text = arguments[Breakpoint.argument.placeholder] else {
            let lines = session.components.flatMap { component in
                session.breakpoints[component.name, default: []].map {
                    DisplayTruncation.sanitized("\(component.name): \($0.listing)")
                }
            }
            session.print(lines.isEmpty ? "(no breakpoints)" : lines.joined(separator: "\n"))
            return
        }
        let component = try debugComponent(named: arguments["COMPONENT"], in: session, for: "break")
        let loaded = component.sandboxed.component
        let breakpoint = try Breakpoint(
            text, in: loaded, source: SourceContext(component: loaded), name: component.name)
        if !session.breakpoints[component.name, default: []].contains(where: { $0.text == breakpoint.text }) {
            session.breakpoints[component.name, default: []].append(breakpoint)
        }
        session.print("breakpoint set in \(component.name): " + DisplayTruncation.sanitized(breakpoint.summary))
    }

    /// The component named, or the only one loaded with --debug.
    static func debugComponent(named name: String?, in session: Session, for command: String)
        throws(ShellError) -> SessionComponent
    {
        if let name {
            let component = try session.component(named: name)
            guard component.sandboxed.component.isDebuggable else {
                throw ShellError(
                    "\(name) is not loaded for debugging: 'reload \(name) --debug' first (calls then run slower)")
            }
            return component
        }
        let debuggable = session.components.filter { $0.sandboxed.component.isDebuggable }
        guard let only = debuggable.first else {
            throw ShellError("no component is loaded for debugging: 'load NAME --debug' first")
        }
        guard debuggable.count == 1 else {
            throw ShellError(
                "several components are loaded for debugging (\(debuggable.map(\.name).joined(separator: ", "))): "
                    + "name one, as in '\(command) \(only.name) ...'")
        }
        return only
    }
}
