import Capabilities
import WASIOracleSupport

extension OracleCase {
    /// The grants that mirror the case's preopens (`--dir [rw:]HOST::GUEST`), its environment,
    /// and its standard output and error.
    var grants: [GrantRequest] {
        var grants = [GrantRequest("stdout"), GrantRequest("stderr")]
        for preopen in preopens {
            grants.append(
                GrantRequest(
                    "wasi:filesystem", scopes: ["\(preopen.host)::\(preopen.guest)"],
                    access: preopen.writable ? .readWrite : .read))
        }
        if !env.isEmpty {
            grants.append(GrantRequest("environment", scopes: env.map { $0.joined(separator: "=") }))
        }
        return grants
    }
}
