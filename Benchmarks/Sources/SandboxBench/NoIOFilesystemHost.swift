import Capabilities
import WasmComponent
import WasmRuntime

/// `sandbox:skill/filesystem` without the file: the same scope request as the real host, so the
/// capability gate decides and audits every call exactly as it does for the real one, and then
/// `ok("x")` instead of opening the file. It shows what an audited host call costs apart from
/// file I/O. Given to `SandboxEnvironment(extraHosts:)`, it takes the place of the real host.
final class NoIOFilesystemHost: HostInterface {
    let interfaceName = "sandbox:skill/filesystem"
    let functionNames = ["read-file"]

    func scopeRequest(for function: String, arguments: [ComponentValue]) -> ScopeRequest {
        guard function == "read-file", case .string(let path)? = arguments.first else { return .none }
        return .path(path, .read)
    }

    func call(_ function: String, _ arguments: [ComponentValue], authorization: HostAuthorization) throws
        -> ComponentValue?
    {
        .result(.ok(.string("x")))
    }
}
