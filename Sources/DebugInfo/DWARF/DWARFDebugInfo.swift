/// The DWARF debug information of one core wasm module: line tables, functions, variables and
/// types, with lookups by code offset, by name and by `FILE:LINE`.
///
/// Read from the module's ORIGINAL bytes (as embedded in the component, before wasmsh rewrites
/// it): every address here is a `CodeOffset` of that module; `codeSection` converts to and
/// from `ModuleOffset`. Everything is read once, at init; malformed or hostile DWARF throws a
/// `DWARFError`, never traps, and allocates at most in proportion to the module's size.
public struct DWARFDebugInfo: Sendable {
    public let codeSection: CodeSectionLayout
    public let units: [CompilationUnit]
    public let lineTables: [LineTable]
    public let types: DebugTypeTable
    /// Functions with code, in .debug_info order.
    public let functions: [DebugFunction]
    /// Variables with a location or value outside any function (globals, file statics).
    public let globals: [DebugVariable]
    /// Every statement boundary (an is_stmt row's address whose location has a line), by address.
    public let statements: [SourceStatement]
    /// The source files that have code, as the line tables name them, sorted.
    public let sourceFiles: [String]
    private let sequences: [LineSequence]

    /// Reads the DWARF of a core module.
    public init(module: ArraySlice<UInt8>) throws(DWARFError) {
        let scanner = try WasmModuleScanner(module: module)
        let sections = scanner.sections
        guard !sections.info.isEmpty || !sections.line.isEmpty else {
            throw DWARFError(
                "the module has no DWARF debug information (no .debug_info or .debug_line section): "
                    + "compile with -g and do not strip debug sections")
        }
        guard let layout = scanner.layout else { throw DWARFError("the module has no code section", section: "module") }
        codeSection = layout
        let builder = try DebugInfoBuilder(sections: sections)
        units = builder.units
        lineTables = builder.lineTables
        types = DebugTypeTable(builder.types)
        functions = builder.functions
        globals = builder.globals
        let sequences = lineTables.enumerated().flatMap { LineSequence.sequences(of: $0.element, index: $0.offset) }
            .sorted { ($0.start, $0.table) < ($1.start, $1.table) }
        self.sequences = sequences
        statements = Self.statements(sequences, lineTables)
        sourceFiles = Self.sourceFiles(sequences, lineTables)
    }

    /// Whether a core module carries DWARF (a .debug_info or .debug_line section), without reading it.
    public static func hasDebugInfo(module: ArraySlice<UInt8>) -> Bool {
        guard let scanner = try? WasmModuleScanner(module: module) else { return false }
        return !scanner.sections.info.isEmpty || !scanner.sections.line.isEmpty
    }

    // MARK: - Lines

    /// The source location of a code offset, as `wasm-tools addr2line` gives it; nil where no
    /// line-table sequence covers the offset.
    public func location(at offset: CodeOffset) -> SourceLocation? {
        Self.location(at: offset, sequences, lineTables)
    }

    private static func location(at offset: CodeOffset, _ sequences: [LineSequence], _ tables: [LineTable])
        -> SourceLocation?
    {
        // The last sequence starting at or before the offset; overlapping sequences (which a
        // compiler does not emit) are searched backwards from there.
        var low = 0
        var high = sequences.count
        while low < high {
            let middle = (low + high) / 2
            if sequences[middle].start <= offset { low = middle + 1 } else { high = middle }
        }
        var index = low - 1
        while index >= 0 {
            if let row = sequences[index].row(at: offset) {
                let table = tables[sequences[index].table]
                let file = table.file(row.file)?.path ?? "<unknown file \(row.file)>"
                return SourceLocation(file: file, line: row.line, column: row.column)
            }
            index -= 1
        }
        return nil
    }

    private static func statements(_ sequences: [LineSequence], _ tables: [LineTable]) -> [SourceStatement] {
        var addresses = Set<CodeOffset>()
        for sequence in sequences {
            for row in sequence.rows where row.isStatement { addresses.insert(row.address) }
        }
        return addresses.sorted().compactMap { address in
            guard let location = location(at: address, sequences, tables), location.line > 0 else { return nil }
            return SourceStatement(address: address, location: location)
        }
    }

    /// The statement boundaries inside one function.
    public func statements(in function: DebugFunction) -> [SourceStatement] {
        statements.filter { function.contains($0.address) }
    }

