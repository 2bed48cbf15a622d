import Capabilities
import DebugInfo
import WasmComponent
import WasmRuntime

/// One stepped call. It pauses before every host call and, when the component was loaded for
/// debugging, at wasm function entries and exits (through WasmKit's interceptor) and at the
/// probes the instrumenter planted: source lines where a module has DWARF, instructions where
/// it has not. It reads the user's answers from a console.
final class StepSession: HostCallStepper {
    let component: SessionComponent
    let session: Session
    let console: StepConsole
    private var mode = StepMode.into
    /// The last motion: an empty answer repeats it, as in debuggers.
    private var lastMotion: String?
    var loaded: LoadedComponent { component.sandboxed.component }
    /// The component's DWARF and probes; empty unless loaded for debugging.
    let source: SourceContext

    init(component: SessionComponent, session: Session, console: StepConsole) {
        self.component = component
        self.session = session
        self.console = console
        self.source = SourceContext(component: component.sandboxed.component)
    }

    /// Runs the call with the stepper attached, and detaches it on every exit path.
    func run(_ prepared: PreparedCall) throws -> CallOutcome {
        if loaded.isDebuggable {
            refreshBreakpoints()
            loaded.functionObserver = { [unowned self] event in self.functionPause(event) }
            loaded.runProbedCode(true)
            armProbes()
        } else {
            loaded.capturesBacktraces = true
        }
        session.steppingComponent = component
        defer {
            session.steppingComponent = nil
            loaded.functionObserver = nil
            loaded.armProbes(inModules: [])
            loaded.runProbedCode(false)
            loaded.capturesBacktraces = false
        }
        let (outcome, hostCalls) = try component.sandboxed.gate.stepping(with: self) {
            try session.calls.run(prepared)
        }
        return CallOutcome(
            component: outcome.component, export: outcome.export, result: outcome.result, steppedHostCalls: hostCalls)
    }

    // MARK: - Pauses

    func pause(before pending: PendingHostCall, gate: CapabilityGate) throws -> StepResolution {
        if loaded.isAborting { return .abort }
        if mode == .run { return .usePolicy }
        var frames = [
            "host \(InterfaceName(pending.interface).short).\(pending.function)"
        ]
        frames += loaded.isDebuggable ? backtrace() : loaded.lastHostCallBacktrace
        var pause = StepPause(kind: .hostCall(pending), backtrace: frames)
        pause.location = innermostLocation()
        pause.listing = listing(for: pause)
        console.show(pause)
        // A host call sits one level below the wasm frame that makes it.
        let depth = loaded.functionStack.count
        while true {
            guard let line = readAnswer() else { return noAnswer() }
            guard let (answer, arguments) = interpret(line) else { continue }
            switch answer.action {
            case .allow: return .allowOnce
            case .deny: return .denyOnce
            case .abort: return .abort
            case .args: console.reply(pending.arguments)
            case .grant, .revoke:
                if changePolicy(answer, arguments, interface: pending.interface) { return .usePolicy }
            default:
                if answerAnywhere(answer, arguments, pause: pause, depth: (depth + 1, depth)) { return .usePolicy }
            }
        }
    }

    private func functionPause(_ event: FunctionEvent) {
        guard !loaded.isAborting else { return }
        guard let (stops, breakpoint) = decide(event), stops || breakpoint else { return }
        let pause = makePause(event, breakpoint: breakpoint)
        console.show(pause)
        // Entering, the current frame is the one entered; leaving, it is the caller.
        let current = if case .leaving = event { event.depth - 1 } else { event.depth }
        while true {
            guard let line = readAnswer() else {
                _ = noAnswer()
                loaded.abortRunningCall(at: pause.place)
                return
            }
            guard let (answer, arguments) = interpret(line) else { continue }
            if answer.action == .abort {
                loaded.abortRunningCall(at: pause.place)
                return
            }
            if answer.place == .hostCall {
                console.complain(
                    "no host call is pending here; '\(line.splitFirstWord().0)' answers a pause before a host call")
                continue
            }
            if answerAnywhere(answer, arguments, pause: pause, depth: (event.depth, current)) { return }
        }
    }

