/// One function body of a module with probes: where it is, its locals' types, and which of them
/// its probes pass, in slot order.
package struct ProbedFunction: Sendable, Equatable {
    /// A run of locals of one type, as the body declares them (parameters first).
    package struct LocalRun: Sendable, Equatable {
        package let count: UInt32
        package let kind: WasmValueKind
    }

    /// A local a probe passes: slot `k` of the probe globals holds `captured[k]`.
    package struct CapturedLocal: Sendable, Equatable {
        package let index: UInt32
        package let kind: WasmValueKind
    }

    /// The function's index in the module (imported functions first).
    package let index: UInt32
    /// Code offsets (of the original module) from its local declarations to its final `end`.
    package let body: Range<UInt32>
    package let firstInstruction: UInt32
    /// How many of the locals are parameters.
    package let parameterCount: UInt32
    /// Parameters, then the declared locals.
    package let locals: [LocalRun]
    package let captured: [CapturedLocal]

    /// How many locals (parameters included) the function has.
    package var localCount: UInt64 { locals.reduce(0) { $0 + UInt64($1.count) } }

    /// The type of local `index`, or nil past the last one.
    package func kind(ofLocal index: UInt32) -> WasmValueKind? {
        var remaining = UInt64(index)
        for run in locals {
            if remaining < UInt64(run.count) { return run.kind }
            remaining -= UInt64(run.count)
        }
        return nil
    }

    /// Which slot holds local `index`, if a probe passes it.
    package func slot(ofLocal index: UInt32) -> Int? {
        captured.firstIndex { $0.index == index }
    }

    /// The locals to pass: `required` first (those that exist and are numbers), then the others
    /// from local 0 on, at most `maximum`.
    static func capture(required: [UInt32], locals: [LocalRun], maximum: Int) -> [CapturedLocal] {
        var captured: [CapturedLocal] = []
        var taken = Set<UInt32>()
        func take(_ index: UInt32, _ kind: WasmValueKind) {
            guard captured.count < maximum, kind.isNumber, taken.insert(index).inserted else { return }
            captured.append(CapturedLocal(index: index, kind: kind))
        }
        let probe = ProbedFunction(
            index: 0, body: 0..<0, firstInstruction: 0, parameterCount: 0, locals: locals, captured: [])
        for index in required {
            if let kind = probe.kind(ofLocal: index) { take(index, kind) }
        }
        var index: UInt64 = 0
        for run in locals {
            guard captured.count < maximum else { break }
            // Runs can be huge (a hostile module declares billions of locals): stop at the cap.
            let end = min(index + UInt64(run.count), UInt64(UInt32.max) + 1)
            while index < end && captured.count < maximum {
                take(UInt32(index), run.kind)
                index += 1
            }
            index = end
        }
        return captured
    }
}
