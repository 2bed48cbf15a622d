import Testing

@testable import Capabilities

/// Adding many rules at once (binary search, hashing, one sort) must give exactly what adding
/// them one at a time gave: the same lists and the same changes, notes included.
@Suite("Policy: adding many rules at once")
struct PolicyBulkAddTests {
    /// The one-at-a-time algorithm the policy used before (a linear search and an insertion per
    /// rule), kept here as the reference.
    struct OneAtATime {
        var grants: [CapabilityRule] = []
        var denies: [CapabilityRule] = []

        mutating func add(_ rule: CapabilityRule, to list: PolicyError.RuleList, in policy: Policy) -> String {
            var rules = list == .grant ? grants : denies
            defer { if list == .grant { grants = rules } else { denies = rules } }
            let verb = list == .grant ? "granted" : "denied"
            var notes: [String] = []
            if list == .grant, let deny = denies.first(where: { Policy.overlaps($0, rule) }) {
                notes.append("the explicit deny '\(policy.describe(deny))' still wins")
            }
            func text(_ kind: PolicyChange.Kind, _ rule: CapabilityRule, _ verb: String) -> String {
                let summary = "\(kind): \(verb) \(policy.component): \(policy.describe(rule))"
                return notes.isEmpty ? summary : summary + " (" + notes.joined(separator: "; ") + ")"
            }
            if let index = rules.firstIndex(where: { $0.isSameTarget(as: rule) }) {
                let existing = rules[index]
                guard let oldScope = existing.scope, let newScope = rule.scope,
                    !oldScope.access.isSuperset(of: newScope.access)
                else { return text(.unchanged, existing, "already \(verb)") }
                rules[index].scope?.access = oldScope.access.union(newScope.access)
                notes.insert("was \(oldScope.access)", at: 0)
                return text(.widened, rules[index], verb)
            }
            let position = rules.firstIndex { CapabilityRule.canonicallyOrdered(rule, $0) } ?? rules.endIndex
            rules.insert(rule, at: position)
            return text(.added, rule, verb)
        }
    }

    /// A small deterministic generator (a 64-bit LCG), so that every run checks the same sequences.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let capabilities = ["filesystem", "filesystem.read-file", "filesystem.write-file", "clock", "logger"]
    static let scopes = ["./a", "./a/b", "./a/b/c", "./c", "/etc", "/etc/hostname", "../up", "./a/../c"]
    static let accesses: [PathAccess] = [.read, .write, .readWrite]

    static func randomRules(_ generator: inout Generator, in policy: Policy, count: Int) throws -> [CapabilityRule] {
        var rules: [CapabilityRule] = []
        for _ in 0..<count {
            let capability = capabilities[generator.next(capabilities.count)]
            let scoped = capability.hasPrefix("filesystem") && generator.next(4) != 0
            let scopes = scoped ? [Self.scopes[generator.next(Self.scopes.count)]] : []
            rules += try policy.rules(capability, scopes: scopes, access: accesses[generator.next(accesses.count)])
        }
        return rules
    }

    @Test("random batches of grants and denies: the same lists and changes as one at a time", arguments: 0..<24)
    func sameAsOneAtATime(seed: Int) throws {
        var generator = Generator(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        var policy = try PolicyFixture.policy()
        var reference = OneAtATime()
        for _ in 0..<12 {
            let list: PolicyError.RuleList = generator.next(3) == 0 ? .deny : .grant
            let batch = try Self.randomRules(&generator, in: policy, count: 1 + generator.next(30))
            let changes = policy.add(batch, to: list)
            let expected = batch.map { reference.add($0, to: list, in: policy) }
            #expect(changes.map { "\($0.kind): \($0.description)" } == expected)
            #expect(changes.map(\.list) == Array(repeating: list, count: batch.count))
            #expect(policy.grants == reference.grants)
            #expect(policy.denies == reference.denies)
        }
    }

    @Test("loading without changes gives the same lists as with them")
    func withoutChanges() throws {
        var generator = Generator(state: 42)
        var reported = try PolicyFixture.policy()
        var silent = reported
        for _ in 0..<8 {
            let list: PolicyError.RuleList = generator.next(2) == 0 ? .deny : .grant
            let batch = try Self.randomRules(&generator, in: reported, count: 40)
            #expect(reported.add(batch, to: list).count == batch.count)
            #expect(silent.add(batch, to: list, reportChanges: false).isEmpty)
        }
        #expect(silent == reported)
    }

    @Test("binary search finds every held rule and nothing else")
    func position() throws {
        var policy = try PolicyFixture.policy()
        try policy.grant("filesystem", scopes: ["./a", "./b", "./c"])
        try policy.grant("filesystem")
        try policy.grant("clock.now")
        for (index, rule) in policy.grants.enumerated() {
            #expect(Policy.position(of: rule, in: policy.grants) == index)
        }
        #expect(Policy.position(of: try policy.rules("filesystem", scopes: ["./bb"])[0], in: policy.grants) == nil)
        #expect(Policy.position(of: try policy.rules("logger")[0], in: policy.grants) == nil)
        #expect(Policy.position(of: try policy.rules("logger")[0], in: []) == nil)
    }
}
