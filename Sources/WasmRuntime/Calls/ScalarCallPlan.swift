import WasmComponent
import WasmKit

/// An export whose parameters and result are all 32- or 64-bit integers (`add(u32, u32) -> u32`):
/// lowering and lifting them is a reinterpretation of bits, so a call converts them straight
/// between `ComponentValue` and WasmKit's `Value`, without the canonical ABI's intermediate
/// arrays. Anything else, floats included (their NaNs are canonicalized), takes the general path.
struct ScalarCallPlan {
    enum Scalar {
        case u32, s32, u64, s64

        init?(_ type: ValueType) {
            switch type.underlying {
            case .u32: self = .u32
            case .s32: self = .s32
            case .u64: self = .u64
            case .s64: self = .s64
            default: return nil
            }
        }
    }

    let parameters: [Scalar]
    let result: Scalar?

    /// Nil unless every parameter and the result (if any) is such an integer.
    init?(_ type: WasmComponent.FunctionType) {
        var parameters: [Scalar] = []
        for parameter in type.parameters {
            guard let scalar = Scalar(parameter.type) else { return nil }
            parameters.append(scalar)
        }
        // Sixteen flat parameters at most: more spill to memory (`CanonicalABI.maxFlatParameters`).
        guard parameters.count <= 16 else { return nil }
        if let result = type.result {
            guard let scalar = Scalar(result) else { return nil }
            self.result = scalar
        } else {
            self.result = nil
        }
        self.parameters = parameters
    }

    /// The core arguments, or nil when a value is not of its parameter's type (the general
    /// path then reports it as the canonical ABI does).
    func lower(_ arguments: [ComponentValue]) -> [Value]? {
        guard arguments.count == parameters.count else { return nil }
        var values: [Value] = []
        values.reserveCapacity(arguments.count)
        for (argument, scalar) in zip(arguments, parameters) {
            switch (argument, scalar) {
            case (.u32(let bits), .u32): values.append(.i32(bits))
            case (.s32(let number), .s32): values.append(.i32(UInt32(bitPattern: number)))
            case (.u64(let bits), .u64): values.append(.i64(bits))
            case (.s64(let number), .s64): values.append(.i64(UInt64(bitPattern: number)))
            default: return nil
            }
        }
        return values
    }

    /// The result, or nil when the core results are not the one value expected (the general
    /// path then reports it).
    func lift(_ results: [Value]) -> ComponentValue?? {
        guard let result else { return results.isEmpty ? .some(nil) : nil }
        guard results.count == 1 else { return nil }
        switch (results[0], result) {
        case (.i32(let bits), .u32): return .u32(bits)
        case (.i32(let bits), .s32): return .s32(Int32(bitPattern: bits))
        case (.i64(let bits), .u64): return .u64(bits)
        case (.i64(let bits), .s64): return .s64(Int64(bitPattern: bits))
        default: return nil
        }
    }
}
