import WasmComponent
import WasmRuntime

/// A loaded component behind its capability gate: what the shell, `invoke` and the demo use.
public final class SandboxedComponent {
    public let name: String
    public let component: LoadedComponent
    public let gate: CapabilityGate
    /// The SHA-256 (hex) of the binary, which `save` pins a manifest to: computed when first
    /// asked for (a pinned manifest, `save`), since hashing a large component takes a while.
    public private(set) lazy var binaryDigest = SHA256.hexDigest(of: bytes)
    private let bytes: [UInt8]
    /// What became of the manifest the policy was set up with, if there was one.
    public let manifest: ManifestReport?
    /// Optional grants left out because the component does not import what they name.
    public let skippedGrants: [GrantRequest]
    private let interrupts: InterruptBroadcaster
    private var interruptKey: Int?

    public var world: ComponentWorld { component.world }
    public var policy: Policy {
        get { gate.policy }
        set { gate.policy = newValue }
    }

    /// Loads `bytes` as `name`, with the policy `setup` makes (deny by default), before anything runs.
    public init(
        bytes: [UInt8], name: String, environment: SandboxEnvironment, debuggable: Bool = false,
        policy setup: PolicySetup = .none
    ) throws {
        self.name = name
        let binary = try ComponentParser.parse(bytes)
        self.bytes = bytes
        let root = environment.fileSystem.rootPath
        func setUp(_ world: ComponentWorld) throws -> (
            policy: Policy, manifest: ManifestReport?, skipped: [GrantRequest]
        ) {
            try setup.policy(
                component: name, catalog: ImportCatalog(world: world), root: root,
                binaryDigest: { SHA256.hexDigest(of: bytes) })
        }
        let state = HostState(output: environment.guestOutput(name), arguments: [name])
        // The policy names the component's imports, whose types come out of instantiating it.
        // Where a core module has a start function, guest code runs while it is instantiated, so
        // the policy must come first, from a walk of the component for its types alone; else
        // the component is instantiated under a policy that allows nothing (no guest code runs)
        // and then given its own, which saves that second walk (a fifth of a load).
        let early = try binary.hasCoreStartFunctions ? setUp(ComponentInspector.world(of: binary)) : nil
        let gate = CapabilityGate(
            component: name,
            policy: try early?.policy
                ?? Policy(
                    component: name, catalog: ImportCatalog(world: ComponentWorld(imports: [], exports: [])), root: root
                ),
            hosts: environment.hosts, audit: environment.audit, state: state)
        self.gate = gate
        self.component = try LoadedComponent(
            binary: binary, name: name, host: gate, limits: environment.limits, debuggable: debuggable,
            interrupts: environment.interrupts)
        let established = try early ?? setUp(component.world)
        if early == nil { gate.policy = established.policy }
        self.manifest = established.manifest
        self.skippedGrants = established.skipped
        self.interrupts = environment.interrupts
        self.interruptKey = environment.interrupts.register(component.interrupter)
    }

    deinit {
        if let interruptKey { interrupts.unregister(interruptKey) }
    }

    public func call(_ expression: String, variables: WAVEParser.VariableLookup? = nil) throws
        -> (export: ExportedFunction, result: ComponentValue?)
    {
        let call = try CallExpression(expression, in: component, variables: variables)
        return (call.export, try component.call(call.export, call.arguments))
    }
}
