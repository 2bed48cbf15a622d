import WasmKit

/// The probe function and globals of one instance of a module with probes (see `ProbeLayout`):
/// what the tracer reads when a probe fires, and what the stepper arms.
///
/// Globals are read and written on the thread that runs the guest, at pauses (the guest waits
/// inside the interceptor) or between calls.
final class ProbeInstance {
    let module: Int
    let layout: ProbeLayout
    let probe: Function
    private let armed: Global
    private let whereGlobal: Global
    private let stepping: Global
    let slots: [Global]
    /// The module's globals by index (nil where an export is missing).
    let globals: [Global?]
    let memory: Memory?

    /// The probe parts of an instance whose module was instrumented with `layout`; nil when an
    /// export is missing or of the wrong kind.
    init?(instance: Instance, module: Int, layout: ProbeLayout) {
        let exports = instance.exports
        guard let probe = exports[function: ProbeLayout.probePrefix + String(module)],
            let armed = exports[global: ProbeLayout.armedExport],
            let whereGlobal = exports[global: ProbeLayout.whereExport],
            let stepping = exports[global: ProbeLayout.steppingExport]
        else { return nil }
        var slots: [Global] = []
        for slot in 0..<layout.slotCount {
            guard let global = exports[global: ProbeLayout.slotPrefix + String(slot)] else { return nil }
            slots.append(global)
        }
        self.module = module
        self.layout = layout
        self.probe = probe
        self.armed = armed
        self.whereGlobal = whereGlobal
        self.stepping = stepping
        self.slots = slots
        self.globals = (0..<layout.globalCount).map { exports[global: ProbeLayout.globalPrefix + String($0)] }
        self.memory = layout.exportsMemory ? exports[memory: ProbeLayout.memoryExport] : nil
    }

    /// The code offset the last probe wrote.
    var whereOffset: UInt32 {
        if case .i32(let value) = whereGlobal.value { return value }
        return 0
    }

    var isArmed: Bool { armed.value != .i32(0) }

    /// What `where` holds while the innermost frame has reached no statement: no code offset.
    static let noStatement = UInt32.max

    func clearWhere() {
        try? whereGlobal.assign(.i32(Self.noStatement))
    }

    func arm(_ on: Bool) {
        // Cannot fail: the instrumenter made it a mutable i32.
        try? armed.assign(.i32(on ? 1 : 0))
    }

    /// While on, every function of the instance entered runs its twin, which has the probes.
    func runTwins(_ on: Bool) {
        try? stepping.assign(.i32(on ? 1 : 0))
    }
}
