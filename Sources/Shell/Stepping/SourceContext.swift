import DebugInfo
import WasmRuntime

/// What the stepper knows of a debug-loaded component's code: each core module's DWARF and
/// probes, looked up by module and code offset, with the answers it asks for often kept.
final class SourceContext {
    private let modules: [Int: DebugModule]
    private var prologueEnds: [FunctionKey: CodeOffset] = [:]

    private struct FunctionKey: Hashable {
        let module: Int
        let entry: CodeOffset
    }

    init(component: LoadedComponent) {
        var modules: [Int: DebugModule] = [:]
        for module in component.debugModules { modules[module.number] = module }
        self.modules = modules
    }

    func module(_ number: Int) -> DebugModule? { modules[number] }

    /// Modules whose probes stop at source lines.
    var lineModules: Set<Int> { Set(modules.values.filter { $0.stepping == .lines }.map(\.number)) }
    /// Modules with probes of either kind.
    var probedModules: Set<Int> { Set(modules.values.filter { $0.stepping != .functions }.map(\.number)) }
    /// Modules with DWARF, in order.
    var modulesWithDebugInfo: [DebugModule] {
        modules.keys.sorted().compactMap { modules[$0] }.filter { $0.debugInfo != nil }
    }

    func info(_ module: Int) -> DWARFDebugInfo? { modules[module]?.debugInfo }

    /// The source location of a code offset, if its module has DWARF that covers it.
    func location(module: Int, offset: CodeOffset) -> SourceLocation? {
        guard let location = info(module)?.location(at: offset), location.line > 0 else { return nil }
        return location
    }

    /// The source line a statement is on: what `line` and `next` compare.
    func lineKey(module: Int, offset: CodeOffset) -> LineKey? {
        location(module: module, offset: offset).map { LineKey(module: module, file: $0.file, line: $0.line) }
    }

    /// The source frames at a code offset, innermost first (inlined calls, then the function).
    func frames(module: Int, offset: CodeOffset) -> [SourceFrame] {
        info(module)?.frames(at: offset) ?? []
    }

    /// Whether a statement comes before the end of its function's prologue (the code that sets
    /// up the frame): line stepping does not stop there, as debuggers do not.
    func isInPrologue(module: Int, offset: CodeOffset) -> Bool {
        guard let info = info(module), let function = info.function(containing: offset), let entry = function.entry
        else { return false }
        let key = FunctionKey(module: module, entry: entry)
        if prologueEnds[key] == nil { prologueEnds[key] = info.firstStatementAfterPrologue(of: function) ?? entry }
        return offset < (prologueEnds[key] ?? entry)
    }

    /// `sum_squares`, `axis_distance (inlined into segment_manhattan)`: the source function at a
    /// statement, from DWARF.
    func functionName(module: Int, offset: CodeOffset) -> String? {
        let frames = frames(module: module, offset: offset)
        guard let innermost = frames.first, let name = innermost.functionName else { return nil }
        guard innermost.inlinedCall != nil, let outer = frames.last?.functionName else { return name }
        return "\(name) (inlined into \(outer))"
    }

    /// The instruction at a code offset as `wasm-tools print` writes it.
    func instruction(module: Int, offset: CodeOffset) -> String? {
        modules[module]?.instruction(at: offset)
    }

    /// `debug.c:30`: a location as the stepper shows it, by the file's base name.
    static func short(_ location: SourceLocation) -> String {
        "\(baseName(location.file)):\(location.line)"
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

/// A source line of a module: what `line` runs until it changes.
struct LineKey: Hashable {
    let module: Int
    let file: String
    let line: Int
}
