import WasmComponent
import WasmRuntime

/// The one door every host call of a component goes through: ask the policy, record the
/// decision (before any work), then run the host or deny, then record the outcome.
///
/// A denial returns the function's error value when it returns `result<_, string>`, and traps
/// the guest otherwise. A call to an import no host serves is audited and traps.
public final class CapabilityGate {
    public let component: String
    public var policy: Policy
    let hosts: [String: any HostInterface]
    let audit: AuditLog
    /// When set (by `step`), every host call pauses here before it is decided; the stepper may
    /// change `policy` (grant, revoke) and says how to go on.
    public var stepper: ((PendingHostCall, CapabilityGate) throws -> StepResolution)?
    /// Host calls seen since the stepper was set.
    public var steppedCalls = 0
    /// Watch (permissive) mode: every call runs, the audit records what the policy would have
    /// refused, and the calls are kept for `grants --suggest`.
    public var isWatching = false
    public private(set) var observed: [ObservedCall] = []

    public func clearObservations() { observed.removeAll() }

    init(component: String, policy: Policy, hosts: [any HostInterface], audit: AuditLog) {
        self.component = component
        self.policy = policy
        var byName: [String: any HostInterface] = [:]
        for host in hosts { byName[host.interfaceName] = host }
        self.hosts = byName
        self.audit = audit
    }

    func handle(_ context: HostCallContext, _ arguments: [ComponentValue]) throws -> ComponentValue? {
        let argumentText = Self.wave(arguments, context.type)
        guard let host = host(for: context.interface), host.functionNames.contains(context.function) else {
            let message = "import \(context.interface).\(context.function) is not provided by the host"
            let decision = AuditDecision(
                verdict: .denied, authority: .policy, reason: "not-provided", basis: "no host provides it")
            let event = try audit.begin(
                component: component, interface: context.interface, function: context.function,
                arguments: argumentText, decision: decision)
            try audit.finish(event, outcome: .failed(message))
            throw HostError(message)
        }
        let request = host.scopeRequest(for: context.function, arguments: arguments)
        var decision = policy.decide(interface: context.interface, function: context.function, request: request)
        var auditDecision = AuditDecision(decision, policy: policy)
        if let stepper {
            steppedCalls += 1
            let pending = PendingHostCall(
                number: steppedCalls, component: component, interface: context.interface, function: context.function,
                arguments: argumentText, decision: decision, policySummary: Self.summary(of: decision, in: policy))
            switch try stepper(pending, self) {
            case .usePolicy:
                decision = policy.decide(interface: context.interface, function: context.function, request: request)
                auditDecision = AuditDecision(decision, policy: policy)
            case .allowOnce:
                decision = .allow(CapabilityRule(interface: context.interface, function: context.function, scope: nil))
                auditDecision = AuditDecision(
                    verdict: .allowed, authority: .user, reason: nil, basis: "allowed once by the user")
            case .denyOnce:
                decision = .deny(.userDenied)
                auditDecision = AuditDecision(
                    verdict: .denied, authority: .user, reason: "user-denied", basis: "denied once by the user")
            case .abort:
                let decision = AuditDecision(
                    verdict: .denied, authority: .user, reason: "aborted", basis: "call aborted by the user")
                let event = try audit.begin(
                    component: component, interface: context.interface, function: context.function,
                    arguments: argumentText, decision: decision)
                let aborted = StepAborted("before host call #\(steppedCalls)")
                try audit.finish(event, outcome: .failed(aborted.description))
                throw aborted
            }
        }
        if isWatching {
            observed.append(
                ObservedCall(
                    interface: context.interface, function: context.function, request: request,
                    wouldAllow: decision.isAllowed))
            let wouldDeny: String? = if case .deny(let reason) = decision { reason.kind } else { nil }
            auditDecision = AuditDecision(
                verdict: .allowed, authority: .watch, reason: wouldDeny,
                basis: wouldDeny == nil ? policy.basis(of: decision) : "would deny: " + policy.basis(of: decision))
            decision = .allow(CapabilityRule(interface: context.interface, function: context.function, scope: nil))
        }
        let event = try audit.begin(
            component: component, interface: context.interface, function: context.function,
            arguments: argumentText, decision: auditDecision)
        switch decision {
        case .allow(let grant):
            let result: ComponentValue?
            do {
                result = try host.call(
                    context.function, arguments,
                    authorization: HostAuthorization(grant: grant, policy: policy, context: context))
            } catch {
                try audit.finish(event, outcome: .failed("\(error)"))
                throw error
            }
            try audit.finish(event, outcome: .returned(Self.wave(result, context.type.result)))
            return result
        case .deny(let reason):
            let message = policy.denialMessage(reason)
            guard let errorValue = Self.errorValue(message, for: context.type.result) else {
                try audit.finish(event, outcome: .failed(message))
                throw HostError(message)
            }
            try audit.finish(event, outcome: .returned(Self.wave(errorValue, context.type.result)))
            return errorValue
        }
    }

    static func summary(of decision: Decision, in policy: Policy) -> String {
        switch decision {
        case .allow: return "ALLOW (\(policy.basis(of: decision)))"
        case .deny: return "DENY (\(policy.basis(of: decision)))"
        }
    }

    /// The host serving an imported interface name (which may carry `@version`), looked up once
    /// per name: splitting the name on every call was a measurable part of a host call.
    private var hostsByImportName: [String: (any HostInterface)?] = [:]

    private func host(for interface: String) -> (any HostInterface)? {
        if let known = hostsByImportName[interface] { return known }
        let host = hosts[InterfaceName(interface).unversioned]
        hostsByImportName[interface] = .some(host)
        return host
    }

    /// `err(message)` when the function returns `result<_, string>`; nil otherwise.
    static func errorValue(_ message: String, for type: ValueType?) -> ComponentValue? {
        guard case .result(_, let err)? = type?.underlying, err?.underlying == .string else { return nil }
        return .result(.err(.string(message)))
    }

    static func wave(_ arguments: [ComponentValue], _ type: FunctionType) -> String {
        var text = ""
        for (index, argument) in arguments.enumerated() where index < type.parameters.count {
            if index > 0 { text += ", " }
            WAVEFormatter.write(argument, as: type.parameters[index].type, to: &text)
        }
        return text
    }

    static func wave(_ result: ComponentValue?, _ type: ValueType?) -> String {
        guard let result, let type else { return "" }
        return WAVEFormatter.format(result, as: type)
    }
}
