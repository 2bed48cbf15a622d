import Capabilities
import WasmComponent
import WasmRuntime

enum LoadCommand: ShellCommand {
    static let name = "load"
    static let syntax = CommandSyntax([
        .argument(Argument("PATH-or-NAME", .componentSource)),
        .optional([.word("as"), .argument(Argument("ALIAS", .newName))]),
        .flag(debugFlag),
    ])
    static let summary =
        "parse, validate and instantiate a component; apply manifests/NAME.toml if present; "
        + "--debug: step its wasm functions, source lines (DWARF) and instructions (calls run slower)"
    static let example = "load malicious\nload components/values.wasm as v2\nload compute --debug"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        let debuggable = arguments.has(debugFlag)
        let target = arguments["PATH-or-NAME"] ?? ""
        let isPath = target.contains("/") || target.hasSuffix(".wasm")
        let path = isPath ? target : "\(session.settings.componentsDirectory)/\(target).wasm"
        let baseName = ComponentFile.name(of: path)
        let name = arguments["ALIAS"] ?? baseName
        guard ComponentName.isValid(name) else {
            throw ShellError("'\(name)' cannot name a component: use letters, digits, '-' and '_'")
        }
        if session.components.contains(where: { $0.name == name }) {
            throw ShellError(
                "a component named '\(name)' is already loaded; use 'load \(target) as OTHER' or 'unload \(name)'")
        }
        if !isPath, access(path, F_OK) != 0 {
            throw ShellError("no component '\(target)': \(path) does not exist")
        }
        // One rule for load and save: a component's manifest is the one named after the name it
        // is loaded under (the alias), and must say it is for that name if it names one.
        let manifestPath = "\(session.settings.manifestsDirectory)/\(name).toml"
        let manifest =
            access(manifestPath, F_OK) == 0
            ? PolicySetup.ManifestFile(path: manifestPath, expectedComponent: name) : nil
        let sandboxed: SandboxedComponent
        do {
            sandboxed = try SandboxedComponent(
                bytes: try ComponentFile.read(path), name: name, environment: session.environment,
                debuggable: debuggable, policy: PolicySetup(manifest: manifest))
        } catch let error as ComponentError {
            throw ShellError("cannot load \(path): \(error)")
        }
        let component = SessionComponent(
            name: name, path: path, sandboxed: sandboxed, manifestPath: manifest == nil ? nil : manifestPath)
        session.components.append(component)

        let world = component.world
        var line =
            "loaded \(name) (\(path)): \(count(world.imports.count, "import")), \(count(world.exports.count, "export"))"
        var pinNote: String?
        switch sandboxed.manifest?.pin {
        case nil:
            line += "; no manifest: nothing granted"
        case .mismatch(let pinned, let actual)?:
            line += "; manifest \(manifestPath) is pinned to another binary: none of its grants apply"
            pinNote = "  (the manifest is for sha256 \(pinned.prefix(16))…, this binary is \(actual.prefix(16))…)"
        case let pin?:
            let grants = sandboxed.policy.grants.map { sandboxed.policy.describe($0) }
            let denies = sandboxed.policy.denies.map { "deny " + sandboxed.policy.describe($0) }
            let applied = grants + denies
            line += "; manifest \(manifestPath): " + (applied.isEmpty ? "no grants" : applied.joined(separator: ", "))
            if pin == .notPinned {
                pinNote =
                    "  (the manifest is not pinned to a binary: any \(name) gets its grants; 'save \(name)' pins it)"
            }
        }
        session.print(line)
        if let pinNote { session.print(pinNote) }
        if debuggable { for line in debugLines(sandboxed.component) { session.print("  " + line) } }
        for part in sandboxed.component.uninterruptibleParts {
            session.print("  warning: Ctrl-C and the time limit cannot stop this \(part)")
        }
        // Imports no host has at all on one line; those a host has with another type, one each.
        let unprovided = sandboxed.component.unprovidedImports
        let absent = unprovided.filter { $0.reason == "no host provides it" }.map(\.name)
        if !absent.isEmpty {
            session.print("  not provided by the host (calls to them trap): \(absent.joined(separator: ", "))")
        }
        for (name, reason) in unprovided where reason != "no host provides it" {
            session.print("  not provided by the host (calls to it trap): \(name): \(reason)")
        }
    }

    static let debugFlag = "--debug"
    /// `reload C --no-debug`: back to an engine without function hooks.
    static let noDebugFlag = "--no-debug"

    /// What `--debug` gave: where `step` can stop (functions, source lines where a module has
    /// DWARF, instructions where it has not), and the price.
    static func debugNote(_ component: LoadedComponent) -> String {
        let modules = component.debugModules
        let lines = modules.filter { $0.stepping == .lines }
        let instructions = modules.filter { $0.stepping == .instructions }
        var places = ["entries and exits of \(count(component.functionNames.count, "wasm function"))"]
        if !lines.isEmpty {
            let files = Set(lines.flatMap { $0.debugInfo?.sourceFiles ?? [] }).count
            places.append(
                "source lines of \(count(files, "file")) (DWARF in \(moduleList(lines)))")
        }
        if !instructions.isEmpty { places.append("each instruction of \(moduleList(instructions)) (stepi)") }
        let last = places.removeLast()
        let where_ = places.isEmpty ? last : places.joined(separator: ", ") + " and " + last
        return "debug: `step` pauses at \(where_); calls run slower (function hooks on every call"
            + (lines.isEmpty ? ")" : ", a probe on every line)")
    }

    /// The note, then what could not be done for debugging (DWARF unreadable, no probes).
    static func debugLines(_ component: LoadedComponent) -> [String] {
        [debugNote(component)]
            + component.debugModules.flatMap { module in
                module.notes.map { DisplayTruncation.sanitized("warning: core module \(module.number): \($0)") }
            }
    }

    /// `module 0`, `modules 1 and 2`.
    private static func moduleList(_ modules: [DebugModule]) -> String {
        let numbers = modules.map { String($0.number) }
        guard numbers.count > 1 else { return "module \(numbers.first ?? "")" }
        return "modules " + numbers.dropLast().joined(separator: ", ") + " and " + (numbers.last ?? "")
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}

/// What may name a component in the session: `call NAME.func()` needs a name without dots.
enum ComponentName {
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }
}
