/// A value type as written in the binary: a primitive or an index into the type space.
package enum ValueTypeReference: Sendable, Equatable {
    case primitive(ValueType)
    case index(UInt32)
}

/// `deftype` in the binary, before indices are resolved.
package indirect enum TypeDefinition: Sendable {
    case value(DefinedValueType)
    case function(params: [(name: String, type: ValueTypeReference)], result: ValueTypeReference?)
    case component([ComponentTypeDeclaration])
    case instance([ComponentTypeDeclaration])
    case resource(rep: CoreValueTypeCode, destructor: UInt32?)
}

package enum DefinedValueType: Sendable {
    case primitive(ValueType)
    case record([(name: String, type: ValueTypeReference)])
    case variant([(name: String, payload: ValueTypeReference?)])
    case list(ValueTypeReference)
    case tuple([ValueTypeReference])
    case flags([String])
    case enumeration([String])
    case option(ValueTypeReference)
    case result(ok: ValueTypeReference?, err: ValueTypeReference?)
    case own(UInt32)
    case borrow(UInt32)
}

/// Declarators inside component and instance types.
package enum ComponentTypeDeclaration: Sendable {
    case coreType(CoreTypeDefinition)
    case type(TypeDefinition)
    case alias(AliasDefinition)
    case `import`(name: String, type: ExternTypeDescriptor)
    case export(name: String, type: ExternTypeDescriptor)
}

/// Core types a component may define; only their presence matters to us.
package enum CoreTypeDefinition: Sendable {
    case function(parameters: [CoreValueTypeCode], results: [CoreValueTypeCode])
    case module
}

package enum CoreValueTypeCode: UInt8, Sendable {
    case i32 = 0x7f, i64 = 0x7e, f32 = 0x7d, f64 = 0x7c, v128 = 0x7b
}