    /// Whether the mode stops at an event, and whether a breakpoint does; nil for events that
    /// never pause.
    private func decide(_ event: FunctionEvent) -> (stops: Bool, breakpoint: Bool)? {
        switch event {
        case .entering(let function, let depth):
            let stops =
                switch mode {
                case .into: true
                case .next(let limit): depth <= limit
                default: false
                }
            return (stops, breakpoints.contains { $0.matches(function) })
        case .leaving(_, let depth):
            let stops =
                switch mode {
                case .into: true
                case .next(let limit), .finish(let limit): depth <= limit
                default: false
                }
            return (stops, false)
        case .reached(let stop, _):
            let breakpoint = stop.kind == .statement && breakpoints.contains { $0.matches(stop) }
            let stops: Bool
            switch mode {
            case .instruction:
                stops = true
            case .line(let anchor), .nextLine(let anchor):
                let into = if case .line = mode { true } else { false }
                stops =
                    stop.kind == .statement
                    && StepMode.endsLineMotion(
                        at: stop, key: source.lineKey(module: stop.function.module, offset: stop.offset), from: anchor,
                        into: into, inPrologue: source.isInPrologue(module: stop.function.module, offset: stop.offset))
            default:
                stops = false
            }
            return (stops, breakpoint)
        }
    }

    private func makePause(_ event: FunctionEvent, breakpoint: Bool) -> StepPause {
        var pause = StepPause(kind: .function(event, breakpoint: breakpoint), backtrace: backtrace())
        pause.location = innermostLocation()
        if case .entering(let function, _) = event, source.info(function.module) != nil {
            // Its opening line, not the caller's.
            pause.location = entry(of: function).flatMap { source.location(module: function.module, offset: $0) }
        }
        if case .reached(let stop, _) = event {
            let module = stop.function.module
            switch stop.kind {
            case .statement:
                pause.location = source.location(module: module, offset: stop.offset)
                pause.sourceFunction = source.functionName(module: module, offset: stop.offset)
                if let location = pause.location {
                    pause.sourceLine = try? session.sources.file(location.file).line(location.line)
                }
            case .instruction:
                pause.instruction = source.instruction(module: module, offset: stop.offset)
            }
        }
        pause.listing = listing(for: pause)
        return pause
    }

    /// Answers that mean the same at every pause. `depth.next` is the depth `next` keeps to,
    /// `depth.current` the frame `finish` runs out of. True when the call should go on.
    private func answerAnywhere(
        _ answer: StepAnswer, _ arguments: ParsedArguments, pause: StepPause, depth: (next: Int, current: Int)
    ) -> Bool {
        if answer.needsDebug, !loaded.isDebuggable {
            console.complain(
                "'\(answer.word)' steps wasm functions, which needs \(component.name) loaded for debugging: "
                    + "'reload \(component.name) --debug' (calls then run slower)")
            return false
        }
        switch answer.action {
        case .continue:
            return resume(.run, answer)
        case .into:
            return resume(.into, answer)
        case .finish:
            return resume(.finish(depth: depth.current), answer)
        case .next:
            // Line by line where the stack has a frame with lines; else by function.
            let hasLines = loaded.wasmFrames.contains { source.lineModules.contains($0.function.module) }
            return resume(hasLines ? .nextLine(anchor(pause)) : .next(depth: depth.next), answer)
        case .line:
            guard !source.lineModules.isEmpty else {
                console.complain(
                    "\(component.name) has no DWARF line information: 'line' needs C built with -g; "
                        + "'into' steps functions, 'stepi' instructions")
                return false
            }
            return resume(.line(anchor(pause)), answer)
        case .stepInstruction:
            guard !source.probedModules.isEmpty else {
                console.complain("no module of \(component.name) has probes; 'into' steps functions")
                return false
            }
            return resume(.instruction, answer)
        case .break:
            addBreakpoint(arguments[Breakpoint.argument.placeholder])
        case .delete:
            deleteBreakpoint(arguments["TARGET"] ?? "")
        case .functions:
            let text = arguments["TEXT"] ?? ""
            let matching = loaded.functionNames.filter {
                text.isEmpty || ($0.name ?? "").lowercased().contains(text.lowercased())
            }
            console.reply(
                matching.isEmpty
                    ? "(no function matches '\(text)')"
                    : matching.map { "\($0.module):\($0.index)  \($0.name ?? "(unnamed)")" }.joined(separator: "\n"))
        case .backtrace:
            console.reply(
                pause.backtrace.isEmpty
                    ? "(no wasm frames recorded)"
                    : pause.backtrace.enumerated().map { "#\($0.offset) \($0.element)" }.joined(separator: "\n"))
        case .list:
            list(arguments["LINE|FILE:LINE"], pause: pause)
        case .locals:
            showLocals(pause: pause)
        case .print:
            printVariable(arguments["VAR"] ?? "", pause: pause)
        case .help:
            console.reply(StepAnswer.helpText)
        case .allow, .deny, .grant, .revoke, .args, .abort:
            break
        }
        return false
    }

