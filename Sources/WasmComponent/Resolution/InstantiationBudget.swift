/// What one top-level instantiation may do in nested instantiations. A component can
/// instantiate a nested component that instantiates another twice, and so on (2^n instances
/// from n small sections), or reach itself through an outer alias and recurse without end:
/// both stop here with an error.
final class InstantiationBudget {
    static let maxComponentInstances = 1_000
    static let maxCoreModuleInstances = 1_000
    /// Instantiation recurses: each nested instance is walked inside its parent's walk.
    static let maxNesting = 100
    /// Definitions walked for nested instances, all together.
    static let maxNestedDefinitions = 1_000_000

    /// Every scope of the walk, kept alive until it ends (see `ComponentDefinitionEntry`).
    var liveScopes: [AnyObject] = []

    private var componentInstances = 0
    private var coreModuleInstances = 0
    private var nestedDefinitions = 0

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
}
