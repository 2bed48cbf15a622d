import WasmComponent
import WasmRuntime

/// One WASI interface, served from a table of its functions: each with the shape of its type, the
/// authority a call needs, what a refused call gives back in WASI's terms, and the work.
/// `WASIHosts.all` lists them; a component's imports of any 0.2.x version find them by name.
final class WASIHost: HostInterface, @unchecked Sendable {
    /// A class: a call looks its function up three times (authority, work, traffic), and a
    /// reference is one retain where a copy of its closures was five.
    final class Function {
        let signature: String
        /// What a call needs; by default a grant of the interface.
        let authority: (HostCallRequest) -> HostAuthority
        /// What a call moved on a stream (`HostInterface.traffic`); nil for calls not on one.
        let traffic: ((HostCallRequest, ComponentValue?) -> StreamTraffic?)?
        /// What a refused call gives the guest; nil: the generic answer (a trap).
        let denied: ((HostCallRequest, String) throws -> ComponentValue?)?
        /// It gives nothing a grant could withhold, now or through what it returns (`given`):
        /// a component importing only such functions of an interface has nothing there to grant.
        let givesNothing: Bool
        let body: (WASICall) throws -> ComponentValue?

        init(
            signature: String, authority: @escaping (HostCallRequest) -> HostAuthority = { _ in .capability(.none) },
            traffic: ((HostCallRequest, ComponentValue?) -> StreamTraffic?)? = nil,
            denied: ((HostCallRequest, String) throws -> ComponentValue?)? = nil, givesNothing: Bool = false,
            body: @escaping (WASICall) throws -> ComponentValue?
        ) {
            self.signature = signature
            self.authority = authority
            self.traffic = traffic
            self.denied = denied
            self.givesNothing = givesNothing
            self.body = body
        }
    }

    let interfaceName: String
    let signatures: [String: String]
    /// The functions that give nothing a grant could withhold.
    let ungatedFunctions: Set<String>
    private let functions: [String: Function]

    init(_ interfaceName: String, _ functions: [String: Function]) {
        self.interfaceName = interfaceName
        self.functions = functions
        signatures = functions.mapValues(\.signature)
        ungatedFunctions = Set(functions.filter(\.value.givesNothing).keys)
    }

    func authority(for call: HostCallRequest) -> HostAuthority {
        function(call.context)?.authority(call) ?? .capability(.none)
    }

    func deniedResult(for call: HostCallRequest, message: String) throws -> ComponentValue? {
        try function(call.context)?.denied?(call, message)
    }

    func traffic(of call: HostCallRequest, result: ComponentValue?) -> StreamTraffic? {
        function(call.context)?.traffic?(call, result)
    }

    func call(_ function: String, _ arguments: [ComponentValue], authorization: HostAuthorization) throws
        -> ComponentValue?
    {
        guard function == authorization.context.function, let entry = self.function(authorization.context) else {
            throw HostError("\(interfaceName) has no function \(function)")
        }
        return try entry.body(WASICall(arguments: arguments, authorization: authorization))
    }

    func binding(for function: String) -> AnyObject? { functions[function] }

    /// The entry of the function an import calls: found at load (`binding(for:)`), since a call
    /// asks for it three times (authority, work, traffic) and hashing its name was a tenth of a
    /// clock call.
    private func function(_ context: HostCallContext) -> Function? {
        context.hostBinding as? Function ?? functions[context.function]
    }
}

extension WASIHost.Function {
    /// A function that needs nothing beyond what the guest holds or was given.
    static func free(
        _ signature: String, _ basis: String,
        traffic: ((HostCallRequest, ComponentValue?) -> StreamTraffic?)? = nil,
        _ body: @escaping (WASICall) throws -> ComponentValue?
    ) -> WASIHost.Function {
        WASIHost.Function(signature: signature, authority: { _ in .none(basis: basis) }, traffic: traffic, body: body)
    }

    /// A function that gives only what the user gave the component (its arguments) or nothing
    /// at all: free, and no grant of its interface means anything for it (unlike `get-stdout`,
    /// free too, whose stream writes only under the grant).
    static func given(_ signature: String, _ basis: String, _ body: @escaping (WASICall) throws -> ComponentValue?)
        -> WASIHost.Function
    {
        WASIHost.Function(signature: signature, authority: { _ in .none(basis: basis) }, givesNothing: true, body: body)
    }

    /// A function that needs a grant of its interface.
    static func granted(
        _ signature: String, denied: ((HostCallRequest, String) throws -> ComponentValue?)? = nil,
        traffic: ((HostCallRequest, ComponentValue?) -> StreamTraffic?)? = nil,
        _ body: @escaping (WASICall) throws -> ComponentValue?
    ) -> WASIHost.Function {
        WASIHost.Function(signature: signature, traffic: traffic, denied: denied, body: body)
    }

    /// Traffic on a channel that is no stream (the clocks, randomness): calls many programs make
    /// by the dozen before `main`, summed up on the terminal like stream operations.
    static func traffic(
        _ channel: String, _ direction: StreamTraffic.Direction, bytes: @escaping (HostCallRequest) -> UInt64
    )
        -> (HostCallRequest, ComponentValue?) -> StreamTraffic?
    {
        { call, _ in StreamTraffic(channel: channel, direction: direction, bytes: bytes(call)) }
    }
}
