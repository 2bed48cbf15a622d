/// What one top-level instantiation may do in nested instantiations and in the types it uses.
/// A component can instantiate a nested component that instantiates another twice, and so on
/// (2^n instances from n small sections), or reach itself through an outer alias and recurse
/// without end; it can also use one large type thousands of times (every function signature,
/// import and export is laid out or printed in full). All of these stop here with an error.
final class InstantiationBudget {
    static let maxComponentInstances = 1_000
    static let maxCoreModuleInstances = 1_000
    /// Instantiation recurses: each nested instance is walked inside its parent's walk.
    static let maxNesting = 100
    /// Definitions walked for nested instances, all together.
    static let maxNestedDefinitions = 1_000_000

    /// Type nodes all canonical functions, imports and exports may expand to together.
    static let maxTypeNodes = 1_000_000

    /// Every scope of the walk, kept alive until it ends (see `ComponentDefinitionEntry`).
    var liveScopes: [AnyObject] = []

    private var componentInstances = 0
    private var coreModuleInstances = 0
    private var nestedDefinitions = 0
    private var remainingTypeNodes = maxTypeNodes

    func chargeComponentInstance(definitions: Int, depth: Int, offset: Int) throws(ComponentError) {
        guard depth <= Self.maxNesting else {
            throw ComponentError("component instances nested more than \(Self.maxNesting) deep", offset: offset)
        }
        componentInstances += 1
        guard componentInstances <= Self.maxComponentInstances else {
            throw ComponentError("more than \(Self.maxComponentInstances) component instances", offset: offset)
        }
        nestedDefinitions += definitions
        guard nestedDefinitions <= Self.maxNestedDefinitions else {
            throw ComponentError(
                "nested component instances walk more than \(Self.maxNestedDefinitions) definitions", offset: offset)
        }
    }

    func chargeCoreModuleInstance(offset: Int) throws(ComponentError) {
        coreModuleInstances += 1
        guard coreModuleInstances <= Self.maxCoreModuleInstances else {
            throw ComponentError("more than \(Self.maxCoreModuleInstances) core module instances", offset: offset)
        }
    }

    // MARK: Type uses

    /// Counts the nodes of a function signature, import or export against the budget. Walking
    /// costs what it charges, so the walks together stay within the budget too.
    func chargeUse(of type: ExternType, offset: Int) throws(ComponentError) {
        try spend(offset: offset)
        switch type {
        case .function(let function): try chargeUse(of: function, offset: offset)
        case .instance(let instance):
            for export in instance.exports { try chargeUse(of: export.type, offset: offset) }
        case .component(let component):
            for item in component.imports + component.exports { try chargeUse(of: item.type, offset: offset) }
        case .type(let entry):
            if case .value(let value) = entry.type { try chargeUse(of: value, offset: offset) }
        case .coreModule: break
        }
    }

    func chargeUse(of function: FunctionType, offset: Int) throws(ComponentError) {
        for parameter in function.parameters { try chargeUse(of: parameter.type, offset: offset) }
        if let result = function.result { try chargeUse(of: result, offset: offset) }
    }

    private func chargeUse(of type: ValueType, offset: Int) throws(ComponentError) {
        try spend(offset: offset)
        switch type {
        case .list(let element), .option(let element), .alias(_, let element):
            try chargeUse(of: element, offset: offset)
        case .record(let record):
            for field in record.fields { try chargeUse(of: field.type, offset: offset) }
        case .tuple(let elements):
            for element in elements { try chargeUse(of: element, offset: offset) }
        case .variant(let variant):
            for item in variant.cases { if let payload = item.payload { try chargeUse(of: payload, offset: offset) } }
        case .result(let ok, let err):
            if let ok { try chargeUse(of: ok, offset: offset) }
            if let err { try chargeUse(of: err, offset: offset) }
        default: break
        }
    }

    private func spend(offset: Int) throws(ComponentError) {
        remainingTypeNodes -= 1
        guard remainingTypeNodes >= 0 else {
            throw ComponentError(
                "the types used by the component add up to more than \(Self.maxTypeNodes) nodes once expanded",
                offset: offset)
        }
    }
}
