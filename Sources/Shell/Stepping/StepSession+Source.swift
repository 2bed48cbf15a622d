import DebugInfo
import WasmRuntime

/// The source side of a pause: the backtrace with lines, `list`, `locals` and `print`.
extension StepSession {
    /// The wasm frames, innermost first: `square (debug.c:22)` where DWARF knows the frame's
    /// line (an inlined call adds its own frame), `text_append (module 0 function 6)` elsewhere.
    func backtrace() -> [String] {
        var lines: [String] = []
        for frame in loaded.wasmFrames.reversed() {
            let module = frame.function.module
            guard let offset = frame.position ?? entry(of: frame.function),
                source.info(module) != nil
            else {
                lines.append(frame.function.detailedDescription + (frame.position.map { " at \($0)" } ?? ""))
                continue
            }
            let sourceFrames = source.frames(module: module, offset: offset)
            guard !sourceFrames.isEmpty else {
                lines.append(frame.function.detailedDescription)
                continue
            }
            for sourceFrame in sourceFrames {
                let name = sourceFrame.functionName ?? frame.function.description
                let place = sourceFrame.location.flatMap { $0.line > 0 ? SourceContext.short($0) : nil }
                lines.append(
                    name + (place.map { " (\($0))" } ?? "") + (sourceFrame.inlinedCall != nil ? " [inlined]" : ""))
            }
        }
        return lines
    }

    /// Where a function's code starts, for a frame that has not reached a statement yet.
    func entry(of function: CoreFunctionName) -> CodeOffset? {
        source.info(function.module)?.codeSection.functionBodies.first {
            $0.functionIndex == UInt32(exactly: function.index)
        }?.range.lowerBound
    }

    /// The source location of the innermost frame that has one.
    func innermostLocation() -> SourceLocation? {
        for frame in loaded.wasmFrames.reversed() {
            if let position = frame.position,
                let location = source.location(module: frame.function.module, offset: position)
            {
                return location
            }
        }
        return nil
    }

    // MARK: - list

    /// `list`: eleven lines around the current line (or the line asked for), the current one
    /// marked `=>`.
    func list(_ argument: String?, pause: StepPause) {
        if argument == nil, let stop = pause.stop, stop.kind == .instruction {
            listInstructions(at: stop)
            return
        }
        let current = pause.location ?? innermostLocation()
        var file = current?.file
        var center = current?.line
        if let argument {
            let parts = argument.split(separator: ":", omittingEmptySubsequences: false)
            guard let last = parts.last, let line = Int(last), line > 0 else {
                console.complain("list takes LINE or FILE:LINE, not '\(argument)'")
                return
            }
            center = line
            if parts.count > 1 {
                let query = parts.dropLast().joined(separator: ":")
                let matches = Set(
                    source.modulesWithDebugInfo.flatMap { $0.debugInfo?.sourceFiles(matching: query) ?? [] })
                guard matches.count == 1, let match = matches.first else {
                    console.complain(
                        matches.isEmpty
                            ? "no source file of \(component.name) matches '\(query)'"
                            : "'\(query)' matches \(matches.sorted().joined(separator: ", ")); give more of the path")
                    return
                }
                file = match
            }
        }
        guard let file, let center else {
            console.complain(
                "no source line here: this pause is in code without DWARF lines ('line' runs to the next line)")
            return
        }
        let text: SourceFile
        do {
            text = try session.sources.file(file)
        } catch {
            console.complain(error.description)
            return
        }
        guard center <= text.lines.count else {
            console.complain("\(text.path) has \(text.lines.count) lines")
            return
        }
        let marked = current?.file == file ? current?.line : nil
        let lines = Self.sourceLines(text, around: center, radius: 5, marking: marked)
        console.reply((["\(text.path):"] + lines).joined(separator: "\n"))
    }

    /// `=> 30      uint32_t squared = square(i);`: the lines `radius` around `center`, the
    /// `marking` one marked, numbers right-aligned, no trailing spaces.
    static func sourceLines(_ file: SourceFile, around center: Int, radius: Int, marking: Int?) -> [String] {
        guard center >= 1, center <= file.lines.count else { return [] }
        let range = max(1, center - radius)...min(file.lines.count, center + radius)
        let width = String(range.upperBound).count
        return range.map { number in
            let line =
                (number == marking ? "=> " : "   ") + StepPause.gutter(number, width: width)
                + (file.line(number) ?? "")
            return String(line.reversed().drop(while: { $0 == " " }).reversed())
        }
    }

    /// The code around a pause, for the inspector's stepper pane: two source lines either side
    /// of the current one, or two instructions either side at an instruction pause.
    func listing(for pause: StepPause) -> [String] {
        if let stop = pause.stop, stop.kind == .instruction {
            return instructionLines(at: stop, radius: 2)
        }
        guard let location = pause.location, let file = try? session.sources.file(location.file) else { return [] }
        return Self.sourceLines(file, around: location.line, radius: 2, marking: location.line)
    }

