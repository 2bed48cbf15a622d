import Capabilities
import WasmRuntime
import WasmComponent

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

    static let answers = """
        at a host call:
          allow            run this call once, whatever the policy says
          deny             refuse this call once, whatever the policy says
          grant [PATH...] [--write]   grant the interface (scoped to PATH), then decide by the policy
          revoke [PATH...] revoke the interface's grant (or one scope), then decide by the policy
          args             show the arguments in full
        anywhere (a host call pending is then decided by the policy):
          into  (s)        run to the next function entry or exit, or host call
          next  (n)        the same, stepping over deeper calls
          finish (f)       run until the current function returns
          continue (c)     stop pausing but at breakpoints; the policy decides host calls
          break [FUNC]     stop on entering FUNC (name, index, or MODULE:INDEX); alone: list them
          delete FUNC      remove a breakpoint
          functions [TEXT] list the functions (whose name contains TEXT)
          bt               show the guest's wasm call stack
          abort            end the call now with an error
          help             this list
        into, next, finish, break and functions need the component loaded with --debug.
        """

    /// The first word of every answer, for completion at the `step>` prompt.
    static let answerWords = [
        "allow", "deny", "grant", "revoke", "args", "into", "next", "finish", "continue", "break", "delete",
        "functions", "bt", "abort", "help",
    ]

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
            guard let answer = readAnswer() else { return noAnswer() }
            let (word, rest) = answer.splitFirstWord()
            switch word {
            case "allow", "a": return .allowOnce
            case "deny", "d": return .denyOnce
            case "abort": return .abort
            case "args": console.reply(pending.arguments)
            case "grant", "revoke":
                if changePolicy(word, rest, interface: pending.interface) { return .usePolicy }
            default:
                if answerAnywhere(word, rest, answer: answer, pause: pause, depth: (depth + 1, depth)) {
                    return .usePolicy
                }
            }
        }
    }

    private func functionPause(_ event: FunctionEvent) {
        guard !loaded.isAborting else { return }
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
            guard let answer = readAnswer() else {
                _ = noAnswer()
                loaded.abortRunningCall(at: pause.place)
                return
            }
            let (word, rest) = answer.splitFirstWord()
            switch word {
            case "abort":
                loaded.abortRunningCall(at: pause.place)
                return
            case "allow", "a", "deny", "d", "grant", "revoke", "args":
                console.complain("no host call is pending here; '\(word)' answers a pause before a host call")
            default:
                if answerAnywhere(word, rest, answer: answer, pause: pause, depth: (event.depth, current)) { return }
            }
        }
    }

    /// Answers that mean the same at every pause. `depth.next` is the depth `next` keeps to,
    /// `depth.current` the frame `finish` runs out of. True when the call should go on.
    private func answerAnywhere(
        _ word: String, _ rest: String, answer: String, pause: StepPause, depth: (next: Int, current: Int)
    ) -> Bool {
        switch word {
        case "continue", "c":
            mode = .run
            return true
        case "into", "s", "step", "next", "n", "finish", "f":
            guard requireDebuggable(word) else { return false }
            lastMotion = word
            switch word {
            case "next", "n": mode = .next(depth: depth.next)
            case "finish", "f": mode = .finish(depth: depth.current)
            default: mode = .into
            }
            return true
        case "break", "b":
            guard requireDebuggable(word) else { return false }
            if rest.isEmpty {
                let list = session.breakpoints[component.name, default: []]
                console.reply(list.isEmpty ? "(no breakpoints)" : list.map { "break \($0)" }.joined(separator: "\n"))
            } else {
                do {
                    let breakpoint = try Breakpoint(rest, in: loaded.functionNames, component: component.name)
                    if !session.breakpoints[component.name, default: []].contains(breakpoint) {
                        session.breakpoints[component.name, default: []].append(breakpoint)
                    }
                    console.reply("breakpoint set: entering \(breakpoint)")
                } catch {
                    console.complain(error.description)
                }
            }
        case "delete":
            let list = session.breakpoints[component.name, default: []]
            if let index = list.firstIndex(where: { $0.description == rest }) {
                session.breakpoints[component.name]?.remove(at: index)
                console.reply("breakpoint deleted: \(rest)")
            } else {
                console.complain(
                    "no breakpoint '\(rest)'"
                        + (list.isEmpty ? "" : " (set: \(list.map(\.description).joined(separator: ", ")))"))
            }
        case "functions":
            guard requireDebuggable(word) else { return false }
            let matching = loaded.functionNames.filter {
                rest.isEmpty || ($0.name ?? "").lowercased().contains(rest.lowercased())
            }
            console.reply(
                matching.isEmpty
                    ? "(no function matches '\(rest)')"
                    : matching.map { "\($0.module):\($0.index)  \($0.name ?? "(unnamed)")" }.joined(separator: "\n"))
        case "bt":
            console.reply(
                pause.backtrace.isEmpty
                    ? "(no wasm frames recorded)"
                    : pause.backtrace.enumerated().map { "#\($0.offset) \($0.element)" }.joined(separator: "\n"))
        case "help", "?":
            console.reply(Self.answers)
        default:
            console.complain("'\(answer)' is not a step answer; type 'help'")
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

    private func changePolicy(_ word: String, _ rest: String, interface: String) -> Bool {
        let gate = component.sandboxed.gate
        do {
            let request = try PolicyRequest(
                "\(component.name) \(interface) \(rest)", usage: "\(word) [PATH...] [--write]", allowWrite: true)
            let changes =
                word == "grant"
                ? try gate.policy.grant(
                    request.capability, scopes: request.scopes, access: request.write ? .readWrite : .read)
                : try gate.policy.revoke(
                    request.capability, scopes: request.scopes, access: request.write ? .write : nil)
            for change in changes { console.reply(change.description) }
            return true
        } catch {
            console.complain("\(error)")
            return false
        }
    }

    private func requireDebuggable(_ word: String) -> Bool {
        guard !loaded.isDebuggable else { return true }
        console.complain(
            "'\(word)' steps wasm functions, which needs \(component.name) loaded for debugging: "
                + "'reload \(component.name) --debug' (calls then run slower)")
        return false
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
