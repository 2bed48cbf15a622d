import Capabilities
import DebugInfo
import LineEditor
import WasmComponent
import WasmRuntime

/// Tab completion that knows the session, driven by the commands' declared syntax: what may
/// come next at the cursor (a word, a flag, an argument of some kind) decides the candidates:
/// command names; loaded component names; capability names (short and full) of the component
/// named before; exported functions, inserted whole as `name(0, "")` with WAVE placeholders for
/// the parameters and the cursor before the `)`; file paths; and at a `step>` pause the answers
/// and their arguments.
struct ShellCompleter {
    let session: Session

    func complete(_ request: CompletionRequest) -> CompletionResult? {
        let range = request.wordBeforeCursor
        let word = String(request.line[range])
        let before = String(request.line[..<range.lowerBound])
        let (first, rest) = before.splitFirstWord()

        if let stepping = session.steppingComponent {
            if first.isEmpty {
                return CompletionResult(
                    replacing: range, words: StepAnswer.all.map(\.word).filter { $0.hasPrefix(word) })
            }
            guard let answer = StepAnswer.find(first) else { return nil }
            return candidates(answer.syntax.expectations(after: rest), word, range, stepping: stepping)
        }
        if first.isEmpty {
            return CompletionResult(replacing: range, words: CommandTable.names.filter { $0.hasPrefix(word) })
        }
        guard let command = try? CommandTable.find(first) else { return nil }
        return candidates(command.syntax.expectations(after: rest), word, range, stepping: nil)
    }

    /// What the expectations offer for `word`. Flags are offered when the word starts with `-`
    /// or nothing else fits.
    private func candidates(
        _ expectations: [Expectation], _ word: String, _ range: Range<String.Index>, stepping: SessionComponent?
    ) -> CompletionResult? {
        var found: [CompletionCandidate] = []
        var flags: [CompletionCandidate] = []
        for expectation in expectations {
            switch expectation.item {
            case .word(let literal):
                if literal.hasPrefix(word) { found.append(CompletionCandidate(literal)) }
            case .flag(let flag):
                if flag.hasPrefix(word) { flags.append(CompletionCandidate(flag)) }
            case .argument(let argument):
                found += candidates(for: argument.kind, word, range, values: expectation.values, stepping: stepping)
            }
        }
        if word.hasPrefix("-") || found.isEmpty { found += flags }
        var seen: Set<String> = []
        found = found.filter { seen.insert($0.text).inserted }
        return found.isEmpty ? nil : CompletionResult(replacing: range, candidates: found)
    }

    private func candidates(
        for kind: Argument.Kind, _ word: String, _ range: Range<String.Index>, values: [String: [String]],
        stepping: SessionComponent?
    ) -> [CompletionCandidate] {
        func words(_ list: [String]) -> [CompletionCandidate] {
            list.filter { $0.hasPrefix(word) }.map { CompletionCandidate($0) }
        }
        switch kind {
        case .component:
            return words(session.components.map(\.name))
        case .capability:
            guard let name = values[Argument.component.placeholder]?.first,
                let component = session.components.first(where: { $0.name == name })
            else { return [] }
            return words(capabilities(of: component))
        case .componentSource:
            return paths(word, wasmOnly: true)
        case .path:
            return paths(word, wasmOnly: false)
        case .command:
            return words(CommandTable.names)
        case .binding:
            return words(session.bindings.keys.sorted().map { "$" + $0 })
        case .call:
            return calls(word)
        case .breakTarget:
            return breakTargets(word, in: stepping ?? debugComponent(values))
        case .breakpoint:
            let component = stepping ?? debugComponent(values)
            return words(component.map { session.breakpoints[$0.name, default: []].map(\.description) } ?? [])
        case .sourceVariable:
            return words(stepping.map { sourceVariables(of: $0) } ?? [])
        case .newName, .value, .passedOn:
            return []
        }
    }

    func capabilities(of component: SessionComponent) -> [String] {
        var names: [String] = []
        for interface in component.importedInterfaces {
            let name = InterfaceName(interface.name)
            names.append(name.short)
            names.append(name.full)
            for function in interface.functions { names.append("\(name.short).\(function.name)") }
        }
        return names
    }

    /// `malicious.` → `malicious.run()`; `values.echo.echo-u8` → `values.echo.echo-u8(0)`, cursor before `)`.
    func calls(_ word: String) -> [CompletionCandidate] {
        guard let dot = word.firstIndex(of: ".") else {
            let names = session.components.map { CompletionCandidate($0.name + ".", terminator: "") }
            return names.filter { $0.text.hasPrefix(word) }
        }
        let componentName = String(word[..<dot])
        guard let component = session.components.first(where: { $0.name == componentName }) else { return [] }
        let typed = String(word[word.index(after: dot)...])
        let shortNames = Dictionary(grouping: component.exports, by: \.name)
        var candidates: [CompletionCandidate] = []
        for export in component.exports {
            // A name unique among the exports is enough; otherwise qualify it with its interface.
            let name = shortNames[export.name]?.count == 1 ? export.name : export.qualifiedName
            guard name.hasPrefix(typed) || export.qualifiedName.hasPrefix(typed) else { continue }
            let chosen = name.hasPrefix(typed) ? name : export.qualifiedName
            let placeholders = export.type.parameters.map { WAVEPlaceholder.text(for: $0.type) }.joined(separator: ", ")
            // The call is whole, so Enter runs it; with parameters the cursor stays before the
            // `)`, where Backspace takes the placeholders back.
            candidates.append(
                CompletionCandidate(
                    "\(componentName).\(chosen)(\(placeholders))",
                    display: "\(chosen)(\(export.type.parameters.map(\.name).joined(separator: ", ")))", terminator: "",
                    charactersAfterCursor: export.type.parameters.isEmpty ? 0 : 1)
            )
        }
        return candidates
    }