    private static func sourceFiles(_ sequences: [LineSequence], _ tables: [LineTable]) -> [String] {
        var files = Set<String>()
        for sequence in sequences {
            let table = tables[sequence.table]
            for row in sequence.rows where row.line > 0 {
                if let file = table.file(row.file) { files.insert(file.path) }
            }
        }
        return files.sorted()
    }

    /// The source files `query` names: the file whose path is `query` (ignoring a leading
    /// `./`), else every file whose path ends with `/query` (a base name or a path suffix).
    public func sourceFiles(matching query: String) -> [String] {
        let wanted = Self.trimmed(query)
        let files = sourceFiles
        let exact = files.filter { Self.trimmed($0) == wanted }
        if !exact.isEmpty { return exact }
        return files.filter { Self.trimmed($0).hasSuffix("/" + wanted) }
    }

    private static func trimmed(_ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        return String(path)
    }

    /// Where `break FILE:LINE` stops: the statement addresses of the line, or, when the line has
    /// no code (a comment, a blank line), of the next line in the file that has.
    public func breakpoint(file query: String, line: Int) throws(DWARFError) -> LineBreakpoint {
        let matches = sourceFiles(matching: query)
        guard let file = matches.first else {
            throw DWARFError(
                "no source file with code matches '\(query)'; files: \(sourceFiles.joined(separator: ", "))")
        }
        guard matches.count == 1 else {
            throw DWARFError(
                "'\(query)' matches \(matches.count) files: \(matches.joined(separator: ", ")); give more of the path")
        }
        var byLine: [Int: Set<CodeOffset>] = [:]
        for sequence in sequences {
            let table = lineTables[sequence.table]
            for row in sequence.rows where row.isStatement && row.line > 0 && table.file(row.file)?.path == file {
                byLine[row.line, default: []].insert(row.address)
            }
        }
        guard let chosen = byLine.keys.filter({ $0 >= line }).min() else {
            let last = byLine.keys.max().map { " (its last line with code is \($0))" } ?? ""
            throw DWARFError("\(file) has no code at or after line \(line)\(last)")
        }
        let all = byLine[chosen, default: []].sorted()
        // Of rows sharing an address, the last wins: an address whose location is another line
        // would stop there showing that line.
        let exact = all.filter { location(at: $0).map { $0.line == chosen && $0.file == file } ?? false }
        return LineBreakpoint(file: file, requestedLine: line, line: chosen, addresses: exact.isEmpty ? all : exact)
    }

    // MARK: - Functions

    /// Functions by C name (DW_AT_name) or linkage name.
    public func functions(named name: String) -> [DebugFunction] {
        functions.filter { $0.name == name || $0.linkageName == name }
    }

    /// Where a breakpoint on the function stops, after the code that sets up its frame: the
    /// first statement at or after the line table's prologue_end row inside the function, else
    /// its second statement (the first is its opening line), else its first; nil without any.
    public func firstStatementAfterPrologue(of function: DebugFunction) -> CodeOffset? {
        let inside = statements(in: function).map(\.address)
        var prologueEnd: CodeOffset?
        for table in lineTables {
            for row in table.rows where row.isPrologueEnd && !row.isEndSequence && function.contains(row.address) {
                prologueEnd = min(prologueEnd ?? row.address, row.address)
            }
        }
        if let prologueEnd, let statement = inside.first(where: { $0 >= prologueEnd }) { return statement }
        return inside.count > 1 ? inside[1] : inside.first
    }

    /// The function whose code contains the offset (the smallest, should ranges overlap).
    public func function(containing offset: CodeOffset) -> DebugFunction? {
        functions.filter { $0.contains(offset) }.min { Self.size($0) < Self.size($1) }
    }

    private static func size(_ function: DebugFunction) -> UInt64 {
        function.ranges.reduce(0) { $0 + UInt64($1.upperBound.value - $1.lowerBound.value) }
    }

    /// The source frames at a code offset, innermost first: inlined calls, then the function.
    /// Empty where no function covers the offset.
    public func frames(at offset: CodeOffset) -> [SourceFrame] {
        guard let function = function(containing: offset) else { return [] }
        // Each frame's scopes, outermost first; an inlined call starts a new frame.
        var frameScopes: [[DebugScope]] = [[function.scope]]
        var current = function.scope
        while let child = Self.innermost(current.children, covering: offset) {
            if case .inlinedCall = child.kind {
                frameScopes.append([child])
            } else {
                frameScopes[frameScopes.count - 1].append(child)
            }
            current = child
        }
        var frames: [SourceFrame] = []
        var location = location(at: offset)
        for scopes in frameScopes.reversed() {
            var call: InlinedCall?
            if case .inlinedCall(let inlined) = scopes[0].kind { call = inlined }
            frames.append(
                SourceFrame(
                    functionName: call?.functionName ?? function.name, location: location, function: function,
                    inlinedCall: call, variables: Self.visible(scopes)))
            if let call {
                location = SourceLocation(
                    file: call.callFile ?? "<unknown file>", line: call.callLine, column: call.callColumn)
            }
        }
        return frames
    }