    /// `list` at an instruction pause: the instructions around it, as `wasm-tools print`
    /// writes and indents them, with their code offsets.
    private func listInstructions(at stop: ProbeStop) {
        let lines = instructionLines(at: stop, radius: 5)
        guard !lines.isEmpty else {
            console.complain("the instructions of \(stop.function) cannot be decoded")
            return
        }
        console.reply((["\(stop.function.detailedDescription):"] + lines).joined(separator: "\n"))
    }

    /// `=> code+0xa    local.get 0`: the instructions `radius` around a stop, indented by nesting.
    private func instructionLines(at stop: ProbeStop, radius: Int) -> [String] {
        let instructions =
            source.module(stop.function.module)?.instructions(around: stop.offset, before: radius, after: radius) ?? []
        let width = instructions.map { $0.offset.description.count }.max() ?? 0
        return instructions.map { offset, depth, text in
            let label = offset.description
            return (offset == stop.offset ? "=> " : "   ") + label
                + String(repeating: " ", count: width - label.count + 2) + String(repeating: "  ", count: depth) + text
        }
    }

    // MARK: - locals and print

    /// Wasm locals show this many at most.
    static let shownLocals = 64

    /// `locals`: the wasm locals the probe passed, then the source variables in scope.
    func showLocals(pause: StepPause) {
        guard let stop = pause.stop, let frame = loaded.pausedFrame(at: stop) else {
            console.complain(
                "locals are read where a probe stopped the call: at a line ('line', 'next', a breakpoint) "
                    + "or an instruction ('stepi')")
            return
        }
        var lines = ["wasm locals of \(stop.function.detailedDescription):"]
        let locals = frame.locals(limit: Self.shownLocals)
        let width = String(locals.last?.index ?? 0).count
        for local in locals {
            let index = String(local.index)
            var line = "  " + String(repeating: " ", count: width - index.count) + index + "  \(local.kind)  "
            line += local.value.map(Self.text) ?? "(not passed to probes)"
            if local.isParameter { line += "  (parameter)" }
            lines.append(line)
        }
        if frame.localCount > UInt64(locals.count) {
            lines.append("  ... \(frame.localCount - UInt64(locals.count)) more")
        }
        if stop.kind == .statement, let info = source.info(stop.function.module),
            let innermost = info.frames(at: stop.offset).first
        {
            let place = pause.location.map { " at \(SourceContext.short($0))" } ?? ""
            lines.append("source variables\(place):")
            if innermost.variables.isEmpty { lines.append("  (none in scope)") }
            for variable in innermost.variables {
                lines.append("  " + describe(variable, info: info, at: stop.offset, frame: frame))
            }
        }
        console.reply(lines.joined(separator: "\n"))
    }

    /// `print VAR`: a variable of the innermost source frame, else a global.
    func printVariable(_ name: String, pause: StepPause) {
        if let stop = pause.stop, stop.kind == .statement, let info = source.info(stop.function.module),
            let frame = loaded.pausedFrame(at: stop),
            let variable = info.frames(at: stop.offset).first?.variables.last(where: { $0.name == name })
        {
            console.reply(describe(variable, info: info, at: stop.offset, frame: frame))
            return
        }
        for module in source.modulesWithDebugInfo {
            guard let info = module.debugInfo, let global = info.globals(named: name).first,
                let reader = loaded.moduleReader(module.number)
            else { continue }
            console.reply(describe(global, info: info, at: CodeOffset(0), frame: reader))
            return
        }
        let inScope = pause.stop.flatMap { stop in
            source.info(stop.function.module)?.frames(at: stop.offset).first?.variables.compactMap(\.name)
        }
        let known = inScope.map { $0.isEmpty ? "" : " (in scope: \($0.joined(separator: ", ")))" } ?? ""
        console.complain(
            "no variable '\(name)' here\(known)"
                + (pause.stop == nil ? "; local variables are read at a line pause ('line', 'next', a breakpoint)" : "")
        )
    }

    /// `uint32_t total = 1`.
    private func describe(
        _ variable: DebugVariable, info: DWARFDebugInfo, at offset: CodeOffset, frame: some WasmFrameReader
    )
        -> String
    {
        let type = info.types.name(of: variable.type)
        let value = info.renderValue(of: variable, at: offset, frame: frame)
        return "\(type) \(variable.name ?? "(unnamed)") = \(value)"
    }

    /// A wasm value as `locals` shows it: integers signed, floats as numbers.
    static func text(_ value: WasmValue) -> String {
        switch value {
        case .i32(let bits): String(Int32(bitPattern: bits))
        case .i64(let bits): String(Int64(bitPattern: bits))
        case .f32(let bits): Float(bitPattern: bits).description
        case .f64(let bits): Double(bitPattern: bits).description
        }
    }
}
