import WasmComponent
import WasmRuntime

extension Session {
    /// The most of a result's WAVE text a terminal is shown at once; `show $_` prints the rest.
    static let terminalResultBytes = 8 << 10

    /// Prints a call's result as `wasmtime run --invoke` does (whole, when the output is not a
    /// terminal; cut short on a terminal, saying how to see it whole), then keeps it as `$_`, or,
    /// when it holds owned resource handles, drops them: a handle nobody bound would otherwise
    /// stay alive in the component, unreachable.
    func present(_ outcome: CallOutcome) throws {
        callsEnded()
        guard let result = outcome.result, let type = outcome.export.type.result else { return }
        if settings.outputIsTerminal {
            printCut(
                result, as: type, leading: "", trailing: "",
                seeing: "'show $_' prints it whole, 'show $_ --raw' as text")
        } else {
            printWhole(result, as: type, binding: "_")
        }
        try keep(outcome)
    }

    /// Keeps a call's result as `$_`, or drops the owned handles it holds (and says so).
    func keep(_ outcome: CallOutcome) throws {
        guard let result = outcome.result, let type = outcome.export.type.result else { return }
        let handles = result.ownedHandles
        guard handles.isEmpty else {
            for handle in handles { try outcome.component.sandboxed.component.drop(handle) }
            print(
                style(
                    .dim,
                    "(dropped the \(handles.count) owned handle\(handles.count == 1 ? "" : "s") in the result, "
                        + "which nothing keeps; 'let NAME = call ...' keeps them)"))
            return
        }
        bindings["_"] = Binding(value: result, type: type, component: outcome.component.name)
    }
}

extension ComponentValue {
    /// Every owned handle in the value, depth first.
    var ownedHandles: [ResourceHandle] {
        switch self {
        case .handle(let handle): return handle.isOwned ? [handle] : []
        case .list(let values), .tuple(let values): return values.flatMap(\.ownedHandles)
        case .record(let fields): return fields.flatMap(\.value.ownedHandles)
        case .variant(_, let payload?), .option(let payload?): return payload.ownedHandles
        case .result(.ok(let payload?)), .result(.err(let payload?)): return payload.ownedHandles
        default: return []
        }
    }
}
