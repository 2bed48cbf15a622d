import WasmComponent
import WasmKit

/// A component-level function of a loaded component: core code lifted with canonical options,
/// or an import that the host serves.
final class ComponentFunction {
    enum Implementation {
        case lifted(LiftedFunction)
        case imported(HostCallContext)
    }

    let type: WasmComponent.FunctionType
    let implementation: Implementation
    unowned let runtime: ComponentRuntime

    init(type: WasmComponent.FunctionType, implementation: Implementation, runtime: ComponentRuntime) {
        self.type = type
        self.implementation = implementation
        self.runtime = runtime
    }

    /// Calls the function with lifted values (host → guest for lifted functions).
    func call(_ arguments: [ComponentValue]) throws -> ComponentValue? {
        switch implementation {
        case .lifted(let lifted):
            return try lifted.call(arguments, runtime: runtime)
        case .imported(let context):
            // An import the component re-exports, called from the host: nothing to lower.
            var delivered: ComponentValue?
            try runtime.handler.hostCall(context, arguments) { delivered = $0 }
            return delivered
        }
    }
}

/// A core function with the canonical options of its `canon lift`. A class: a call reaches it
/// with one retain instead of copying out all it holds.
final class LiftedFunction {
    let type: WasmComponent.FunctionType
    let core: Function
    let memory: Memory?
    let realloc: Function?
    let postReturn: Function?
    let options: CanonicalOptions
    /// Set when every parameter and the result are 32- or 64-bit integers: calls skip the
    /// canonical ABI's intermediate arrays.
    let scalarPlan: ScalarCallPlan?

    /// The arrays a call lowers its arguments into and lifts its result from, kept between
    /// calls: two allocations fewer per call (see `call(_:runtime:)`).
    struct Scratch {
        /// The core values of the arguments, then of the result.
        var coreValues: [CoreValue] = []
        var arguments: [Value] = []
    }
    // Unchecked: only `call` touches it, taking it out at its start and putting it back at its
    // end, never while another access is under way.
    @exclusivity(unchecked) var scratch: Scratch? = Scratch()
    /// The canonical signature, made by the first call that needs it rather than at load: most
    /// of a component's exports are never called in a session, and making each one's signature
    /// was 2% of loading one with a hundred. Unchecked: only `signature` touches it, and calls
    /// nothing else while it does.
    @exclusivity(unchecked) private var madeSignature: CanonicalSignature?

    init(
        type: WasmComponent.FunctionType, core: Function, memory: Memory?, realloc: Function?,
        postReturn: Function?, options: CanonicalOptions
    ) {
        self.type = type
        self.scalarPlan = ScalarCallPlan(type)
        self.core = core
        self.memory = memory
        self.realloc = realloc
        self.postReturn = postReturn
        self.options = options
    }

    /// The function's canonical signature, made on the first call.
    var signature: CanonicalSignature {
        if let madeSignature { return madeSignature }
        let made = CanonicalSignature(type)
        madeSignature = made
        return made
    }
}