    func paths(_ word: String, wasmOnly: Bool) -> [CompletionCandidate] {
        let directory: String
        let prefix: String
        if let slash = word.lastIndex(of: "/") {
            directory = String(word[...slash])
            prefix = String(word[word.index(after: slash)...])
        } else {
            directory = ""
            prefix = word
        }
        guard let handle = opendir(directory.isEmpty ? "." : directory) else { return [] }
        defer { closedir(handle) }
        var candidates: [CompletionCandidate] = []
        if wasmOnly && directory.isEmpty {
            // `load NAME` also finds components/NAME.wasm.
            if let components = opendir(session.settings.componentsDirectory) {
                while let entry = readdir(components) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) {
                        String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self)
                    }
                    if name.hasSuffix(".wasm"), name.hasPrefix(prefix) {
                        candidates.append(
                            CompletionCandidate(String(name.dropLast(5)), display: String(name.dropLast(5))))
                    }
                }
                closedir(components)
            }
        }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard name != ".", name != "..", name.hasPrefix(prefix), !name.hasPrefix(".") || prefix.hasPrefix(".")
            else { continue }
            let isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
            if wasmOnly && !isDirectory && !name.hasSuffix(".wasm") { continue }
            candidates.append(
                CompletionCandidate(
                    directory + name + (isDirectory ? "/" : ""), display: name + (isDirectory ? "/" : ""),
                    terminator: isDirectory ? "" : " "))
        }
        candidates.sort { $0.text < $1.text }
        return candidates
    }
}

/// A WAVE value of a type, for completion: what the user overwrites with a real argument.
enum WAVEPlaceholder {
    static func text(for type: ValueType) -> String {
        switch type.underlying {
        case .bool: return "false"
        case .s8, .u8, .s16, .u16, .s32, .u32, .s64, .u64: return "0"
        case .f32, .f64: return "0.0"
        case .char: return "'a'"
        case .string: return "\"\""
        case .list: return "[]"
        case .record(let record):
            return "{" + record.fields.map { "\($0.name): \(text(for: $0.type))" }.joined(separator: ", ") + "}"
        case .tuple(let types): return "(" + types.map { text(for: $0) }.joined(separator: ", ") + ")"
        case .variant(let variant):
            guard let first = variant.cases.first else { return "?" }
            return first.payload.map { "\(first.name)(\(text(for: $0)))" } ?? first.name
        case .enumeration(let enumeration): return enumeration.cases.first ?? "?"
        case .option: return "none"
        case .result(let ok, _): return ok.map { "ok(\(text(for: $0)))" } ?? "ok"
        case .flags: return "{}"
        case .own, .borrow: return "$handle"
        case .alias(_, let target): return text(for: target)
        }
    }
}

extension ShellCompleter {
    /// The component `break` and `delete` at the command line mean: the one named before the
    /// target, else the only one loaded for debugging.
    func debugComponent(_ values: [String: [String]]) -> SessionComponent? {
        if let name = values[Argument.component.placeholder]?.first {
            return session.components.first { $0.name == name }
        }
        let debuggable = session.components.filter { $0.sandboxed.component.isDebuggable }
        return debuggable.count == 1 ? debuggable.first : nil
    }

    /// Function names (from the name section and DWARF), and `FILE:` for each source file.
    func breakTargets(_ word: String, in component: SessionComponent?) -> [CompletionCandidate] {
        guard let loaded = component?.sandboxed.component else { return [] }
        let modules = loaded.debugModules.compactMap(\.debugInfo)
        let files = Set(modules.flatMap(\.sourceFiles).map { SourceContext.baseName($0) + ":" })
        let functions = Set(
            loaded.functionNames.compactMap(\.name) + modules.flatMap { $0.functions.compactMap(\.name) })
        return files.sorted().filter { $0.hasPrefix(word) }.map { CompletionCandidate($0, terminator: "") }
            + functions.sorted().filter { $0.hasPrefix(word) }.map { CompletionCandidate($0) }
    }

    /// Every variable name the component's DWARF knows (locals of every function, and globals).
    func sourceVariables(of component: SessionComponent) -> [String] {
        let modules = component.sandboxed.component.debugModules.compactMap(\.debugInfo)
        var names = Set<String>()
        func visit(_ scope: DebugScope) {
            for variable in scope.variables { if let name = variable.name { names.insert(name) } }
            scope.children.forEach(visit)
        }
        for info in modules {
            for function in info.functions { visit(function.scope) }
            for global in info.globals { if let name = global.name { names.insert(name) } }
        }
        return names.sorted()
    }
}
