@testable import WasmComponent

/// Short constructors for hand-built worlds, shaped the way the binary parser produces them:
/// methods carry their `self` parameter, `use`d types are `.use` entries, aliases are `.alias`.
enum WITModel {
    static func function(
        _ name: String, _ parameters: [(String, ValueType)] = [], _ result: ValueType? = nil
    ) -> NamedFunction {
        NamedFunction(
            name: name,
            type: FunctionType(
                parameters: parameters.map { FunctionType.Parameter(name: $0.0, type: $0.1) },
                result: result))
    }

    static func interface(
        _ name: String, types: [NamedType] = [], functions: [NamedFunction] = []
    ) -> InterfaceDescription {
        InterfaceDescription(name: name, types: types, functions: functions)
    }

    static func named(_ name: String, _ value: ValueType) -> NamedType {
        NamedType(name: name, definition: .value(value))
    }

    static func resource(_ resource: ResourceType, as name: String? = nil) -> NamedType {
        NamedType(name: name ?? resource.name, definition: .resource(resource))
    }

    static func use(_ name: String, from interface: String, as local: String? = nil) -> NamedType {
        NamedType(name: local ?? name, definition: .use(interface: interface, name: name))
    }

    static func record(_ name: String, _ fields: [(String, ValueType)]) -> ValueType {
        .record(RecordType(name: name, fields: fields.map { RecordType.Field(name: $0.0, type: $0.1) }))
    }

    static func variant(_ name: String, _ cases: [(String, ValueType?)]) -> ValueType {
        .variant(VariantType(name: name, cases: cases.map { VariantType.Case(name: $0.0, payload: $0.1) }))
    }

    static func enumeration(_ name: String, _ cases: [String]) -> ValueType {
        .enumeration(EnumType(name: name, cases: cases))
    }

    static func flags(_ name: String, _ flags: [String]) -> ValueType {
        .flags(FlagsType(name: name, flags: flags))
    }
}
