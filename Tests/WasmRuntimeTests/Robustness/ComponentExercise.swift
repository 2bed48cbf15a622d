import WasmComponent
import WasmRuntime

/// Everything wasmsh does with a component file it is handed, on arbitrary bytes: parse,
/// inspect and print its WIT, instantiate it under tight limits with a host that denies every
/// import, and call every export whose arguments can be made up (zero values, or resource
/// handles earlier calls returned). Shared by the mutation test and the libFuzzer target
/// (`Fuzz/`, through a symbolic link), so both exercise the same paths.
///
/// Every step must return or throw; a crash or a hang is the bug these look for.
struct ComponentExercise {
    /// How far a component got.
    enum Stage: String, CaseIterable {
        case parseFailed = "parse failed"
        case inspectFailed = "inspect failed"
        case loadFailed = "load failed"
        case loaded = "loaded"
    }

    struct Outcome {
        var stage: Stage = .parseFailed
        var callsReturned = 0
        var callsFailed = 0
        /// Errors with an empty message: an error must say what went wrong.
        var silentErrors: [String] = []
    }

    /// Small enough that a hostile memory, loop, result or handle flood costs milliseconds, large
    /// enough for the fixtures' own exports: what lifting may build and the handles a component
    /// may hold are bounded as tightly as its memory.
    static let limits = ComponentLimits(
        memoryBytes: 16 << 20, tableElements: 1 << 16, fuelPerCall: 200_000, liftBytesPerCall: 4 << 20,
        liveHandles: 10_000)
    /// Calls per component, so that a mutant with thousands of exports stays cheap.
    static let maxCalls = 200

    /// With `debuggable`, the component is loaded for function stepping and every call runs
    /// with the function tracer reporting, so the instrumenter's function exports and the
    /// interceptor are exercised too.
    static func run(_ bytes: [UInt8], debuggable: Bool = false) -> Outcome {
        var outcome = Outcome()
        let binary: ComponentBinary
        do {
            binary = try ComponentParser.parse(bytes)
        } catch {
            outcome.note(error)
            return outcome
        }
        outcome.stage = .inspectFailed
        do {
            let world = try ComponentInspector.world(of: binary)
            _ = WITPrinter.print(world)
        } catch {
            outcome.note(error)
            return outcome
        }
        outcome.stage = .loadFailed
        let component: LoadedComponent
        do {
            component = try LoadedComponent(
                binary: binary, name: "mutant", host: ClosureHostCallHandler(providing: [], denyingHost),
                limits: limits, debuggable: debuggable)
        } catch {
            outcome.note(error)
            return outcome
        }
        outcome.stage = .loaded
        var functionEvents = 0
        if debuggable { component.functionObserver = { _ in functionEvents += 1 } }
        defer { component.functionObserver = nil }
        var handles = HandlePool()
        for export in component.exports.prefix(maxCalls) {
            guard let arguments = handles.arguments(for: export.type) else { continue }
            do {
                let result = try component.call(export, arguments)
                _ = CallExpression.format(result, of: export)
                outcome.callsReturned += 1
                if let result { handles.collect(result) }
            } catch {
                outcome.callsFailed += 1
                outcome.note(error)
            }
        }
        // Dropping what is left runs guest destructors, which may trap too.
        for handle in handles.owned {
            do { try component.drop(handle) } catch { outcome.note(error) }
        }
        return outcome
    }

    /// Denies every import the way the capability gate does: `err("...")` where the result type
    /// has an error case, an error (a trap of the guest) otherwise. A few imports get a zero
    /// value instead, so that lowering host results into the guest is exercised too.
    static func denyingHost(_ context: HostCallContext, _ arguments: [ComponentValue]) throws -> ComponentValue? {
        guard let result = context.type.result else {
            throw LoadError("\(context.interface).\(context.function) is denied")
        }
        if case .result(_, let err) = result.underlying {
            let message: ComponentValue? = err.flatMap { HandlePool.zeroValue(of: $0) }.map { value in
                if case .string = value { return .string("Permission denied") }
                return value
            }
            return .result(.err(message))
        }
        if context.function.count % 2 == 0, let zero = HandlePool.zeroValue(of: result) { return zero }
        throw LoadError("\(context.interface).\(context.function) is denied")
    }
}

extension ComponentExercise.Outcome {
    mutating func note(_ error: any Error) {
        let text = "\(error)"
        if text.allSatisfy(\.isWhitespace) { silentErrors.append(String(describing: type(of: error))) }
    }
}
