import Capabilities
import WasmRuntime

enum RevokeCommand: ShellCommand {
    static let name = "revoke"
    static let usage = "revoke COMPONENT CAPABILITY[.FUNCTION] [PATH...] [--write]"
    static let summary = "take back exactly the grant named; takes effect on the next host call"
    static let example = "revoke malicious filesystem\nrevoke trusted filesystem ./demo.txt"

    static func run(_ arguments: String, in session: Session) throws {
        let request = try PolicyRequest(arguments, usage: usage, allowWrite: true)
        let component = try session.component(named: request.component)
        let changes = try component.sandboxed.policy.revoke(
            request.capability, scopes: request.scopes, access: request.write ? .write : nil)
        for change in changes { session.print(change.description) }
    }
}
