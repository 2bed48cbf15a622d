import WasmComponent

extension FilesystemHosts {
    /// The object behind argument `index`, before the call is decided.
    static func object<T>(_ call: HostCallRequest, _ index: Int = 0, as type: T.Type) -> T? {
        guard index < call.arguments.count, case .handle(let handle) = call.arguments[index] else { return nil }
        return try? WASICall.object(handle, in: call.context, state: call.state, as: type)
    }

    /// Whether `flag` is set in the `flags` argument `index` of a call not yet decided.
    static func flag(_ call: HostCallRequest, _ index: Int, _ flag: String) -> Bool {
        guard index < call.arguments.count, case .flags(let names) = call.arguments[index] else { return false }
        return names.contains(flag)
    }

    /// A method that works on a descriptor alone: it needs the grant the descriptor flows from,
    /// covering the descriptor's own path with `access`.
    static func onDescriptor(
        _ signature: String, _ access: PathAccess, _ body: @escaping (WASICall, WASIDescriptor) throws -> ComponentValue
    ) -> WASIHost.Function {
        let authority: (HostCallRequest) -> HostAuthority = { call in
            object(call, as: WASIDescriptor.self)?.authority(call.function, access)
                ?? .none(basis: "not a descriptor the host made")
        }
        return WASIHost.Function(
            signature: signature, authority: authority, denied: { call, _ in refusal(call, authority(call)).failure },
            body: { call in try body(call, try call.object(0, as: WASIDescriptor.self)) })
    }

    /// A method that takes a path beneath a directory descriptor (argument `path`): it needs the
    /// grant the descriptor flows from, covering the host path the guest's path resolves to (the
    /// last name followed when `follow` says so) with `access`. That host path is what the audit
    /// records; the call walks the path again and acts only where it leads to the same place, or
    /// to one the policy allows too (the filesystem may change in between).
    static func atPath(
        _ signature: String, path pathIndex: Int, follow: @escaping (HostCallRequest) -> Bool,
        access: @escaping (HostCallRequest) -> PathAccess,
        _ body: @escaping (WASICall, WASIDescriptor, String) throws -> ComponentValue
    ) -> WASIHost.Function {
        let authority: (HostCallRequest) -> HostAuthority = { call in
            guard let descriptor = object(call, as: WASIDescriptor.self), pathIndex < call.arguments.count,
                case .string(let path) = call.arguments[pathIndex]
            else { return .none(basis: "not a descriptor the host made") }
            let hostPath = descriptor.hostPath(resolving: path, followLast: follow(call))
            descriptor.decided = (call.function, path, hostPath)
            return descriptor.authority(call.function, path: hostPath, access(call))
        }
        let denied: (HostCallRequest, String) -> ComponentValue? = { call, _ in
            let code = refusal(call, authority(call))
            object(call, as: WASIDescriptor.self)?.decided = nil
            return code.failure
        }
        return WASIHost.Function(
            signature: signature, authority: authority, denied: denied,
            body: { call in
                let descriptor = try call.object(0, as: WASIDescriptor.self)
                defer { descriptor.decided = nil }
                return try body(call, descriptor, try call.string(pathIndex))
            })
    }

    /// What a refused call gives the guest: `access` when an explicit deny refused it (or the
    /// user did, at a step); `not-permitted` when no grant covers it (a path outside every
    /// preopen, a write where only reading is granted), as wasmtime answers an escape or a write
    /// to a read-only preopen.
    static func refusal(_ call: HostCallRequest, _ authority: HostAuthority) -> FilesystemErrorCode {
        guard case .inherited(let interface, let function, let request, _, _) = authority else { return .notPermitted }
        switch call.policy.decide(interface: interface, function: function, request: request) {
        case .allow, .deny(.explicitlyDenied), .deny(.userDenied): return .access
        case .deny: return .notPermitted
        }
    }

    /// The same, for a path checked while the call runs (the destination of a rename or a link,
    /// a place the filesystem changed to): `access` when an explicit deny covers it.
    static func refusal(_ hostPath: String, _ access: PathAccess, _ authorization: HostAuthorization)
        -> FilesystemErrorCode
    {
        let cleaned = LexicalPath.cleanedAbsoluteBytes(of: hostPath, root: [])
        let denied = cleaned.withUnsafeBufferPointer { request in
            authorization.deniedScopes(for: access).contains { $0.covers(request) }
        }
        return denied ? .access : .notPermitted
    }

    /// Walks `path` beneath `descriptor` for a call that needs `access` there, and runs `step` on
    /// its last name: where the path leads is checked against explicit denies by identity all the
    /// way, and against the policy again when it is not where the call was decided.
    static func walk<Value>(
        _ call: WASICall, _ descriptor: WASIDescriptor, _ path: String, followLast: Bool, access: PathAccess,
        _ step: (BeneathWalk.LastName, String) -> Result<Value, FilesystemErrorCode>
    ) -> Result<Value, FilesystemErrorCode> {
        let decided = descriptor.decided
        let denied = WASIDescriptor.identities(of: call.authorization.deniedScopes(for: access))
        return descriptor.walk(path, followLast: followLast, denied: denied) { last, hostPath in
            let wasDecided =
                decided?.function == call.context.function && decided?.path == path
                && decided?.hostPath == hostPath
            if !wasDecided, let refused = check(call, descriptor, hostPath, access) { return .failure(refused) }
            return step(last, hostPath)
        }.mapError(\.code)
    }

    /// Nil when the policy allows `access` at `hostPath` through `descriptor`'s grant; else why not.
    static func check(_ call: WASICall, _ descriptor: WASIDescriptor, _ hostPath: String, _ access: PathAccess)
        -> FilesystemErrorCode?
    {
        let allowed = call.authorization.allows(
            descriptor.grant.interface, function: call.context.function, .path(hostPath, access))
        return allowed ? nil : refusal(hostPath, access, call.authorization)
    }
}
