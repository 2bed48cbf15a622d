import LineEditor
import Capabilities
import WasmRuntime
import WasmComponent

#if canImport(Glibc)
    import Glibc
#endif

/// Tab completion that knows the session: command names; loaded component names; capability
/// names (short and full) for grant/revoke; exported functions for call, inserted as `name(`
/// with WAVE placeholders for the parameters; file paths for load and source.
struct ShellCompleter {
    let session: Session

    func complete(_ request: CompletionRequest) -> CompletionResult? {
        let before = String(request.textBeforeCursor)
        let wordRange = request.wordBeforeCursor
        let word = String(request.line[wordRange])
        let words = before.split(whereSeparator: \.isWhitespace).map(String.init)
        let position = before.last?.isWhitespace == true || before.isEmpty ? words.count : words.count - 1

        if let stepping = session.steppingComponent {
            return stepAnswers(word, range: wordRange, words: words, position: position, component: stepping)
        }
        if position == 0 {
            return CompletionResult(replacing: wordRange, words: CommandTable.names.filter { $0.hasPrefix(word) })
        }
        guard let command = try? CommandTable.find(words[0]) else { return nil }
        switch (command.name, position) {
        case ("load", 1), ("source", 1):
            return paths(word, range: wordRange, wasmOnly: command.name == "load")
        case ("load", _) where word.hasPrefix("-"):
            return CompletionResult(replacing: wordRange, words: [LoadCommand.debugFlag].filter { $0.hasPrefix(word) })
        case ("reload", 2):
            return CompletionResult(
                replacing: wordRange,
                words: [LoadCommand.debugFlag, LoadCommand.noDebugFlag].filter { $0.hasPrefix(word) })
        case ("unload", 1), ("imports", 1), ("exports", 1), ("wit", 1), ("grants", 1), ("save", 1), ("inspect", 1),
            ("watch", 1), ("reload", 1),
            ("grant", 1), ("revoke", 1):
            return CompletionResult(
                replacing: wordRange, words: session.components.map(\.name).filter { $0.hasPrefix(word) })
        case ("grant", 2), ("revoke", 2):
            guard let component = session.components.first(where: { $0.name == words[1] }) else { return nil }
            return CompletionResult(
                replacing: wordRange, words: capabilities(of: component).filter { $0.hasPrefix(word) })
        case ("call", 1), ("step", 1):
            return calls(word, range: wordRange)
        case ("let", _) where words.count >= 3 && words[2] == "=" || words.contains("call"):
            return calls(word, range: wordRange)
        case ("help", 1):
            return CompletionResult(replacing: wordRange, words: CommandTable.names.filter { $0.hasPrefix(word) })
        default:
            return nil
        }
    }

    /// At a `step>` pause: the answers, function names after `break`, breakpoints after `delete`.
    func stepAnswers(
        _ word: String, range: Range<String.Index>, words: [String], position: Int, component: SessionComponent
    ) -> CompletionResult? {
        let candidates: [String]
        switch (words.first, position) {
        case (_, 0):
            candidates = StepSession.answerWords
        case ("break"?, 1), ("b"?, 1):
            candidates = component.sandboxed.component.functionNames.compactMap(\.name)
        case ("delete"?, 1):
            candidates = session.breakpoints[component.name, default: []].map(\.description)
        default:
            return nil
        }
        return CompletionResult(replacing: range, words: candidates.filter { $0.hasPrefix(word) })
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

    /// `malicious.` → `malicious.run(`; `values.echo.echo-u8` → `values.echo.echo-u8(0)`.
    func calls(_ word: String, range: Range<String.Index>) -> CompletionResult? {
        guard let dot = word.firstIndex(of: ".") else {
            let names = session.components.map { CompletionCandidate($0.name + ".", terminator: "") }
            return CompletionResult(replacing: range, candidates: names.filter { $0.text.hasPrefix(word) })
        }
        let componentName = String(word[..<dot])
        guard let component = session.components.first(where: { $0.name == componentName }) else { return nil }
        let typed = String(word[word.index(after: dot)...])
        let shortNames = Dictionary(grouping: component.exports, by: \.name)
        var candidates: [CompletionCandidate] = []
        for export in component.exports {
            // A name unique among the exports is enough; otherwise qualify it with its interface.
            let name = shortNames[export.name]?.count == 1 ? export.name : export.qualifiedName
            guard name.hasPrefix(typed) || export.qualifiedName.hasPrefix(typed) else { continue }
            let chosen = name.hasPrefix(typed) ? name : export.qualifiedName
            let placeholders = export.type.parameters.map { WAVEPlaceholder.text(for: $0.type) }.joined(separator: ", ")
            candidates.append(
                CompletionCandidate(
                    "\(componentName).\(chosen)(\(placeholders)" + (export.type.parameters.isEmpty ? ")" : ""),
                    display: "\(chosen)(\(export.type.parameters.map(\.name).joined(separator: ", ")))", terminator: "")
            )
        }
        return CompletionResult(replacing: range, candidates: candidates)
    }

    func paths(_ word: String, range: Range<String.Index>, wasmOnly: Bool) -> CompletionResult? {
        let directory: String
        let prefix: String
        if let slash = word.lastIndex(of: "/") {
            directory = String(word[...slash])
            prefix = String(word[word.index(after: slash)...])
        } else {
            directory = ""
            prefix = word
        }
        guard let handle = opendir(directory.isEmpty ? "." : directory) else { return nil }
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
        return CompletionResult(replacing: range, candidates: candidates)
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
