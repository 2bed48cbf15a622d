import WasmComponent
import WasmRuntime

/// Arguments made up for exercising exports: the zero value of each type, and for a resource
/// parameter a handle an earlier call returned (an `own` parameter consumes it).
struct HandlePool {
    private(set) var owned: [ResourceHandle] = []

    mutating func collect(_ value: ComponentValue) {
        switch value {
        case .handle(let handle) where handle.isOwned: owned.append(handle)
        case .list(let values), .tuple(let values): values.forEach { collect($0) }
        case .record(let fields): fields.forEach { collect($0.value) }
        case .variant(_, let payload?), .option(let payload?), .result(.ok(let payload?)), .result(.err(let payload?)):
            collect(payload)
        default: break
        }
    }

    /// Arguments for every parameter, or nil when one cannot be made up.
    mutating func arguments(for type: FunctionType) -> [ComponentValue]? {
        var arguments: [ComponentValue] = []
        var consumed: [Int] = []
        for parameter in type.parameters {
            switch parameter.type.underlying {
            case .own(let resource):
                guard
                    let index = owned.indices.first(where: { owned[$0].resource === resource && !consumed.contains($0) }
                    )
                else { return nil }
                consumed.append(index)
                arguments.append(.handle(owned[index]))
            case .borrow(let resource):
                guard let handle = owned.first(where: { $0.resource === resource }) else { return nil }
                arguments.append(.handle(ResourceHandle(resource: resource, index: handle.index, isOwned: false)))
            default:
                guard let zero = Self.zeroValue(of: parameter.type) else { return nil }
                arguments.append(zero)
            }
        }
        for index in consumed.sorted(by: >) { owned.remove(at: index) }
        return arguments
    }

    /// The simplest value of a type, or nil for a resource handle (which cannot be made up).
    static func zeroValue(of type: ValueType) -> ComponentValue? {
        switch type {
        case .bool: return .bool(false)
        case .s8: return .s8(0)
        case .u8: return .u8(0)
        case .s16: return .s16(0)
        case .u16: return .u16(0)
        case .s32: return .s32(0)
        case .u32: return .u32(0)
        case .s64: return .s64(0)
        case .u64: return .u64(0)
        case .f32: return .f32(0)
        case .f64: return .f64(0)
        case .char: return .char("a")
        case .string: return .string("")
        case .list: return .list([])
        case .record(let record):
            var fields: [ComponentValue.RecordField] = []
            for field in record.fields {
                guard let value = zeroValue(of: field.type) else { return nil }
                fields.append(ComponentValue.RecordField(name: field.name, value: value))
            }
            return .record(fields)
        case .tuple(let types):
            var values: [ComponentValue] = []
            for element in types {
                guard let value = zeroValue(of: element) else { return nil }
                values.append(value)
            }
            return .tuple(values)
        case .variant(let variant):
            guard let first = variant.cases.first else { return nil }
            guard let payloadType = first.payload else { return .variant(caseName: first.name, payload: nil) }
            return zeroValue(of: payloadType).map { .variant(caseName: first.name, payload: $0) }
        case .enumeration(let enumeration):
            return enumeration.cases.first.map { .enumCase($0) }
        case .option: return .option(nil)
        case .result(let ok, _):
            guard let ok else { return .result(.ok(nil)) }
            return zeroValue(of: ok).map { .result(.ok($0)) }
        case .flags: return .flags([])
        case .own, .borrow: return nil
        case .alias(_, let target): return zeroValue(of: target)
        }
    }
}
