import WasmComponent
import WasmRuntime

/// The one door every host call of a component goes through: ask the policy, record the
/// decision (before any work), then run the host or deny, then record the outcome.
///
/// A denial returns the function's error value when it returns `result<_, string>`, and traps
/// the guest otherwise. A call to an import no host serves is audited and traps.
///
/// The gate is in one of two lasting modes, `enforcing` (the policy decides) or `watching` (every
/// call runs; the audit says what the policy would have refused), entered by `startWatching` and
/// left by `stopWatching`. Stepping is scoped to one call: `stepping(with:_:)` pauses every host
/// call made while its body runs.
public final class CapabilityGate: HostCallHandler {
    public enum Mode: Sendable, Equatable {
        /// The policy decides every host call.
        case enforcing
        /// Every host call runs; what the policy would have refused is audited as such and kept
        /// in `observations` for `grants --suggest`.
        case watching
    }

    public let component: String
    /// The component's capabilities; grants and revokes take effect on the next host call.
    public var policy: Policy {
        didSet {
            grantBases.removeAll()
            lastDecided = nil
        }
    }
    /// The last call the policy decided on its own and what it said: a guest calling one function
    /// in a loop is decided once per policy (the policy is a value; any change forgets this).
    private var lastDecided: (context: HostCallContext, request: ScopeRequest, verdict: Verdict)?
    /// The audit's basis of each grant that allowed a call (`grant filesystem read ./demo.txt`),
    /// by the rule's ordinal: made once per grant instead of once per call.
    private var grantBases: [UInt64: (rule: CapabilityRule, basis: String)] = [:]
    public private(set) var mode = Mode.enforcing
    /// The host calls seen since watching last started (kept after it stops, for suggestions).
    public private(set) var observations: [ObservedCall] = []

    let hosts: [String: any HostInterface]
    let audit: AuditLog
    /// What the hosts keep for this component: its objects, its WASI standard streams.
    public let state: HostState
    /// Set only while `stepping` runs its body.
    private var stepper: (any HostCallStepper)?
    /// Host calls paused at since `stepping` began.
    private var steppedCalls = 0

    init(component: String, policy: Policy, hosts: [any HostInterface], audit: AuditLog, state: HostState) {
        self.component = component
        self.policy = policy
        self.state = state
        var byName: [String: any HostInterface] = [:]
        for host in hosts { byName[host.interfaceName] = host }
        self.hosts = byName
        self.audit = audit
    }

    // MARK: - Modes

    /// Enters watch mode, forgetting earlier observations.
    public func startWatching() {
        observations.removeAll()
        mode = .watching
    }

    /// Returns to enforcing; the observations stay for `grants --suggest`.
    public func stopWatching() {
        mode = .enforcing
    }

    /// Runs `body` (a call of the component) with every host call it makes pausing at `stepper`
    /// before it is decided. Returns the body's result and how many host calls paused.
    public func stepping<Result>(with stepper: any HostCallStepper, _ body: () throws -> Result) rethrows
        -> (result: Result, hostCalls: Int)
    {
        self.stepper = stepper
        steppedCalls = 0
        defer { self.stepper = nil }
        let result = try body()
        return (result, steppedCalls)
    }

    // MARK: - Host calls

    /// The decision for one call: the policy's (or the user's, or watch mode's) and how the audit
    /// records it.
    /// A class: a verdict is kept for the next call of the same function (`lastDecided`), and
    /// handing it on is one retain where a copy of its rule and texts was a dozen.
    private final class Verdict {
        let decision: Decision
        let audit: AuditDecision
        /// The call needs no grant (`HostAuthority.none`): the host is told there is none.
        let needsNoGrant: Bool

        init(decision: Decision, audit: AuditDecision, needsNoGrant: Bool = false) {
            self.decision = decision
            self.audit = audit
            self.needsNoGrant = needsNoGrant
        }
    }

    public func unprovidedReason(for context: HostCallContext) -> String? {
        guard let host = host(for: context.interface).host else { return Self.noHost }
        guard let expected = host.signatures[context.function] else {
            return "\(InterfaceName(host.interfaceName).short) has no function \(context.function)"
        }
        let imported = WITPrinter.structuralSignature(of: context.type)
        guard imported == expected else { return "imported as \(imported), but the host implements \(expected)" }
        return nil
    }

    private static let noHost = "no host provides it"

    public func hostBinding(for context: HostCallContext) -> AnyObject? {
        host(for: context.interface).host?.binding(for: context.function)
    }

    public func hostResourceDropped(_ type: ResourceType, rep: UInt32) {
        state.objects.release(rep)
    }

    public func instanceEnded() {
        state.objects.releaseAll()
        state.output.flush()
    }

