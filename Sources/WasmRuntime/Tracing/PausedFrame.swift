import DebugInfo
import WasmKit

/// The wasm frame a probe paused in, read through what the probe passed: the locals it
/// captured, the module's globals and its memory 0. Valid only during that pause. Without a
/// function (`LoadedComponent.moduleReader`), only globals and memory can be read.
public struct PausedFrame: WasmFrameReader {
    /// One wasm local of the function: its value when the probe passed it.
    public struct Local: Sendable, Equatable {
        public let index: UInt32
        public let kind: WasmValueKind
        public let isParameter: Bool
        /// Nil when probes do not pass it (a vector or reference, or past the capture limit).
        public let value: WasmValue?
    }

    private let instance: ProbeInstance
    private let function: ProbedFunction?

    /// The most bytes one read may ask for (a value is rendered from a few at a time).
    public static let maximumReadBytes = 1 << 20

    init?(instance: ProbeInstance, offset: UInt32) {
        guard let function = instance.layout.function(containing: offset) else { return nil }
        self.instance = instance
        self.function = function
    }

    /// A reader of the instance's globals and memory only.
    init(instance: ProbeInstance) {
        self.instance = instance
        self.function = nil
    }

    /// How many locals the function has (parameters included).
    public var localCount: UInt64 { function?.localCount ?? 0 }

    /// The first `limit` locals, parameters first.
    public func locals(limit: Int) -> [Local] {
        guard let function else { return [] }
        var result: [Local] = []
        var index: UInt64 = 0
        for run in function.locals {
            let end = index + UInt64(run.count)
            while index < end && result.count < limit {
                let local = UInt32(index)
                result.append(
                    Local(
                        index: local, kind: run.kind, isParameter: local < function.parameterCount,
                        value: try? self.local(local)))
                index += 1
            }
            if result.count >= limit { break }
        }
        return result
    }

    public func local(_ index: UInt32) throws(VariableReadError) -> WasmValue {
        guard let function else { throw VariableReadError("no function is paused here to read local \(index) of") }
        guard let kind = function.kind(ofLocal: index) else {
            throw VariableReadError("the function has no wasm local \(index)")
        }
        guard let slot = function.slot(ofLocal: index), slot < instance.slots.count else {
            throw VariableReadError(
                kind.isNumber
                    ? "wasm local \(index) is not passed to the probes (they pass \(function.captured.count) locals)"
                    : "wasm local \(index) is a \(kind), which probes do not pass")
        }
        guard case .i64(let bits) = instance.slots[slot].value else {
            throw VariableReadError("wasm local \(index)'s slot holds no i64")
        }
        switch kind {
        case .i32: return .i32(UInt32(truncatingIfNeeded: bits))
        case .i64: return .i64(bits)
        case .f32: return .f32(UInt32(truncatingIfNeeded: bits))
        case .f64: return .f64(bits)
        case .v128, .reference: throw VariableReadError("wasm local \(index) is a \(kind)")
        }
    }

    public func global(_ index: UInt32) throws(VariableReadError) -> WasmValue {
        guard Int(index) < instance.globals.count, let global = instance.globals[Int(index)] else {
            throw VariableReadError("the module has no global \(index)")
        }
        switch global.value {
        case .i32(let value): return .i32(value)
        case .i64(let value): return .i64(value)
        case .f32(let value): return .f32(value)
        case .f64(let value): return .f64(value)
        default: throw VariableReadError("global \(index) is not a number")
        }
    }

    public func memory(at address: UInt64, count: Int) throws(VariableReadError) -> [UInt8] {
        guard let memory = instance.memory else { throw VariableReadError("the module has no memory") }
        guard count >= 0, count <= Self.maximumReadBytes else {
            throw VariableReadError("\(count) bytes is more than one read may take")
        }
        // Bounds-checked here: WasmKit's buffer access traps (a crash) when out of bounds.
        let size = UInt64(memory.byteCount)
        let (end, overflow) = address.addingReportingOverflow(UInt64(count))
        guard !overflow, end <= size else {
            throw VariableReadError(
                "\(count) bytes at 0x\(String(address, radix: 16)) are outside linear memory (\(size) bytes)")
        }
        return memory.withUnsafeBufferPointer(offset: UInt(address), count: count) { Array($0) }
    }
}
