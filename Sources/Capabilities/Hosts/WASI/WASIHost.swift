import WasmComponent
import WasmRuntime

/// One WASI interface, served from a table of its functions: each with the shape of its type, the
/// authority a call needs, what a refused call gives back in WASI's terms, and the work.
/// `WASIHosts.all` lists them; a component's imports of any 0.2.x version find them by name.
final class WASIHost: HostInterface, @unchecked Sendable {
    struct Function {
        let signature: String
        /// What a call needs; by default a grant of the interface.
        var authority: (HostCallRequest) -> HostAuthority = { _ in .capability(.none) }
        /// What a call moved on a stream (`HostInterface.traffic`); nil for calls not on one.
        var traffic: ((HostCallRequest, ComponentValue?) -> StreamTraffic?)?
        /// What a refused call gives the guest; nil: the generic answer (a trap).
        var denied: ((HostCallRequest, String) throws -> ComponentValue?)?
        /// It gives nothing a grant could withhold, now or through what it returns (`given`):
        /// a component importing only such functions of an interface has nothing there to grant.
        var givesNothing = false
        let body: (WASICall) throws -> ComponentValue?
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
        functions[call.function]?.authority(call) ?? .capability(.none)
    }

    func deniedResult(for call: HostCallRequest, message: String) throws -> ComponentValue? {
        try functions[call.function]?.denied?(call, message)
    }

    func traffic(of call: HostCallRequest, result: ComponentValue?) -> StreamTraffic? {
        functions[call.function]?.traffic?(call, result)
    }

    func call(_ function: String, _ arguments: [ComponentValue], authorization: HostAuthorization) throws
        -> ComponentValue?
    {
        guard let entry = functions[function] else {
            throw HostError("\(interfaceName) has no function \(function)")
        }
        return try entry.body(WASICall(arguments: arguments, authorization: authorization))
    }
}

extension WASIHost.Function {
    /// A function that needs nothing beyond what the guest holds or was given.
    static func free(
        _ signature: String, _ basis: String,
        traffic: ((HostCallRequest, ComponentValue?) -> StreamTraffic?)? = nil,
        _ body: @escaping (WASICall) throws -> ComponentValue?
    ) -> Self {
        Self(signature: signature, authority: { _ in .none(basis: basis) }, traffic: traffic, body: body)
    }

    /// A function that gives only what the user gave the component (its arguments) or nothing
    /// at all: free, and no grant of its interface means anything for it (unlike `get-stdout`,
    /// free too, whose stream writes only under the grant).
    static func given(_ signature: String, _ basis: String, _ body: @escaping (WASICall) throws -> ComponentValue?)
        -> Self
    {
        Self(signature: signature, authority: { _ in .none(basis: basis) }, givesNothing: true, body: body)
    }

    /// A function that needs a grant of its interface.
    static func granted(
        _ signature: String, denied: ((HostCallRequest, String) throws -> ComponentValue?)? = nil,
        traffic: ((HostCallRequest, ComponentValue?) -> StreamTraffic?)? = nil,
        _ body: @escaping (WASICall) throws -> ComponentValue?
    ) -> Self {
        Self(signature: signature, traffic: traffic, denied: denied, body: body)
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
