/// A type index space: a component's, or the private one of a component or instance type
/// declaration. `parent` is the enclosing space that `alias outer` counts outward to.
final class TypeScope {
    let parent: TypeScope?
    var types: [TypeEntry] = []
    var coreTypeCount = 0

    init(parent: TypeScope?) { self.parent = parent }

    func entry(_ index: UInt32, offset: Int) throws(ComponentError) -> TypeEntry {
        guard Int(index) < types.count else {
            throw ComponentError("type index \(index) out of bounds (\(types.count) types defined)", offset: offset)
        }
        return types[Int(index)]
    }

    func outer(_ count: UInt32, offset: Int) throws(ComponentError) -> TypeScope {
        var scope: TypeScope = self
        for _ in 0..<count {
            guard let next = scope.parent else {
                throw ComponentError("outer alias count \(count) reaches past the outermost component", offset: offset)
            }
            scope = next
        }
        return scope
    }

    // MARK: Value types

    func valueType(_ reference: ValueTypeReference, offset: Int) throws(ComponentError) -> ValueType {
        switch reference {
        case .primitive(let type): return type
        case .index(let index):
            guard case .value(let type) = try entry(index, offset: offset).type else {
                throw ComponentError("type index \(index) is not a value type", offset: offset)
            }
            return type
        }
    }

    func resourceType(_ index: UInt32, offset: Int) throws(ComponentError) -> ResourceType {
        guard case .resource(let resource) = try entry(index, offset: offset).type else {
            throw ComponentError("type index \(index) is not a resource type", offset: offset)
        }
        return resource
    }

    func functionType(_ index: UInt32, offset: Int) throws(ComponentError) -> FunctionType {
        guard case .function(let type) = try entry(index, offset: offset).type else {
            throw ComponentError("type index \(index) is not a function type", offset: offset)
        }
        return type
    }

    /// Labels (fields, cases, flags) and parameters need no check of their own here: the
    /// parser refused any that repeat or conflict (`ComponentParser.parseLabel`).
    func resolve(_ defined: DefinedValueType, offset: Int) throws(ComponentError) -> ValueType {
        try checkCaseCount(defined, offset: offset)
        switch defined {
        case .primitive(let type): return type
        case .record(let fields):
            var resolved: [RecordType.Field] = []
            for field in fields {
                resolved.append(RecordType.Field(name: field.name, type: try valueType(field.type, offset: offset)))
            }
            return .record(RecordType(fields: resolved))
        case .variant(let cases):
            var resolved: [VariantType.Case] = []
            for item in cases {
                let payload: ValueType? = try item.payload.map { (reference) throws(ComponentError) in
                    try valueType(reference, offset: offset)
                }
                resolved.append(VariantType.Case(name: item.name, payload: payload))
            }
            return .variant(VariantType(cases: resolved))
        case .list(let element): return .list(try valueType(element, offset: offset))
        case .tuple(let elements):
            var resolved: [ValueType] = []
            for element in elements { resolved.append(try valueType(element, offset: offset)) }
            return .tuple(resolved)
        case .flags(let names):
            return .flags(FlagsType(flags: names))
        case .enumeration(let names):
            return .enumeration(EnumType(cases: names))
        case .option(let payload): return .option(try valueType(payload, offset: offset))
        case .result(let ok, let err):
            let okType: ValueType? = try ok.map { (reference) throws(ComponentError) in
                try valueType(reference, offset: offset)
            }
            let errType: ValueType? = try err.map { (reference) throws(ComponentError) in
                try valueType(reference, offset: offset)
            }
            return .result(ok: okType, err: errType)
        case .own(let index): return .own(try resourceType(index, offset: offset))
        case .borrow(let index): return .borrow(try resourceType(index, offset: offset))
        }
    }

    /// Most fields, cases, elements, labels or parameters one type may have: generous for real
    /// interfaces, and it keeps per-field lookups in lifting and printing cheap.
    static let maxCases = 10_000

