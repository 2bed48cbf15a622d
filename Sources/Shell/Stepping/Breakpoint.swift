import DebugInfo
import WasmRuntime

/// Where the stepper stops on its own: at a source line (`break debug.c:30`), at a C function's
/// first line after its prologue (`break square`, from DWARF), or, in code without DWARF, on
/// entering a wasm function (`break skill_run`, `break 5` for function 5 of core module 0,
/// `break 1:2` for function 2 of core module 1).
struct Breakpoint: Equatable, CustomStringConvertible {
    enum Target: Equatable {
        case name(String)
        case index(module: Int, index: Int)
        /// Statements of modules with DWARF, where their probes stop.
        case code(Set<CodeSite>)
    }

    /// A statement of a module: a probe's place.
    struct CodeSite: Hashable {
        let module: Int
        let offset: CodeOffset
    }

    /// As typed: what `delete` and the list name it by.
    let text: String
    let target: Target
    /// What setting it says: `debug.c:30 in sum_squares`, `square, at debug.c:22`,
    /// `entering text_append`.
    let summary: String
    /// Where a source breakpoint stops: `debug.c:30 in sum_squares`; nil for function entries.
    let resolved: String?

    var description: String { text }

    /// `break debug.c:29 → debug.c:30 in sum_squares`: as listed.
    var listing: String { "break \(text)" + (resolved.map { " → \($0)" } ?? "") }

    /// `break`'s argument, in the step answers and the command.
    static let argument = Argument("FILE:LINE|FUNC", .breakTarget)

    /// Resolves a `break` argument in a component: FILE:LINE and C function names by its DWARF,
    /// other names and indices by its functions. Throws with what exists when nothing matches.
    init(_ text: String, in component: LoadedComponent, source: SourceContext, name: String) throws(ShellError) {
        self.text = text
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let numeric = { (part: Substring) in !part.isEmpty && part.allSatisfy(\.isASCII) && Int(part) != nil }
        if parts.count <= 2, parts.allSatisfy(numeric) {
            let numbers = parts.compactMap { Int($0) }
            let module = numbers.count == 2 ? numbers[0] : 0
            let index = numbers[numbers.count - 1]
            guard component.functionNames.contains(where: { $0.module == module && $0.index == index }) else {
                throw Self.error("\(name) has no function \(index) in core module \(module)")
            }
            target = .index(module: module, index: index)
            summary = "entering \(text)"
            resolved = nil
        } else if parts.count >= 2, let last = parts.last, numeric(last), let line = Int(last) {
            let file = parts.dropLast().joined(separator: ":")
            (target, summary, resolved) = try Self.sourceLine(file: file, line: line, source: source, name: name)
        } else if let found = Self.sourceFunction(text, source: source) {
            (target, summary, resolved) = found
        } else {
            let functions = component.functionNames
            guard functions.contains(where: { $0.name == text }) else {
                let similar = Set(
                    functions.compactMap(\.name)
                        + source.modulesWithDebugInfo.flatMap {
                            $0.debugInfo?.functions.compactMap(\.name) ?? []
                        }
                ).filter { $0.lowercased().contains(text.lowercased()) }.sorted()
                throw Self.error(
                    "\(name) has no function named '\(text)'"
                        + (similar.isEmpty
                            ? "; 'functions' at a pause lists them"
                            : " (similar: \(similar.prefix(5).joined(separator: ", ")))"))
            }
            target = .name(text)
            summary = "entering \(text)"
            resolved = nil
        }
    }

    /// `break FILE:LINE`: the line's statements in every module whose DWARF has the file.
    private static func sourceLine(file: String, line: Int, source: SourceContext, name: String)
        throws(ShellError) -> (Target, String, String)
    {
        let modules = source.modulesWithDebugInfo
        guard !modules.isEmpty else {
            throw Self.error(
                "\(name) has no DWARF line information: 'break FILE:LINE' needs C built with -g "
                    + "(its functions can still be named: 'break FUNC')")
        }
        var sites = Set<CodeSite>()
        var found: LineBreakpoint?
        var firstError: DWARFError?
        for module in modules {
            guard let info = module.debugInfo else { continue }
            do {
                let breakpoint = try info.breakpoint(file: file, line: line)
                found = found ?? breakpoint
                for address in breakpoint.addresses {
                    sites.insert(CodeSite(module: module.number, offset: probeOffset(address, info)))
                }
            } catch {
                firstError = firstError ?? error
            }
        }
        guard let found else { throw Self.error(firstError?.message ?? "no code at \(file):\(line)") }
        let function = sites.first.flatMap { source.functionName(module: $0.module, offset: $0.offset) }
        let place = "\(SourceContext.baseName(found.file)):\(found.line)" + (function.map { " in \($0)" } ?? "")
        let summary = place + (found.moved ? " (line \(found.requestedLine) has no code)" : "")
        return (.code(sites), summary, place)
    }

    /// `break square`: a C function of the DWARF, at its first statement after the prologue.
    private static func sourceFunction(_ text: String, source: SourceContext) -> (Target, String, String)? {
        var sites = Set<CodeSite>()
        var place: String?
        for module in source.modulesWithDebugInfo {
            guard let info = module.debugInfo else { continue }
            for function in info.functions(named: text) {
                guard let statement = info.firstStatementAfterPrologue(of: function) else { continue }
                let offset = probeOffset(statement, info)
                sites.insert(CodeSite(module: module.number, offset: offset))
                if place == nil, let location = source.location(module: module.number, offset: offset) {
                    place = SourceContext.short(location)
                }
            }
        }
        guard !sites.isEmpty, let place else { return nil }
        return (.code(sites), "\(text), at \(place)", "\(place) in \(text)")
    }

    /// A statement address as its probe reports it: DWARF gives a function's first line at its
    /// local declarations (low_pc); its probe sits on the first instruction.
    private static func probeOffset(_ address: CodeOffset, _ info: DWARFDebugInfo) -> CodeOffset {
        guard let body = info.codeSection.body(containing: address), body.range.lowerBound == address else {
            return address
        }
        return body.firstInstruction
    }

    /// Messages name files and functions the component's DWARF and name section give: escaped.
    private static func error(_ message: String) -> ShellError {
        ShellError(DisplayTruncation.sanitized(message))
    }

    /// Whether entering this function stops here.
    func matches(_ function: CoreFunctionName) -> Bool {
        switch target {
        case .name(let name): function.name == name
        case .index(let module, let index): function.module == module && function.index == index
        case .code: false
        }
    }

    /// Whether a statement probe stops here.
    func matches(_ stop: ProbeStop) -> Bool {
        guard case .code(let sites) = target else { return false }
        return sites.contains(CodeSite(module: stop.function.module, offset: stop.offset))
    }

    /// The modules whose probes must be armed for it.
    var modules: Set<Int> {
        guard case .code(let sites) = target else { return [] }
        return Set(sites.map(\.module))
    }
}
