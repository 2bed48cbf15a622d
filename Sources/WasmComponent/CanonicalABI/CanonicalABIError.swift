/// Why lifting or lowering a value failed: a guest handed over something the canonical ABI
/// forbids (a trap in the spec), or a host value does not match its type.
///
/// `message` names what and where (`invalid UTF-8 in string at 0x400`); `site`, when set by a
/// function-level entry point, names the argument or result it happened in.
package struct CanonicalABIError: Error, Hashable, Sendable, CustomStringConvertible {
    package enum Kind: Hashable, Sendable {
        /// A pointer range lies (partly) outside the guest's memory.
        case outOfBounds
        /// A pointer is not a multiple of the alignment its type needs.
        case misaligned
        /// A string or list is longer than the canonical ABI allows, or than fits in 32 bits.
        case tooLong
        /// A string's bytes are not valid in its encoding.
        case invalidEncoding
        /// A variant, enum, option or result discriminant names no case.
        case invalidDiscriminant
        /// A `char` is a surrogate or beyond U+10FFFF.
        case invalidChar
        /// A `flags` value has bits set beyond its last flag.
        case unknownFlags
        /// A host value does not have the shape its type requires.
        case typeMismatch
        /// The core values do not have the count or types the flattened signature requires.
        case coreValueMismatch
        /// The value needs guest memory but the function has no `memory` option.
        case missingMemory
        /// The value needs an allocation but the function has no `realloc` option.
        case missingRealloc
    }

    package var kind: Kind
    package var message: String
    /// `argument path`, `result`, `arguments`: where in a call it happened, when known.
    package var site: String?

    package init(kind: Kind, message: String, site: String? = nil) {
        self.kind = kind
        self.message = message
        self.site = site
    }

    package var description: String {
        guard let site else { return message }
        return "\(site): \(message)"
    }

    /// The same error, placed in a call (the innermost site wins).
    func located(_ site: String) -> CanonicalABIError {
        var copy = self
        if copy.site == nil { copy.site = site }
        return copy
    }
}

extension CanonicalABIError {
    static func outOfBounds(_ subject: String, address: Int, extent: String, memorySize: Int) -> CanonicalABIError {
        CanonicalABIError(
            kind: .outOfBounds,
            message: "\(subject) at \(hex(address)) (\(extent)) is out of bounds of memory (\(memorySize) bytes)"
        )
    }

    static func misaligned(address: Int, alignment: Int, subject: String) -> CanonicalABIError {
        CanonicalABIError(
            kind: .misaligned, message: "pointer \(hex(address)) is not aligned to \(alignment) for \(subject)")
    }

    static func tooLong(_ message: String) -> CanonicalABIError {
        CanonicalABIError(kind: .tooLong, message: message)
    }

    static func invalidDiscriminant(_ discriminant: UInt32, for type: ValueType, caseCount: Int) -> CanonicalABIError {
        CanonicalABIError(
            kind: .invalidDiscriminant,
            message:
                "invalid discriminant \(discriminant) for \(TypeNaming.describe(type)) (\(caseCount) \(caseCount == 1 ? "case" : "cases"))"
        )
    }

    static func invalidChar(_ value: UInt32) -> CanonicalABIError {
        CanonicalABIError(
            kind: .invalidChar,
            message: "char 0x\(String(value, radix: 16, uppercase: true)) is not a Unicode scalar value"
        )
    }

    static func typeMismatch(_ message: String) -> CanonicalABIError {
        CanonicalABIError(kind: .typeMismatch, message: message)
    }

    static func valueMismatch(expected type: ValueType, got value: ComponentValue) -> CanonicalABIError {
        typeMismatch("expected a value of type \(TypeNaming.describe(type)), got \(TypeNaming.describe(value))")
    }

    static func missingMemory(_ purpose: String) -> CanonicalABIError {
        CanonicalABIError(
            kind: .missingMemory,
            message: "\(purpose) needs the canonical option `memory`, which this function does not have"
        )
    }

    static func missingRealloc(_ purpose: String) -> CanonicalABIError {
        CanonicalABIError(
            kind: .missingRealloc,
            message: "\(purpose) needs the canonical option `realloc`, which this function does not have"
        )
    }

    static func coreValueMismatch(_ message: String) -> CanonicalABIError {
        CanonicalABIError(kind: .coreValueMismatch, message: message)
    }

    static func hex<T: BinaryInteger>(_ value: T) -> String {
        "0x" + String(value, radix: 16)
    }
}
