import Capabilities
import WasmRuntime
import WasmComponent

enum CallCommand: ShellCommand {
    static let name = "call"
    static let usage = "call COMPONENT.FUNCTION(ARGS) | call $HANDLE.METHOD(ARGS)"
    static let summary = "call an export with WAVE arguments; prints the result in WAVE, audit lines first"
    static let example = "call malicious.run()\ncall values.echo.echo-u8(7)\ncall $cart.add-line(\"apple\", 2)"

    static func run(_ arguments: String, in session: Session) throws {
        let (export, result) = try perform(arguments, in: session)
        if let text = CallExpression.format(result, of: export.export) { session.print(text) }
    }

    /// The component a call text targets: `C.func(...)` or `$handle.method(...)`.
    static func targetComponent(_ text: String, in session: Session) throws -> SessionComponent {
        let target = String(text[..<(text.firstIndex(of: "(") ?? text.endIndex)]).trimmingWhitespace()
        guard let dot = target.firstIndex(of: ".") else {
            throw ShellError(
                "expected COMPONENT.FUNCTION(ARGS), e.g. \(target.isEmpty ? "trusted.run()" : "trusted.\(target)()")")
        }
        if target.hasPrefix("$") {
            return try session.component(
                named: try session.binding(String(target[target.index(after: target.startIndex)..<dot])).component)
        }
        return try session.component(named: String(target[..<dot]))
    }

    /// Parses and runs a call; `let` uses it too.
    static func perform(_ text: String, in session: Session) throws
        -> (export: (component: SessionComponent, export: ExportedFunction), result: ComponentValue?)
    {
        guard let open = text.firstIndex(of: "(") else {
            throw ShellError("expected COMPONENT.FUNCTION(ARGS), e.g. call trusted.run()")
        }
        let target = String(text[..<open]).trimmingWhitespace()
        let rest = text[text.index(after: open)...]
        let component: SessionComponent
        let expression: String
        if target.hasPrefix("$") {
            guard let dot = target.firstIndex(of: ".") else {
                throw ShellError("expected $HANDLE.METHOD(ARGS), e.g. call $cart.count()")
            }
            let variable = String(target[target.index(after: target.startIndex)..<dot])
            let method = String(target[target.index(after: dot)...])
            let binding = try session.binding(variable)
            guard case .handle(let handle) = binding.value else {
                throw ShellError("$\(variable) is a \(WITPrinter.typeName(binding.type)), not a resource handle")
            }
            component = try session.component(named: binding.component)
            let remaining = rest.trimmingWhitespace()
            expression =
                "[method]\(handle.resource.name).\(method)($\(variable)" + (remaining.hasPrefix(")") ? "" : ", ") + rest
        } else {
            guard let dot = target.firstIndex(of: ".") else {
                throw ShellError("name the component: call COMPONENT.\(target)(...)")
            }
            component = try session.component(named: String(target[..<dot]))
            expression = String(target[target.index(after: dot)...]) + "(" + rest
        }
        let call = try CallExpression(
            expression, in: component.sandboxed.component, variables: session.variables(for: component))
        let result = try component.sandboxed.component.call(call.export, call.arguments)
        return ((component, call.export), result)
    }
}

extension Session {
    func binding(_ name: String) throws(ShellError) -> Binding {
        guard let binding = bindings[name] else {
            let known = bindings.keys.sorted().map { "$" + $0 }
            throw ShellError(
                "no binding $\(name)"
                    + (known.isEmpty
                        ? "; make one with 'let NAME = call ...'" : " (bindings: \(known.joined(separator: ", ")))"))
        }
        guard components.contains(where: { $0.name == binding.component }) else {
            throw ShellError("$\(name) belongs to \(binding.component), which was unloaded")
        }
        return binding
    }

    /// The WAVE variable lookup for arguments of a call to `component`: handles only travel
    /// back to the component whose table holds them.
    func variables(for component: SessionComponent) -> WAVEParser.VariableLookup {
        let usable = bindings.filter { name, binding in
            guard components.contains(where: { $0.name == binding.component }) else { return false }
            if case .handle = binding.value { return binding.component == component.name }
            return true
        }
        return { name in usable[name].map { ($0.value, $0.type) } }
    }
}
