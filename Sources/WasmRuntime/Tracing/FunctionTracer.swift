import WasmKit

/// Follows a stepped call's wasm function entries and exits through WasmKit's public
/// `EngineInterceptor`, keeping the shadow stack `bt` shows and telling the stepper.
///
/// WasmKit fixes an engine's interceptor when the engine is created and then compiles entry
/// and exit hooks into every function it runs; those hooks cost even when they do nothing
/// (measured: a call-heavy guest ran 15x slower). So only components loaded for debugging get
/// an engine with this tracer, and it does nothing unless a stepped call set `observer`.
final class FunctionTracer: EngineInterceptor, @unchecked Sendable {
    /// Told of every entry and exit while set (by the stepper, for one stepped call).
    var observer: ((FunctionEvent) -> Void)? {
        didSet { stack.removeAll() }
    }
    /// The wasm frames of the running stepped call, outermost first.
    private(set) var stack: [CoreFunctionName] = []
    /// Every function of the component's instrumented core modules.
    private var known: [(function: Function, name: CoreFunctionName)] = []
    /// Where each function is in `known`, by its bytes. WasmKit's `Function` is only
    /// `Equatable`; its value (an engine handle and the store) is a fine hash key, and every hit
    /// is confirmed with `==`, so a layout change in WasmKit could only make lookups fall back
    /// to scanning `known`, never name a function wrongly.
    private var slots: [FunctionBits: Int] = [:]

    /// In module and index order.
    var functionNames: [CoreFunctionName] {
        known.map(\.name).sorted { ($0.module, $0.index) < ($1.module, $1.index) }
    }

    func register(_ function: Function, as name: CoreFunctionName) {
        if let bits = FunctionBits(function) { slots[bits] = known.count }
        known.append((function, name))
    }

    func onEnterFunction(_ function: Function) {
        guard let observer else { return }
        let name = identify(function)
        stack.append(name)
        observer(.entering(name, depth: stack.count))
    }

    func onExitFunction(_ function: Function) {
        // An exit without a matching entry belongs to a frame entered before the observer was set.
        guard let observer, let name = stack.last else { return }
        // The frame is still on the stack while the observer looks: `bt` at "leaving f" shows f.
        observer(.leaving(name, depth: stack.count))
        if !stack.isEmpty { stack.removeLast() }
    }

    private func identify(_ function: Function) -> CoreFunctionName {
        if let bits = FunctionBits(function), let slot = slots[bits], known[slot].function == function {
            return known[slot].name
        }
        return known.first { $0.function == function }?.name ?? .unknown
    }
}
