import DebugInfo
import WasmKit

/// Follows a stepped call's wasm function entries and exits through WasmKit's public
/// `EngineInterceptor`, keeping the shadow stack `bt` shows and telling the stepper; and
/// reports the probes that modules instrumented for debugging call (see `ProbeLayout`).
///
/// WasmKit fixes an engine's interceptor when the engine is created and then compiles entry
/// and exit hooks into every function it runs; those hooks cost even when they do nothing
/// (measured: a call-heavy guest ran 15x slower). So only components loaded for debugging get
/// an engine with this tracer, and it does nothing unless a stepped call set `observer`.
final class FunctionTracer: EngineInterceptor, @unchecked Sendable {
    /// Told of every entry, exit and probe while set (by the stepper, for one stepped call).
    var observer: ((FunctionEvent) -> Void)? {
        didSet {
            stack.removeAll()
            serial = 0
            inProbe = false
        }
    }
    /// The wasm frames of the running stepped call, outermost first.
    private(set) var stack: [TracedFrame] = []
    /// Every function of the component's instrumented core modules, and their probe functions.
    private var known: [(function: Function, role: Role)] = []
    /// Where each function is in `known`, by its bytes. WasmKit's `Function` is only
    /// `Equatable`; its value (an engine handle and the store) is a fine hash key, and every hit
    /// is confirmed with `==`, so a layout change in WasmKit could only make lookups fall back
    /// to scanning `known`, never name a function wrongly.
    private var slots: [FunctionBits: Int] = [:]
    private var names: [FunctionKey: CoreFunctionName] = [:]
    /// Instances with probes, in registration order (`ProbeStop.instance` indexes them).
    private(set) var probeInstances: [ProbeInstance] = []
    /// Frames entered so far in this call.
    private var serial = 0
    /// Set on entering a probe function: the next exit is its own (its body is empty).
    private var inProbe = false

    enum Role {
        case function(CoreFunctionName, ProbeInstance?)
        /// The copy of a function its original calls while stepping (see `ProbePlan`): part of
        /// the original's frame, not a frame of its own.
        case twin(CoreFunctionName)
        case probe(instance: Int)
    }

    private struct FunctionKey: Hashable {
        let module: Int
        let index: Int
    }

    /// In module and index order.
    var functionNames: [CoreFunctionName] {
        names.values.sorted { ($0.module, $0.index) < ($1.module, $1.index) }
    }

    func register(_ function: Function, as name: CoreFunctionName, probes: ProbeInstance? = nil) {
        names[FunctionKey(module: name.module, index: name.index)] = name
        add(function, .function(name, probes))
    }

    func registerTwin(_ function: Function, of name: CoreFunctionName) {
        add(function, .twin(name))
    }

    func registerProbes(_ instance: ProbeInstance) {
        add(instance.probe, .probe(instance: probeInstances.count))
        probeInstances.append(instance)
    }

    private func add(_ function: Function, _ role: Role) {
        if let bits = FunctionBits(function) { slots[bits] = known.count }
        known.append((function, role))
    }

    func onEnterFunction(_ function: Function) {
        guard let observer else { return }
        switch identify(function) {
        case .probe(let index):
            inProbe = true
            let instance = probeInstances[index]
            let offset = instance.whereOffset
            if let last = stack.indices.last {
                stack[last].lastProbe = offset
                stack[last].whereAtCalleeExit = nil
            }
            guard let probed = instance.layout.function(containing: offset) else { return }
            let name =
                names[FunctionKey(module: instance.module, index: Int(probed.index))]
                ?? CoreFunctionName(module: instance.module, index: Int(probed.index), name: nil)
            let stop = ProbeStop(
                kind: instance.layout.kind == .statements ? .statement : .instruction, function: name,
                offset: CodeOffset(offset), frame: stack.last?.serial ?? 0, instance: index)
            observer(.reached(stop, depth: stack.count))
        case .twin(let name):
            // Its original, just entered, forwards to it: the same frame.
            if let last = stack.indices.last, stack[last].name == name, !stack[last].inTwin {
                stack[last].inTwin = true
                return
            }
            enter(name, probes: nil, observer)
        case .function(let name, let probes):
            enter(name, probes: probes, observer)
        }
    }

    private func enter(_ name: CoreFunctionName, probes: ProbeInstance?, _ observer: (FunctionEvent) -> Void) {
        if let last = stack.indices.last { stack[last].callSite = currentPosition(of: stack[last]) }
        serial += 1
        // Until the new frame reaches a statement, `where` says it has none (its caller's was
        // kept above).
        probes?.clearWhere()
        stack.append(TracedFrame(name: name, serial: serial, probes: probes))
        observer(.entering(name, depth: stack.count))
    }

    func onExitFunction(_ function: Function) {
        if inProbe {
            inProbe = false
            return
        }
        // An exit without a matching entry belongs to a frame entered before the observer was set.
        guard let observer, let frame = stack.last else { return }
        // The twin returns first, then its original: one exit for the frame.
        if frame.inTwin && !frame.twinReturned {
            stack[stack.count - 1].twinReturned = true
            return
        }
        // The frame is still on the stack while the observer looks: `bt` at "leaving f" shows f.
        observer(.leaving(frame.name, depth: stack.count))
        guard !stack.isEmpty else { return }
        stack.removeLast()
        // The caller's `where` now holds the callee's last statement until its own next one.
        if let probes = frame.probes, let parent = stack.indices.last, stack[parent].probes === probes {
            stack[parent].whereAtCalleeExit = probes.whereOffset
        }
    }

    /// The frames, outermost first, with where each one is now.
    var frames: [WasmFrame] {
        stack.indices.map { index in
            let frame = stack[index]
            let position = index == stack.count - 1 ? currentPosition(of: frame) : frame.callSite
            return WasmFrame(function: frame.name, serial: frame.serial, position: position.map(CodeOffset.init))
        }
    }

    /// Where the innermost frame is: a statements module's `where` (written at every statement),
    /// unless it still holds a callee's last statement; else the last probe that fired in it.
    private func currentPosition(of frame: TracedFrame) -> UInt32? {
        guard let probes = frame.probes else { return nil }
        guard probes.layout.kind == .statements else { return frame.lastProbe }
        let now = probes.whereOffset
        if let calleeExit = frame.whereAtCalleeExit, calleeExit == now { return frame.callSite }
        return now == ProbeInstance.noStatement ? nil : now
    }

    private func identify(_ function: Function) -> Role {
        if let bits = FunctionBits(function), let slot = slots[bits], known[slot].function == function {
            return known[slot].role
        }
        return known.first { $0.function == function }?.role ?? .function(.unknown, nil)
    }
}
