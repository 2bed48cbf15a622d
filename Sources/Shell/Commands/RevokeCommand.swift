import Capabilities
import WasmRuntime

enum RevokeCommand: ShellCommand {
    static let name = "revoke"
    static let syntax = PolicyRequest.syntax
    static let summary = "take back exactly the grant named; takes effect on the next host call"
    static let example = "revoke malicious filesystem\nrevoke trusted filesystem ./demo.txt"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        let request = PolicyRequest(arguments)
        let component = try session.component(named: request.component)
        let changes = try component.sandboxed.policy.revoke(
            request.capability, scopes: request.scopes, access: request.write ? .write : nil)
        for change in changes { session.print(change.description) }
    }
}