    public func hostCallRefused(_ context: HostCallContext, because error: any Error) {
        let refused = AuditDecision(
            verdict: .denied, authority: .policy, reason: "refused", basis: "refused: \(error)")
        // The guest traps with `error` whether or not this record could be made.
        _ = try? audited(context, .empty, refused, { throw error }, deliver: { _ in }, arguments: [])
    }

    public func hostCall(
        _ context: HostCallContext, _ arguments: [ComponentValue], deliver: (ComponentValue?) throws -> Void
    ) throws {
        // Bounded: the decision is on record before anything large is formatted.
        let argumentText = AuditText.preview(of: arguments, context.type)
        let served = host(for: context.interface)
        guard context.unprovidedReason == nil, let host = served.host else {
            let reason = context.unprovidedReason ?? Self.noHost
            let unprovided = AuditDecision(verdict: .denied, authority: .policy, reason: "not-provided", basis: reason)
            let message =
                "import \(context.qualifiedName) is not provided by the host"
                + (reason == Self.noHost ? "" : ": \(reason)")
            return try audited(
                context, argumentText, unprovided, { throw HostError(message) }, deliver: deliver, arguments: arguments)
        }
        let call = HostCallRequest(context: context, arguments: arguments, state: state, policy: policy)
        let authority = host.authority(for: call)
        var verdict = decide(authority, context)
        if let stepper {
            steppedCalls += 1
            let pending = PendingHostCall(
                number: steppedCalls, component: component, interface: context.interface, function: context.function,
                arguments: argumentText.preview, decision: verdict.decision,
                policySummary: Self.summary(of: verdict.decision, in: policy))
            switch try stepper.pause(before: pending, gate: self) {
            case .usePolicy:
                verdict = decide(authority, context)
            case .allowOnce:
                verdict = Verdict(
                    decision: .allow(
                        CapabilityRule(interface: context.interface, function: context.function, scope: nil)),
                    audit: AuditDecision(
                        verdict: .allowed, authority: .user, reason: nil, basis: "allowed once by the user"))
            case .denyOnce:
                verdict = Verdict(
                    decision: .deny(.userDenied),
                    audit: AuditDecision(
                        verdict: .denied, authority: .user, reason: "user-denied", basis: "denied once by the user"))
            case .abort:
                let aborted = AuditDecision(
                    verdict: .denied, authority: .user, reason: "aborted", basis: "call aborted by the user")
                let place = "before host call #\(steppedCalls)"
                return try audited(
                    context, argumentText, aborted, { throw StepAborted(place) }, deliver: deliver, arguments: arguments
                )
            }
        }
        if mode == .watching {
            if case .capability(let request) = authority {
                observations.append(
                    ObservedCall(
                        interface: context.interface, function: context.function, request: request,
                        wouldAllow: verdict.decision.isAllowed))
            } else if case .inherited(let interface, let function, let request, _, _) = authority {
                observations.append(
                    ObservedCall(
                        interface: interface, function: function, request: request,
                        wouldAllow: verdict.decision.isAllowed))
            }
            let wouldDeny: String? = if case .deny(let reason) = verdict.decision { reason.kind } else { nil }
            verdict = Verdict(
                decision: .allow(CapabilityRule(interface: context.interface, function: context.function, scope: nil)),
                audit: AuditDecision(
                    verdict: .allowed, authority: .watch, reason: wouldDeny,
                    basis: wouldDeny == nil ? verdict.audit.basis : "would deny: " + verdict.audit.basis))
        }
        try audited(
            context, argumentText, verdict.audit, deliver: deliver, arguments: arguments,
            traffic: { host.traffic(of: call, result: $0) }
        ) {
            switch verdict.decision {
            case .allow(let grant):
                return try host.call(
                    context.function, arguments,
                    authorization: HostAuthorization(
                        grant: verdict.needsNoGrant ? nil : grant, policy: policy, context: context, state: state))
            case .deny(let reason):
                let message = policy.denialMessage(reason)
                if let answer = try host.deniedResult(for: call, message: message) { return answer }
                guard let errorValue = Self.errorValue(message, for: context.type.result) else {
                    throw HostError(message)
                }
                return errorValue
            }
        }
    }

