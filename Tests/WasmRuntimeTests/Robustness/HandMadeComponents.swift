/// Malformed or pathological components written byte by byte: each once crashed or hung a
/// component runtime (stack exhaustion from deep types, exponential work from shared
/// subtypes or repeated instantiation). Regression inputs for `HandMadeComponentTests` and
/// seeds of the fuzz corpus (`Fuzz/`).
enum HandMadeComponents {
    static var all: [(name: String, bytes: [UInt8])] {
        [
            ("deep-list-types", deepListTypes(depth: 20_000)),
            ("exponential-tuple-types", exponentialTupleTypes(levels: 40)),
            ("long-alias-chain", aliasChain(length: 20_000)),
            ("self-instantiating", selfInstantiating()),
            ("exponential-instantiation", exponentialInstantiation(levels: 40)),
            ("many-uses-of-a-large-type", manyUsesOfALargeType(levels: 15, imports: 2_000)),
            ("empty-component", ComponentBytes.component([])),
        ]
    }

    /// One function type whose parameter has 2^levels leaves (under the size limit), imported
    /// under `imports` names: each import prints and lays out the whole type again.
    static func manyUsesOfALargeType(levels: Int, imports: Int) -> [UInt8] {
        var types: [[UInt8]] = [[0x6f, 0x02, ComponentBytes.u32Type, ComponentBytes.u32Type]]
        for index in 1..<levels {
            types.append([0x6f, 0x02] + ComponentBytes.typeIndex(index - 1) + ComponentBytes.typeIndex(index - 1))
        }
        types.append(ComponentBytes.functionType(parameter: ComponentBytes.typeIndex(levels - 1)))
        return ComponentBytes.component([
            ComponentBytes.vectorSection(7, types),
            ComponentBytes.vectorSection(
                10, (0..<imports).map { ComponentBytes.functionImport("f\($0)", type: levels) }),
        ])
    }

    /// `list<list<...<u32>...>>` nested `depth` deep, as the parameter of an imported function.
    static func deepListTypes(depth: Int) -> [UInt8] {
        var types: [[UInt8]] = [[0x70, ComponentBytes.u32Type]]
        for index in 1..<depth { types.append([0x70] + ComponentBytes.typeIndex(index - 1)) }
        types.append(ComponentBytes.functionType(parameter: ComponentBytes.typeIndex(depth - 1)))
        return ComponentBytes.component([
            ComponentBytes.vectorSection(7, types),
            ComponentBytes.vectorSection(10, [ComponentBytes.functionImport("f", type: depth)]),
        ])
    }

    /// `tuple<T, T>` of `tuple<T', T'>` ... `levels` deep: a few bytes, 2^levels leaves.
    static func exponentialTupleTypes(levels: Int) -> [UInt8] {
        var types: [[UInt8]] = [[0x6f, 0x02, ComponentBytes.u32Type, ComponentBytes.u32Type]]
        for index in 1..<levels {
            types.append([0x6f, 0x02] + ComponentBytes.typeIndex(index - 1) + ComponentBytes.typeIndex(index - 1))
        }
        types.append(ComponentBytes.functionType(parameter: ComponentBytes.typeIndex(levels - 1)))
        return ComponentBytes.component([
            ComponentBytes.vectorSection(7, types),
            ComponentBytes.vectorSection(10, [ComponentBytes.functionImport("f", type: levels)]),
        ])
    }

    /// A `u32` exported under `length` names in a row, each export naming the previous one:
    /// every export wraps the type in one more alias.
    static func aliasChain(length: Int) -> [UInt8] {
        // Type 0 is u32; the export of type i adds type i + 1.
        let exports = (0..<length).map { ComponentBytes.typeExport("t\($0)", type: $0) }
        let functionTypeIndex = length + 1
        return ComponentBytes.component([
            ComponentBytes.vectorSection(7, [[ComponentBytes.u32Type]]),
            ComponentBytes.vectorSection(11, exports),
            ComponentBytes.vectorSection(7, [ComponentBytes.functionType(parameter: ComponentBytes.typeIndex(length))]),
            ComponentBytes.vectorSection(10, [ComponentBytes.functionImport("f", type: functionTypeIndex)]),
        ])
    }

    /// A nested component that aliases itself from its parent and instantiates itself.
    static func selfInstantiating() -> [UInt8] {
        let nested = ComponentBytes.component([
            // (alias outer 1 0 (component)): the parent's component 0 is this component.
            ComponentBytes.vectorSection(6, [[0x04, 0x02, 0x01, 0x00]]),
            ComponentBytes.vectorSection(5, [ComponentBytes.instantiate(component: 0)]),
        ])
        return ComponentBytes.component([
            ComponentBytes.section(4, nested),
            ComponentBytes.vectorSection(5, [ComponentBytes.instantiate(component: 0)]),
        ])
    }

    /// Each level instantiates the level inside it twice: 2^levels instances.
    static func exponentialInstantiation(levels: Int) -> [UInt8] {
        var component = ComponentBytes.component([])
        for _ in 0..<levels {
            component = ComponentBytes.component([
                ComponentBytes.section(4, component),
                ComponentBytes.vectorSection(
                    5, [ComponentBytes.instantiate(component: 0), ComponentBytes.instantiate(component: 0)]),
            ])
        }
        return component
    }
}
