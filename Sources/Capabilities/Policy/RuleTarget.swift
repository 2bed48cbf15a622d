/// What makes two rules one rule (`CapabilityRule.isSameTarget`): the interface, the function and
/// the scope, access aside. The key that merges many rules at once.
struct RuleTarget: Hashable {
    let interface: String
    let function: String?
    let scope: String?

    init(_ rule: CapabilityRule) {
        interface = rule.interface
        function = rule.function
        scope = rule.scopeKey
    }
}
