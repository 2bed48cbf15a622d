/// A component-model value type, fully resolved: no type indices left, names kept where WIT has them.
///
/// Records, variants, enums, flags and resources are nominal in WIT; `name` carries the WIT name
/// (`point`, `shape`) when the component gave one, so signatures print as WIT does.
public indirect enum ValueType: Hashable, Sendable {
    case bool
    case s8, u8, s16, u16, s32, u32, s64, u64
    case f32, f64
    case char
    case string
    case list(ValueType)
    case record(RecordType)
    case tuple([ValueType])
    case variant(VariantType)
    case enumeration(EnumType)
    case option(ValueType)
    case result(ok: ValueType?, err: ValueType?)
    case flags(FlagsType)
    case own(ResourceType)
    case borrow(ResourceType)
    /// A type the component named (`type alias = u32` in WIT): same values, printed by name.
    case alias(name: String, ValueType)

    /// The type with aliases looked through: what the canonical ABI and WAVE work on.
    public var underlying: ValueType {
        if case .alias(_, let target) = self { return target.underlying }
        return self
    }
}

public struct RecordType: Hashable, Sendable {
    public struct Field: Hashable, Sendable {
        public var name: String
        public var type: ValueType
        public init(name: String, type: ValueType) {
            self.name = name
            self.type = type
        }
    }
    public var name: String?
    public var fields: [Field]
    public init(name: String? = nil, fields: [Field]) {
        self.name = name
        self.fields = fields
    }
}

public struct VariantType: Hashable, Sendable {
    public struct Case: Hashable, Sendable {
        public var name: String
        public var payload: ValueType?
        public init(name: String, payload: ValueType?) {
            self.name = name
            self.payload = payload
        }
    }
    public var name: String?
    public var cases: [Case]
    public init(name: String? = nil, cases: [Case]) {
        self.name = name
        self.cases = cases
    }
}

public struct EnumType: Hashable, Sendable {
    public var name: String?
    public var cases: [String]
    public init(name: String? = nil, cases: [String]) {
        self.name = name
        self.cases = cases
    }
}

public struct FlagsType: Hashable, Sendable {
    public var name: String?
    public var flags: [String]
    public init(name: String? = nil, flags: [String]) {
        self.name = name
        self.flags = flags
    }
}

/// A resource type. Identity matters (two resources with the same name are different types),
/// so it is a class compared by identity. A resource defined inside a component learns its name
/// when it is exported; `name` is only written while the component is being resolved, on one
/// thread, before the type is shared.
public final class ResourceType: Hashable, @unchecked Sendable, CustomStringConvertible {
    public internal(set) var name: String
    public init(name: String) { self.name = name }
    public static func == (lhs: ResourceType, rhs: ResourceType) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
    public var description: String { name }
}

/// A function's type: named parameters and an optional single result.
public struct FunctionType: Hashable, Sendable {
    public struct Parameter: Hashable, Sendable {
        public var name: String
        public var type: ValueType
        public init(name: String, type: ValueType) {
            self.name = name
            self.type = type
        }
    }
    public var parameters: [Parameter]
    public var result: ValueType?
    public init(parameters: [Parameter], result: ValueType?) {
        self.parameters = parameters
        self.result = result
    }
}
