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
        let world = try ComponentInspector.world(of: binary)
        self.bytes = bytes
        let (policy, manifest, skipped) = try setup.policy(
            component: name, catalog: ImportCatalog(world: world), root: environment.fileSystem.rootPath,
            binaryDigest: { SHA256.hexDigest(of: bytes) })
        self.manifest = manifest
        self.skippedGrants = skipped
        let gate = CapabilityGate(
            component: name, policy: policy, hosts: environment.hosts, audit: environment.audit,
            state: HostState(output: environment.guestOutput(name), arguments: [name]))
        self.gate = gate
        self.component = try LoadedComponent(
            binary: binary, name: name, host: gate, limits: environment.limits, debuggable: debuggable,
            interrupts: environment.interrupts)
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
