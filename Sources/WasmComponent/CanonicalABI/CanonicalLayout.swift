/// A value type compiled for the canonical ABI: size, alignment and flattening computed once,
/// children compiled recursively, so that lifting and lowering never recompute a layout.
///
/// Immutable and shared: a tree of these is built per function signature (``CanonicalSignature``)
/// or per ``CanonicalTypeLayout``; nothing is cached globally.
final class CanonicalLayout: Sendable {
    enum Shape: Sendable {
        case bool, s8, u8, s16, u16, s32, u32, s64, u64, f32, f64, char, string
        case list(CanonicalLayout)
        case record(FieldsLayout)
        case tuple(FieldsLayout)
        /// variant, enum, option and result (spec: `despecialize`).
        case cases(CasesLayout)
        case flags(FlagsLayout)
        case own(ResourceType)
        case borrow(ResourceType)
    }

    /// The type as given (aliases kept, for messages).
    let type: ValueType
    /// The spec's `elem_size`.
    let size: Int
    let alignment: Int
    /// The spec's `flatten_type`.
    let flat: [CoreValueType]
    let shape: Shape

    private init(type: ValueType, size: Int, alignment: Int, flat: [CoreValueType], shape: Shape) {
        self.type = type
        self.size = size
        self.alignment = alignment
        self.flat = flat
        self.shape = shape
    }

    /// Compiles `type` and everything inside it.
    convenience init(_ type: ValueType) {
        switch type.underlying {
        case .bool: self.init(primitive: type, .bool, size: 1, flat: .i32)
        case .s8: self.init(primitive: type, .s8, size: 1, flat: .i32)
        case .u8: self.init(primitive: type, .u8, size: 1, flat: .i32)
        case .s16: self.init(primitive: type, .s16, size: 2, flat: .i32)
        case .u16: self.init(primitive: type, .u16, size: 2, flat: .i32)
        case .s32: self.init(primitive: type, .s32, size: 4, flat: .i32)
        case .u32: self.init(primitive: type, .u32, size: 4, flat: .i32)
        case .s64: self.init(primitive: type, .s64, size: 8, flat: .i64)
        case .u64: self.init(primitive: type, .u64, size: 8, flat: .i64)
        case .f32: self.init(primitive: type, .f32, size: 4, flat: .f32)
        case .f64: self.init(primitive: type, .f64, size: 8, flat: .f64)
        case .char: self.init(primitive: type, .char, size: 4, flat: .i32)
        case .own(let resource): self.init(primitive: type, .own(resource), size: 4, flat: .i32)
        case .borrow(let resource): self.init(primitive: type, .borrow(resource), size: 4, flat: .i32)
        case .string:
            self.init(type: type, size: 8, alignment: 4, flat: [.i32, .i32], shape: .string)
        case .list(let element):
            self.init(type: type, size: 8, alignment: 4, flat: [.i32, .i32], shape: .list(CanonicalLayout(element)))
        case .record(let record):
            let fields = FieldsLayout(
                names: record.fields.map(\.name), fields: record.fields.map { CanonicalLayout($0.type) })
            self.init(type: type, fields: fields, shape: .record(fields))
        case .tuple(let elements):
            let fields = FieldsLayout(
                names: elements.indices.map(String.init), fields: elements.map { CanonicalLayout($0) })
            self.init(type: type, fields: fields, shape: .tuple(fields))
        case .variant(let variant):
            let cases = CasesLayout(
                style: .variant,
                names: variant.cases.map(\.name),
                payloads: variant.cases.map { $0.payload.map { CanonicalLayout($0) } }
            )
            self.init(type: type, cases: cases)
        case .enumeration(let enumeration):
            let cases = CasesLayout(
                style: .enumeration,
                names: enumeration.cases,
                payloads: Array(repeating: nil, count: enumeration.cases.count)
            )
            self.init(type: type, cases: cases)
        case .option(let some):
            let cases = CasesLayout(style: .option, names: ["none", "some"], payloads: [nil, CanonicalLayout(some)])
            self.init(type: type, cases: cases)
        case .result(let ok, let err):
            let cases = CasesLayout(
                style: .result,
                names: ["ok", "error"],
                payloads: [ok.map { CanonicalLayout($0) }, err.map { CanonicalLayout($0) }]
            )
            self.init(type: type, cases: cases)
        case .flags(let flags):
            let layout = FlagsLayout(names: flags.flags)
            self.init(
                type: type,
                size: layout.byteSize,
                alignment: layout.alignment,
                flat: Array(repeating: .i32, count: layout.wordCount),
                shape: .flags(layout)
            )
        case .alias:
            // `underlying` never returns an alias; an empty record stands in rather than trapping.
            let fields = FieldsLayout(names: [], fields: [])
            self.init(type: type, fields: fields, shape: .record(fields))
        }
    }

    /// The parameters of a function as the tuple they are spilled into memory as.
    convenience init(tupleOf elements: [CanonicalLayout]) {
        let fields = FieldsLayout(names: elements.indices.map(String.init), fields: elements)
        self.init(type: .tuple(elements.map(\.type)), fields: fields, shape: .tuple(fields))
    }

    private convenience init(primitive type: ValueType, _ shape: Shape, size: Int, flat: CoreValueType) {
        self.init(type: type, size: size, alignment: size, flat: [flat], shape: shape)
    }

    private convenience init(type: ValueType, fields: FieldsLayout, shape: Shape) {
        var flat: [CoreValueType] = []
        for field in fields.fields { flat += field.flat }
        self.init(type: type, size: fields.size, alignment: fields.alignment, flat: flat, shape: shape)
    }

    private convenience init(type: ValueType, cases: CasesLayout) {
        self.init(
            type: type, size: cases.size, alignment: cases.alignment, flat: [.i32] + cases.payloadFlat,
            shape: .cases(cases))
    }

    /// Whether values of this type are plain numbers in memory (no pointers, no validation
    /// beyond the bytes themselves): lists of them are copied in one memory access.
    var isPlainNumber: Bool {
        switch shape {
        case .s8, .u8, .s16, .u16, .s32, .u32, .s64, .u64, .f32, .f64: return true
        default: return false
        }
    }
}