    private func checkCaseCount(_ defined: DefinedValueType, offset: Int) throws(ComponentError) {
        let (count, what): (Int, String)
        switch defined {
        case .record(let fields): (count, what) = (fields.count, "record fields")
        case .variant(let cases): (count, what) = (cases.count, "variant cases")
        case .tuple(let elements): (count, what) = (elements.count, "tuple elements")
        case .flags(let names): (count, what) = (names.count, "flags")
        case .enumeration(let names): (count, what) = (names.count, "enum cases")
        default: return
        }
        guard count <= Self.maxCases else {
            throw ComponentError("\(count) \(what) exceed the limit of \(Self.maxCases)", offset: offset)
        }
    }

    // MARK: Complexity

    func complexity(_ reference: ValueTypeReference, offset: Int) throws(ComponentError) -> TypeComplexity {
        switch reference {
        case .primitive: return .leaf
        case .index(let index): return try entry(index, offset: offset).complexity
        }
    }

    /// The complexity of a value type built from these references, checked against the limits.
    private func complexity(over references: [ValueTypeReference], offset: Int) throws(ComponentError) -> TypeComplexity
    {
        var children: [TypeComplexity] = []
        children.reserveCapacity(references.count)
        for reference in references { children.append(try complexity(reference, offset: offset)) }
        return try TypeComplexity.node(over: children, offset: offset)
    }

    private static func references(of defined: DefinedValueType) -> [ValueTypeReference] {
        switch defined {
        case .primitive, .flags, .enumeration, .own, .borrow: return []
        case .record(let fields): return fields.map(\.type)
        case .variant(let cases): return cases.compactMap(\.payload)
        case .list(let element), .option(let element): return [element]
        case .tuple(let elements): return elements
        case .result(let ok, let err): return [ok, err].compactMap { $0 }
        }
    }

    /// A type definition as an entry of this type space: resolved, with its complexity checked
    /// first (resolving an over-large type is what the check prevents).
    func entry(for definition: TypeDefinition, offset: Int) throws(ComponentError) -> TypeEntry {
        switch definition {
        case .value(let defined):
            let complexity = try complexity(over: Self.references(of: defined), offset: offset)
            return TypeEntry(try resolve(definition, offset: offset), complexity: complexity)
        case .function(let params, let result):
            guard params.count <= Self.maxCases else {
                throw ComponentError("\(params.count) parameters exceed the limit of \(Self.maxCases)", offset: offset)
            }
            // Every parameter and the result are laid out and printed together; each one's depth
            // was checked when it was defined.
            var total = TypeComplexity.leaf
            for reference in params.map(\.type) + [result].compactMap({ $0 }) {
                total.size += try complexity(reference, offset: offset).size
            }
            _ = try total.checked(offset: offset)
            return TypeEntry(try resolve(definition, offset: offset))
        default:
            return TypeEntry(try resolve(definition, offset: offset))
        }
    }

    // MARK: Type definitions

    /// Resolves a type definition. Resource definitions are handled by the component walker
    /// (they need a destructor from the core index space) and are rejected here.
    func resolve(_ definition: TypeDefinition, offset: Int) throws(ComponentError) -> ResolvedType {
        switch definition {
        case .value(let defined): return .value(try resolve(defined, offset: offset))
        case .function(let params, let result):
            var parameters: [FunctionType.Parameter] = []
            for param in params {
                parameters.append(
                    FunctionType.Parameter(name: param.name, type: try valueType(param.type, offset: offset)))
            }
            let resultType: ValueType? = try result.map { (reference) throws(ComponentError) in
                try valueType(reference, offset: offset)
            }
            return .function(FunctionType(parameters: parameters, result: resultType))
        case .instance(let declarations):
            let scope = TypeScope(parent: self)
            let declared = try scope.declare(declarations, offset: offset)
            return .instance(InstanceType(exports: declared.exports))
        case .component(let declarations):
            let scope = TypeScope(parent: self)
            return .component(try scope.declare(declarations, offset: offset))
        case .resource:
            throw ComponentError("resource types can only be defined in a component, not in a type", offset: offset)
        }
    }

