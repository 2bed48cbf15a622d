import Capabilities
import WasmComponent
import WasmRuntime

/// One stepped call. It pauses before every host call and, when the component was loaded for
/// debugging, at wasm function entries and exits (through WasmKit's interceptor), and reads
/// the user's answers from a console.
final class StepSession: HostCallStepper {
    /// Where the call runs to before pausing again.
    enum Mode: Equatable {
        /// The next function entry or exit, or host call.
        case into
        /// The next event at this depth or shallower: steps over deeper calls.
        case next(depth: Int)
        /// The exit of the frame at this depth (or shallower).
        case finish(depth: Int)
        /// No pauses but breakpoints; host calls are decided by the policy.
        case run
    }

    private let component: SessionComponent
    private let session: Session
    private let console: StepConsole
    private var mode = Mode.into
    /// The last into/next/finish: an empty answer repeats it, as in debuggers.
    private var lastMotion: String?
    private var loaded: LoadedComponent { component.sandboxed.component }

    init(component: SessionComponent, session: Session, console: StepConsole) {
        self.component = component
        self.session = session
        self.console = console
    }

    /// Runs the call with the stepper attached, and detaches it on every exit path.
    func run(_ prepared: PreparedCall) throws -> CallOutcome {
        if loaded.isDebuggable {
            loaded.functionObserver = { [unowned self] event in self.functionPause(event) }
        } else {
            loaded.capturesBacktraces = true
        }
        session.steppingComponent = component
        defer {
            session.steppingComponent = nil
            loaded.functionObserver = nil
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
        frames += loaded.isDebuggable ? shadowFrames() : loaded.lastHostCallBacktrace
        let pause = StepPause(kind: .hostCall(pending), backtrace: frames)
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
        if case .reached = event { return }
        let isEntry = if case .entering = event { true } else { false }
        let breakpoint = isEntry && hitsBreakpoint(event.function)
        let stops =
            switch mode {
            case .into: true
            case .next(let depth): event.depth <= depth
            case .finish(let depth): !isEntry && event.depth <= depth
            case .run: false
            }
        guard stops || breakpoint else { return }
        let pause = StepPause(kind: .function(event, breakpoint: breakpoint), backtrace: shadowFrames())
        console.show(pause)
        // Entering, the current frame is the one entered; leaving, it is the caller.
        let current = isEntry ? event.depth : event.depth - 1
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
            mode = .run
            return true
        case .into, .next, .finish:
            lastMotion = answer.word
            switch answer.action {
            case .next: mode = .next(depth: depth.next)
            case .finish: mode = .finish(depth: depth.current)
            default: mode = .into
            }
            return true
        case .break:
            guard let text = arguments["FUNC"] else {
                let list = session.breakpoints[component.name, default: []]
                console.reply(list.isEmpty ? "(no breakpoints)" : list.map { "break \($0)" }.joined(separator: "\n"))
                return false
            }
            do {
                let breakpoint = try Breakpoint(text, in: loaded.functionNames, component: component.name)
                if !session.breakpoints[component.name, default: []].contains(breakpoint) {
                    session.breakpoints[component.name, default: []].append(breakpoint)
                }
                console.reply("breakpoint set: entering \(breakpoint)")
            } catch {
                console.complain(error.description)
            }
        case .delete:
            let name = arguments["FUNC"] ?? ""
            let list = session.breakpoints[component.name, default: []]
            if let index = list.firstIndex(where: { $0.description == name }) {
                session.breakpoints[component.name]?.remove(at: index)
                console.reply("breakpoint deleted: \(name)")
            } else {
                console.complain(
                    "no breakpoint '\(name)'"
                        + (list.isEmpty ? "" : " (set: \(list.map(\.description).joined(separator: ", ")))"))
            }
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
        case .help:
            console.reply(StepAnswer.helpText)
        case .allow, .deny, .grant, .revoke, .args, .abort:
            break
        }
        return false
    }

    // MARK: - Helpers

    /// The console's next answer; an empty one repeats the last into/next/finish.
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

    private func hitsBreakpoint(_ function: CoreFunctionName) -> Bool {
        guard let list = session.breakpoints[component.name] else { return false }
        return list.contains { $0.matches(function) }
    }

    /// The shadow stack, innermost first.
    private func shadowFrames() -> [String] {
        loaded.functionStack.reversed().map(\.detailedDescription)
    }

    private func noAnswer() -> StepResolution {
        console.reply("(no answer: aborting the call)")
        return .abort
    }
}
