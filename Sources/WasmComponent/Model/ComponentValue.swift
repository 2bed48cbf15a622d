/// A component-model value, as lifted from or lowered into a guest.
///
/// Shapes follow the type they belong to: a record holds its fields in declaration order, flags
/// hold the set flag names in declaration order, a handle names a resource entry in a table.
///
/// Only the cases that hold a value of their own are indirect: an indirect enum puts every value
/// in a heap box, each `u8` of a byte list and each argument of `add(u32, u32)` included.
public enum ComponentValue: Hashable, Sendable {
    case bool(Bool)
    case s8(Int8), u8(UInt8), s16(Int16), u16(UInt16), s32(Int32), u32(UInt32), s64(Int64), u64(UInt64)
    case f32(Float), f64(Double)
    case char(Unicode.Scalar)
    case string(String)
    case list([ComponentValue])
    case record([RecordField])
    case tuple([ComponentValue])
    indirect case variant(caseName: String, payload: ComponentValue?)
    case enumCase(String)
    indirect case option(ComponentValue?)
    indirect case result(Result)
    case flags([String])
    case handle(ResourceHandle)

    public struct RecordField: Hashable, Sendable {
        public var name: String
        public var value: ComponentValue
        public init(name: String, value: ComponentValue) {
            self.name = name
            self.value = value
        }
    }

    /// `ok`/`err` with an optional payload (`result<_, E>` has no `ok` payload).
    public enum Result: Hashable, Sendable {
        case ok(ComponentValue?)
        case err(ComponentValue?)
    }
}

/// A host-side reference to a resource: the resource type, the handle index in the owning
/// component instance's table, and whether it is owned or borrowed.
public struct ResourceHandle: Hashable, Sendable, CustomStringConvertible {
    public var resource: ResourceType
    public var index: UInt32
    public var isOwned: Bool
    public init(resource: ResourceType, index: UInt32, isOwned: Bool) {
        self.resource = resource
        self.index = index
        self.isOwned = isOwned
    }
    public var description: String { "\(isOwned ? "own" : "borrow")<\(resource.name)>#\(index)" }
}