    /// Runs the declarators of a component or instance type in this (fresh) scope.
    func declare(_ declarations: [ComponentTypeDeclaration], offset: Int) throws(ComponentError) -> ComponentType {
        var imports: [(name: String, type: ExternType)] = []
        var exports: [(name: String, type: ExternType)] = []
        var importNames: Set<String> = []
        var exportNames: Set<String> = []
        for declaration in declarations {
            switch declaration {
            case .coreType:
                coreTypeCount += 1
            case .type(let definition):
                types.append(try entry(for: definition, offset: offset))
            case .alias(let alias):
                switch (alias.sort, alias.target) {
                case (.type, .outer(let count, let index)):
                    types.append(try outer(count, offset: offset).entry(index, offset: offset))
                case (.core(.type), .outer):
                    coreTypeCount += 1
                default:
                    throw ComponentError("only outer type aliases are allowed in type declarations", offset: offset)
                }
            case .import(let name, let descriptor):
                guard importNames.insert(name).inserted else {
                    throw ComponentError("duplicate import name '\(name)'", offset: offset)
                }
                imports.append((name, try externType(descriptor, name: name, offset: offset)))
            case .export(let name, let descriptor):
                guard exportNames.insert(name).inserted else {
                    throw ComponentError("duplicate export name '\(name)'", offset: offset)
                }
                exports.append((name, try externType(descriptor, name: name, offset: offset)))
            }
        }
        return ComponentType(imports: imports, exports: exports)
    }

    /// Resolves an import or export description. Type imports and exports also add to this
    /// type space, as the binary format says.
    func externType(_ descriptor: ExternTypeDescriptor, name: String, offset: Int) throws(ComponentError) -> ExternType
    {
        switch descriptor {
        case .coreModule: return .coreModule
        case .function(let index): return .function(try functionType(index, offset: offset))
        case .value: throw ComponentError("value imports and exports are not supported", offset: offset)
        case .type(.subResource):
            let entry = TypeEntry(.resource(ResourceType(name: name)))
            types.append(entry)
            return .type(entry)
        case .type(.equal(let index)):
            let entry = try TypeEntry.named(try entry(index, offset: offset), name, offset: offset)
            types.append(entry)
            return .type(entry)
        case .instance(let index):
            guard case .instance(let type) = try entry(index, offset: offset).type else {
                throw ComponentError("type index \(index) is not an instance type", offset: offset)
            }
            return .instance(type)
        case .component(let index):
            guard case .component(let type) = try entry(index, offset: offset).type else {
                throw ComponentError("type index \(index) is not a component type", offset: offset)
            }
            return .component(type)
        }
    }
}

extension TypeEntry {
    /// The entry as exported under `name`: unnamed records, variants, enums, flags and resources
    /// take the name; anything else becomes a named alias of what it was.
    static func named(_ entry: TypeEntry, _ name: String, offset: Int) throws(ComponentError) -> TypeEntry {
        guard case .value(let type) = entry.type else {
            if case .resource(let resource) = entry.type, resource.name.isEmpty { resource.name = name }
            return entry
        }
        var named = type
        switch type {
        case .record(var record) where record.name == nil:
            record.name = name
            named = .record(record)
        case .variant(var variant) where variant.name == nil:
            variant.name = name
            named = .variant(variant)
        case .enumeration(var enumeration) where enumeration.name == nil:
            enumeration.name = name
            named = .enumeration(enumeration)
        case .flags(var flags) where flags.name == nil:
            flags.name = name
            named = .flags(flags)
        case .alias(let existing, _) where existing == name:
            break
        case .record(let record) where record.name == name: break
        case .variant(let variant) where variant.name == name: break
        case .enumeration(let enumeration) where enumeration.name == name: break
        case .flags(let flags) where flags.name == name: break
        default:
            named = .alias(name: name, type)
            // An alias is one more level for everything that walks the type.
            let complexity = try TypeComplexity.node(over: [entry.complexity], offset: offset)
            return TypeEntry(.value(named), origin: entry.origin, complexity: complexity)
        }
        return TypeEntry(.value(named), origin: entry.origin, complexity: entry.complexity)
    }
}
