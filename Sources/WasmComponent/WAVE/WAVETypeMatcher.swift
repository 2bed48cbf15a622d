/// Decides whether a `$variable`'s type can stand where the parser expects another type.
///
/// Types match structurally with aliases looked through and WIT names ignored (values of two
/// identically shaped records are interchangeable in WAVE and in the canonical ABI); resources
/// match by identity. An owned handle may be passed where a borrow is expected, as a caller lends
/// what it owns; a borrow can never become an owned handle.
package enum WAVETypeMatcher {
    package static func accepts(_ expected: ValueType, value actual: ValueType) -> Bool {
        switch (expected.underlying, actual.underlying) {
        case (.bool, .bool), (.s8, .s8), (.u8, .u8), (.s16, .s16), (.u16, .u16), (.s32, .s32), (.u32, .u32),
            (.s64, .s64), (.u64, .u64), (.f32, .f32), (.f64, .f64), (.char, .char), (.string, .string):
            return true
        case (.list(let expectedElement), .list(let actualElement)):
            return accepts(expectedElement, value: actualElement)
        case (.option(let expectedPayload), .option(let actualPayload)):
            return accepts(expectedPayload, value: actualPayload)
        case (.result(let expectedOk, let expectedErr), .result(let actualOk, let actualErr)):
            return acceptsOptional(expectedOk, actualOk) && acceptsOptional(expectedErr, actualErr)
        case (.tuple(let expectedElements), .tuple(let actualElements)):
            return expectedElements.count == actualElements.count
                && zip(expectedElements, actualElements).allSatisfy { accepts($0, value: $1) }
        case (.record(let expectedRecord), .record(let actualRecord)):
            return expectedRecord.fields.count == actualRecord.fields.count
                && zip(expectedRecord.fields, actualRecord.fields).allSatisfy {
                    $0.name == $1.name && accepts($0.type, value: $1.type)
                }
        case (.variant(let expectedVariant), .variant(let actualVariant)):
            return expectedVariant.cases.count == actualVariant.cases.count
                && zip(expectedVariant.cases, actualVariant.cases).allSatisfy {
                    $0.name == $1.name && acceptsOptional($0.payload, $1.payload)
                }
        case (.enumeration(let expectedEnum), .enumeration(let actualEnum)):
            return expectedEnum.cases == actualEnum.cases
        case (.flags(let expectedFlags), .flags(let actualFlags)):
            return expectedFlags.flags == actualFlags.flags
        case (.own(let expectedResource), .own(let actualResource)),
            (.borrow(let expectedResource), .borrow(let actualResource)),
            (.borrow(let expectedResource), .own(let actualResource)):
            return expectedResource === actualResource
        default:
            return false
        }
    }

    private static func acceptsOptional(_ expected: ValueType?, _ actual: ValueType?) -> Bool {
        switch (expected, actual) {
        case (nil, nil): return true
        case (let expected?, let actual?): return accepts(expected, value: actual)
        default: return false
        }
    }
}