    /// What the policy says about a call that needs `authority`.
    private func decide(_ authority: HostAuthority, _ context: HostCallContext) -> Verdict {
        switch authority {
        case .capability(let request):
            if let last = lastDecided, last.context === context, last.request == request { return last.verdict }
            let decision = policy.decide(interface: context.interface, function: context.function, request: request)
            let verdict = Verdict(decision: decision, audit: auditDecision(decision))
            lastDecided = (context, request, verdict)
            return verdict
        case .inherited(let interface, let function, let request, let origin, let hint):
            let decision = policy.decide(interface: interface, function: function, request: request)
            let audit = auditDecision(decision)
            var basis = "\(audit.basis) (via \(origin))"
            // The first refusal of its kind says what to do about it.
            if !decision.isAllowed, let hint, state.notes.insert(hint).inserted { basis = hint }
            return Verdict(
                decision: decision,
                audit: AuditDecision(
                    verdict: audit.verdict, authority: audit.authority, reason: audit.reason, basis: basis))
        case .none(let basis):
            return Verdict(
                decision: .allow(CapabilityRule(interface: context.interface, function: context.function, scope: nil)),
                audit: AuditDecision(verdict: .allowed, authority: .policy, reason: nil, basis: basis),
                needsNoGrant: true)
        }
    }

    /// How the audit records a decision of the policy (`AuditDecision(decision, policy:)`), with
    /// the basis of an allowing grant remembered: a rule equal to the one remembered under its
    /// ordinal reads the same (the catalog is the policy's, and a new policy forgets them all).
    private func auditDecision(_ decision: Decision) -> AuditDecision {
        guard case .allow(let rule) = decision else { return AuditDecision(decision, policy: policy) }
        if let known = grantBases[rule.ordinal], known.rule == rule {
            return AuditDecision(verdict: .allowed, authority: .policy, reason: nil, basis: known.basis)
        }
        let audit = AuditDecision(decision, policy: policy)
        if grantBases.count < 1024 { grantBases[rule.ordinal] = (rule, audit.basis) }
        return audit
    }

    /// Records the decision, runs `body` only if that record was made, hands its result to the
    /// guest (`deliver`), and records what the guest received or why the call failed, delivery
    /// included: a result the guest never got is not recorded as returned.
    private func audited(
        _ context: HostCallContext, _ argumentText: AuditText, _ decision: AuditDecision,
        _ body: () throws -> ComponentValue?, deliver: (ComponentValue?) throws -> Void,
        arguments: [ComponentValue], traffic: (ComponentValue?) -> StreamTraffic? = { _ in nil }
    ) throws {
        let event = try audit.begin(
            component: component, interface: context.interface, function: context.function,
            arguments: argumentText, decision: decision, staysInProcess: host(for: context.interface).staysInProcess)
        // Arguments cut short in the decision are measured once the decision is on record.
        let measured = AuditText.measuredArguments(arguments, context.type, after: argumentText)
        let result: ComponentValue?
        do {
            result = try body()
            try deliver(result)
        } catch {
            try audit.close(event, arguments: measured, outcome: .failed(AuditText("\(error)")), traffic: nil)
            throw error
        }
        try audit.close(
            event, arguments: measured, outcome: .returned(AuditText.measured(result, context.type.result)),
            traffic: traffic(result))
    }

    private func audited(
        _ context: HostCallContext, _ argumentText: AuditText, _ decision: AuditDecision,
        deliver: (ComponentValue?) throws -> Void, arguments: [ComponentValue],
        traffic: (ComponentValue?) -> StreamTraffic? = { _ in nil }, _ body: () throws -> ComponentValue?
    ) throws {
        try audited(context, argumentText, decision, body, deliver: deliver, arguments: arguments, traffic: traffic)
    }

    static func summary(of decision: Decision, in policy: Policy) -> String {
        switch decision {
        case .allow: return "ALLOW (\(policy.basis(of: decision)))"
        case .deny: return "DENY (\(policy.basis(of: decision)))"
        }
    }

    /// The host serving an imported interface name (which may carry `@version`), and whether its
    /// calls stay in the process, looked up once per name: splitting the name on every call was
    /// a measurable part of a host call.
    private var hostsByImportName: [String: (host: (any HostInterface)?, staysInProcess: Bool)] = [:]

    /// The last name looked up: a guest calling one import in a loop costs no hashing, and
    /// comparing a name with itself is a pointer comparison.
    private var lastServed: (interface: String, host: (any HostInterface)?, staysInProcess: Bool)?

    private func host(for interface: String) -> (host: (any HostInterface)?, staysInProcess: Bool) {
        if let last = lastServed, last.interface == interface { return (last.host, last.staysInProcess) }
        let served: (host: (any HostInterface)?, staysInProcess: Bool)
        if let known = hostsByImportName[interface] {
            served = known
        } else {
            let name = InterfaceName(interface)
            served = (hosts[name.unversioned], InterfaceFamily.staysInProcess(name))
            hostsByImportName[interface] = served
        }
        lastServed = (interface, served.host, served.staysInProcess)
        return served
    }

    /// `err(message)` when the function returns `result<_, string>`; nil otherwise.
    static func errorValue(_ message: String, for type: ValueType?) -> ComponentValue? {
        guard case .result(_, let err)? = type?.underlying, err?.underlying == .string else { return nil }
        return .result(.err(.string(message)))
    }
}
