import WasmComponent

/// `sandbox:skill/filesystem`: `read-file(path) -> result<string, string>` over the sandboxed
/// filesystem, which checks the grant's scope at open, component by component.
public final class FilesystemHost: HostInterface {
    public let interfaceName = "sandbox:skill/filesystem"
    public let signatures = ["read-file": "func(string) -> result<string, string>"]
    public let fileSystem: any FileSystemAccess

    public init(fileSystem: any FileSystemAccess) {
        self.fileSystem = fileSystem
    }

    public func authority(for call: HostCallRequest) -> HostAuthority {
        guard call.function == "read-file", case .string(let path)? = call.arguments.first else {
            return .capability(.none)
        }
        return .capability(.path(path, .read))
    }

    public func call(_ function: String, _ arguments: [ComponentValue], authorization: HostAuthorization) throws
        -> ComponentValue?
    {
        guard function == "read-file", arguments.count == 1, case .string(let path) = arguments[0] else {
            throw HostError("\(interfaceName) has no function \(function) taking these arguments")
        }
        let denied = authorization.deniedScopes(for: .read)
        switch fileSystem.readText(path, within: authorization.grant?.scope, excluding: denied) {
        case .success(let text): return .result(.ok(.string(text)))
        case .failure(let error): return .result(.err(.string(error.description)))
        }
    }
}

/// A host function that cannot do what was asked: it traps the guest with this message.
public struct HostError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
