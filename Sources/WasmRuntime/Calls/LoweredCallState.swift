import WasmComponent
import WasmKit

/// What the core function of a lowered import needs on every call. The store's host function
/// reaches it weakly and the component's runtime owns it: WasmKit's `Memory` and `Function`
/// handles in it hold the store strongly, so a host function owning them would keep its own
/// store alive forever (every unloaded component with imports would leak its whole store).
final class LoweredCallState {
    let signature: CanonicalSignature
    /// Copied for each call: each call starts with the whole lift budget.
    let context: GuestContext
    let target: ComponentFunction
    /// The import a host serves, taken out of `target` once: not copied out per call.
    let imported: HostCallContext?
    /// `import test:hostile/host.greeting`: where lifting or lowering failed, in errors.
    let label: String
    /// The array a call's core arguments are read into, kept between calls (one allocation fewer
    /// per host call); taken by `serve` for its call and handed back after it.
    // Unchecked: only `serve` touches it, at its start and its end.
    @exclusivity(unchecked) private var coreArgumentScratch: [CoreValue]? = []

    init(signature: CanonicalSignature, context: GuestContext, target: ComponentFunction) {
        self.signature = signature
        self.context = context
        self.target = target
        switch target.implementation {
        case .imported(let host):
            imported = host
            label = "import \(host.qualifiedName)"
        case .lifted:
            imported = nil
            label = "lowered function"
        }
    }

    /// One call from the guest: lift its arguments, run the target, lower the result into
    /// `results`. A host call is refused (and the refusal recorded) when the arguments cannot be
    /// lifted or the guest calls out from where it may not; its result is lowered inside the
    /// handler's call, so that a result the guest never receives is recorded as a failure.
    func serve(
        _ parameters: UnsafeBufferPointer<Value>, into results: UnsafeMutableBufferPointer<Value>,
        runtime: ComponentRuntime
    ) throws {
        var context = self.context
        // A function without parameters (a clock's `now`) needs no array at all.
        let reusing = !parameters.isEmpty
        var coreArguments = reusing ? coreArgumentScratch.take() ?? [] : []
        defer { if reusing { coreArgumentScratch = coreArguments } }
        if reusing { try coreArguments.refill(from: parameters) }
        guard let host = imported else {
            let result = try target.call(try liftArguments(coreArguments, context: &context))
            try lower(result, coreArguments: coreArguments, into: results, context: &context)
            return
        }
        let arguments: [ComponentValue]
        do {
            if let forbidden = runtime.forbiddenToLeave {
                throw ComponentModelViolation(
                    "cannot leave the component instance: \(host.qualifiedName) was called from \(forbidden)")
            }
            arguments = try liftArguments(coreArguments, context: &context)
        } catch {
            runtime.handler.hostCallRefused(host, because: error)
            throw error
        }
        try runtime.handler.hostCall(host, arguments) { result in
            try lower(result, coreArguments: coreArguments, into: results, context: &context)
        }
    }

    private func liftArguments(_ coreArguments: [CoreValue], context: inout GuestContext) throws -> [ComponentValue] {
        do {
            return try signature.liftArguments(from: coreArguments, context: &context)
        } catch var error as WasmComponent.CanonicalABIError {
            // `argument `s`` alone would read as an argument of the export being called.
            error.site = "\(label) \(error.site ?? "arguments")"
            throw error
        }
    }

    private func lower(
        _ result: ComponentValue?, coreArguments: [CoreValue], into results: UnsafeMutableBufferPointer<Value>,
        context: inout GuestContext
    ) throws {
        let lowered: [CoreValue]
        do {
            lowered = try signature.lowerResult(result, coreArguments: coreArguments, context: &context)
        } catch var error as WasmComponent.CanonicalABIError {
            error.site = "\(label) \(error.site ?? "result")"
            throw error
        }
        for (index, value) in lowered.enumerated() { results[index] = value.wasmKitValue }
    }
}