    /// Sets the mode, remembers the motion for an empty answer, and arms the probes it needs.
    private func resume(_ mode: StepMode, _ answer: StepAnswer) -> Bool {
        self.mode = mode
        if answer.action != .continue { lastMotion = answer.word }
        armProbes()
        return true
    }

    /// Where a line motion starts: the innermost frame and the line it is on.
    private func anchor(_ pause: StepPause) -> LineAnchor {
        if let stop = pause.stop {
            return LineAnchor(
                frame: stop.frame, line: source.lineKey(module: stop.function.module, offset: stop.offset))
        }
        guard let frame = loaded.wasmFrames.last else { return LineAnchor(frame: 0, line: nil) }
        // Entering a function, its frame has no line yet; elsewhere, the line it is on.
        let entering = if case .function(.entering, _) = pause.kind { true } else { false }
        let line =
            entering ? nil : frame.position.flatMap { source.lineKey(module: frame.function.module, offset: $0) }
        return LineAnchor(frame: frame.serial, line: line)
    }

    /// Probes call the host only in the modules the mode and the breakpoints need.
    private func armProbes() {
        var modules = Set<Int>()
        switch mode {
        case .line, .nextLine: modules = source.lineModules
        case .instruction: modules = source.probedModules
        default: break
        }
        for breakpoint in breakpoints { modules.formUnion(breakpoint.modules) }
        loaded.armProbes(inModules: modules)
    }

    // MARK: - Breakpoints

    var breakpoints: [Breakpoint] { session.breakpoints[component.name, default: []] }

    /// Breakpoints kept across `reload` are resolved again in the component now loaded.
    private func refreshBreakpoints() {
        guard let list = session.breakpoints[component.name] else { return }
        session.breakpoints[component.name] = list.map {
            (try? Breakpoint($0.text, in: loaded, source: source, name: component.name)) ?? $0
        }
    }

    private func addBreakpoint(_ text: String?) {
        guard let text else {
            let list = breakpoints
            console.reply(list.isEmpty ? "(no breakpoints)" : list.map(\.listing).joined(separator: "\n"))
            return
        }
        do {
            let breakpoint = try Breakpoint(text, in: loaded, source: source, name: component.name)
            if !breakpoints.contains(where: { $0.text == breakpoint.text }) {
                session.breakpoints[component.name, default: []].append(breakpoint)
            }
            console.reply("breakpoint set: \(breakpoint.summary)")
            armProbes()
        } catch {
            console.complain(error.description)
        }
    }

    private func deleteBreakpoint(_ name: String) {
        let list = breakpoints
        if let index = list.firstIndex(where: { $0.text == name }) {
            session.breakpoints[component.name]?.remove(at: index)
            console.reply("breakpoint deleted: \(name)")
            armProbes()
        } else {
            console.complain(
                "no breakpoint '\(name)'" + (list.isEmpty ? "" : " (set: \(list.map(\.text).joined(separator: ", ")))"))
        }
    }

    // MARK: - Helpers

    /// The console's next answer; an empty one repeats the last motion.
    private func readAnswer() -> String? {
        while true {
            guard let answer = console.readAnswer() else { return nil }
            if !answer.isEmpty { return answer }
            if let lastMotion { return lastMotion }
            console.complain("type an answer ('help' lists them)")
        }
    }

    /// The answer a line names and its arguments; nil (after saying why) when it names none.
    private func interpret(_ line: String) -> (StepAnswer, ParsedArguments)? {
        let (word, rest) = line.splitFirstWord()
        guard let answer = StepAnswer.find(word) else {
            console.complain("'\(line)' is not a step answer; type 'help'")
            return nil
        }
        do {
            return (answer, try answer.syntax.parse(rest, command: answer.word))
        } catch {
            console.complain(error.description)
            return nil
        }
    }

    /// `grant [PATH...] [--write]` / `revoke [PATH...] [--write]` for the pending call's interface.
    private func changePolicy(_ answer: StepAnswer, _ arguments: ParsedArguments, interface: String) -> Bool {
        let gate = component.sandboxed.gate
        let scopes = arguments.all(PolicyRequest.path.placeholder)
        let write = arguments.has(PolicyRequest.writeFlag)
        do {
            let changes =
                answer.action == .grant
                ? try gate.policy.grant(interface, scopes: scopes, access: write ? .readWrite : .read)
                : try gate.policy.revoke(interface, scopes: scopes, access: write ? .write : nil)
            for change in changes { console.reply(change.description) }
            return true
        } catch {
            console.complain("\(error)")
            return false
        }
    }

    private func noAnswer() -> StepResolution {
        console.reply("(no answer: aborting the call)")
        return .abort
    }
}
