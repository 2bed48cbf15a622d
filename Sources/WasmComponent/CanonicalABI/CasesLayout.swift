/// The layout of a variant and of the types the spec despecializes into one (enum, option,
/// result): a discriminant, then the payload of the case at a shared, aligned offset.
final class CasesLayout: Sendable {
    /// Which type was despecialized into these cases (decides the shape of host values).
    enum Style: Sendable {
        case variant, enumeration, option, result
    }

    let style: Style
    let names: [String]
    let payloads: [CanonicalLayout?]
    /// 1, 2 or 4 bytes: the smallest unsigned integer that numbers every case.
    let discriminantSize: Int
    let payloadOffset: Int
    /// The flat types after the discriminant: every case's payload flattening, slot by slot,
    /// joined (spec: `flatten_variant`).
    let payloadFlat: [CoreValueType]
    let size: Int
    let alignment: Int
    private let indexByName: [String: Int]

    init(style: Style, names: [String], payloads: [CanonicalLayout?]) {
        let discriminantSize = CasesLayout.discriminantSize(caseCount: names.count)
        var payloadAlignment = 1
        var payloadSize = 0
        var payloadFlat: [CoreValueType] = []
        for case let payload? in payloads {
            payloadAlignment = max(payloadAlignment, payload.alignment)
            payloadSize = max(payloadSize, payload.size)
            for (slot, type) in payload.flat.enumerated() {
                if slot < payloadFlat.count {
                    payloadFlat[slot] = payloadFlat[slot].joined(with: type)
                } else {
                    payloadFlat.append(type)
                }
            }
        }
        let alignment = max(discriminantSize, payloadAlignment)
        let payloadOffset = alignUp(discriminantSize, to: payloadAlignment)
        self.style = style
        self.names = names
        self.payloads = payloads
        self.discriminantSize = discriminantSize
        self.payloadOffset = payloadOffset
        self.payloadFlat = payloadFlat
        self.size = alignUp(payloadOffset + payloadSize, to: alignment)
        self.alignment = alignment
        self.indexByName =
            style == .variant || style == .enumeration
            ? Dictionary(names.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
            : [:]
    }

    /// The spec's `discriminant_type`: u8 up to 256 cases, u16 up to 65536, u32 beyond.
    static func discriminantSize(caseCount: Int) -> Int {
        if caseCount <= 1 << 8 { return 1 }
        if caseCount <= 1 << 16 { return 2 }
        return 4
    }

    /// The host value of case `index` (already range-checked) with its lifted payload.
    func value(case index: Int, payload: ComponentValue?) -> ComponentValue {
        switch style {
        case .variant: return .variant(caseName: names[index], payload: payload)
        case .enumeration: return .enumCase(names[index])
        case .option: return .option(index == 0 ? nil : payload)
        case .result: return .result(index == 0 ? .ok(payload) : .err(payload))
        }
    }

    /// The case a host value selects and its payload; throws when the value has another shape,
    /// names no case, or has a payload where the case has none (or the reverse).
    func selectedCase(of value: ComponentValue, type: ValueType) throws -> (index: Int, payload: ComponentValue?) {
        let index: Int
        let payload: ComponentValue?
        switch style {
        case .variant:
            guard case .variant(let caseName, let casePayload) = value else {
                throw CanonicalABIError.valueMismatch(expected: type, got: value)
            }
            guard let found = indexByName[caseName] else {
                throw CanonicalABIError.typeMismatch("\(TypeNaming.describe(type)) has no case `\(caseName)`")
            }
            (index, payload) = (found, casePayload)
        case .enumeration:
            guard case .enumCase(let caseName) = value else {
                throw CanonicalABIError.valueMismatch(expected: type, got: value)
            }
            guard let found = indexByName[caseName] else {
                throw CanonicalABIError.typeMismatch("\(TypeNaming.describe(type)) has no case `\(caseName)`")
            }
            (index, payload) = (found, nil)
        case .option:
            guard case .option(let some) = value else {
                throw CanonicalABIError.valueMismatch(expected: type, got: value)
            }
            (index, payload) = (some == nil ? 0 : 1, some)
        case .result:
            guard case .result(let result) = value else {
                throw CanonicalABIError.valueMismatch(expected: type, got: value)
            }
            switch result {
            case .ok(let okPayload): (index, payload) = (0, okPayload)
            case .err(let errPayload): (index, payload) = (1, errPayload)
            }
        }
        let expected = payloads[index]
        if let expected, payload == nil {
            throw CanonicalABIError.typeMismatch(
                "case `\(names[index])` of \(TypeNaming.describe(type)) needs a payload of type \(TypeNaming.reference(expected.type))"
            )
        }
        if expected == nil, payload != nil {
            throw CanonicalABIError.typeMismatch(
                "case `\(names[index])` of \(TypeNaming.describe(type)) has no payload, but one was given")
        }
        return (index, payload)
    }
}