    /// The child scope covering the offset: one with ranges first, else a block without ranges.
    private static func innermost(_ scopes: [DebugScope], covering offset: CodeOffset) -> DebugScope? {
        scopes.first { !$0.ranges.isEmpty && $0.covers(offset) }
            ?? scopes.first { $0.ranges.isEmpty && $0.covers(offset) }
    }

    private static func visible(_ scopes: [DebugScope]) -> [DebugVariable] {
        var result: [DebugVariable] = []
        for scope in scopes {
            for variable in scope.variables {
                if let name = variable.name { result.removeAll { $0.name == name } }
                result.append(variable)
            }
        }
        return result
    }

    /// The wasm locals a function's variables and frame base can name (DW_OP_WASM_location
    /// kind 0), ascending: what a probe in the function must pass for every variable to be
    /// readable. Expressions that do not decode are skipped.
    public func wasmLocals(readBy function: DebugFunction) -> [UInt32] {
        var locals = Set<UInt32>()
        func collect(_ description: LocationDescription?) {
            let expressions: [LocationExpression]
            switch description {
            case .expression(let expression)?: expressions = [expression]
            case .list(let entries)?: expressions = entries.map(\.expression)
            default: expressions = []
            }
            for expression in expressions {
                for operation in (try? expression.operations()) ?? []
                where operation.opcode == DWARFOperation.wasmLocation && operation.operands.first == .unsigned(0) {
                    if case .unsigned(let index)? = operation.operands.last, let local = UInt32(exactly: index) {
                        locals.insert(local)
                    }
                }
            }
        }
        func visit(_ scope: DebugScope) {
            for variable in scope.variables { collect(variable.location) }
            scope.children.forEach(visit)
        }
        collect(function.frameBase)
        visit(function.scope)
        return locals.sorted()
    }

    /// Globals by name.
    public func globals(named name: String) -> [DebugVariable] {
        globals.filter { $0.name == name }
    }

    // MARK: - Values

    /// Where a variable is at a code offset of the paused frame.
    public func location(of variable: DebugVariable, at offset: CodeOffset, frame: some WasmFrameReader)
        throws(VariableReadError) -> VariableLocation
    {
        try LocationEvaluator(types: types).location(
            of: variable.location, at: offset, frameBase: variable.frameBase, frame: frame)
    }

    /// The bytes of a variable's value (as many as its type's size).
    public func bytes(of variable: DebugVariable, at offset: CodeOffset, frame: some WasmFrameReader)
        throws(VariableReadError) -> [UInt8]
    {
        guard let size = types.byteSize(of: variable.type) else {
            throw VariableReadError("the size of type '\(types.name(of: variable.type))' is unknown")
        }
        let evaluator = LocationEvaluator(types: types)
        let location = try evaluator.location(
            of: variable.location, at: offset, frameBase: variable.frameBase, frame: frame)
        return try evaluator.bytes(at: location, count: size, frame: frame)
    }

    /// A variable's value as text (`42`, `{x = 1, y = 2}`), `<optimized out>`, or
    /// `<unavailable: why>`.
    public func renderValue(
        of variable: DebugVariable, at offset: CodeOffset, frame: some WasmFrameReader,
        options: ValueRenderOptions = ValueRenderOptions()
    ) -> String {
        do throws(VariableReadError) {
            let bytes = try bytes(of: variable, at: offset, frame: frame)
            return ValueRenderer(types: types, options: options).render(bytes, as: variable.type, memory: frame)
        } catch {
            return error.message == "optimized out" ? "<optimized out>" : "<unavailable: \(error.message)>"
        }
    }

    /// An expression as llvm-dwarfdump prints it, with the names of DW_OP_convert's base types.
    public func describe(_ expression: LocationExpression) -> String {
        DWARFOperation.describe(expression.bytes, encoding: expression.encoding) { offset in
            guard case .base(let name, _, _)? = types[DebugTypeID(offset: offset)]?.kind else { return nil }
            return name
        }
    }
}
