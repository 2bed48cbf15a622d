import Capabilities
import WasmRuntime

enum GrantCommand: ShellCommand {
    static let name = "grant"
    static let syntax = PolicyRequest.syntax
    static let summary =
        "allow an imported interface (short or full name), optionally one function, optionally path scopes"
    static let example =
        "grant malicious filesystem\ngrant trusted filesystem ./demo.txt\ngrant app sandbox:skill/filesystem.read-file /tmp --write"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        let request = PolicyRequest(arguments)
        let component = try session.component(named: request.component)
        let changes = try component.sandboxed.policy.grant(
            request.capability, scopes: request.scopes, access: request.write ? .readWrite : .read)
        for change in changes { session.print(change.description) }
    }
}

/// `COMPONENT CAPABILITY[.FUNCTION] [PATH...] [--write]`, shared by grant and revoke.
struct PolicyRequest {
    static let syntax = CommandSyntax([
        .argument(.component), .argument(Argument("CAPABILITY[.FUNCTION]", .capability)), .optional([.repeated(path)]),
        .flag(writeFlag),
    ])
    static let path = Argument("PATH", .path)
    static let writeFlag = "--write"

    var component: String
    var capability: String
    var scopes: [String]
    var write: Bool

    init(_ arguments: ParsedArguments) {
        component = arguments.component
        capability = arguments["CAPABILITY[.FUNCTION]"] ?? ""
        scopes = arguments.all(Self.path.placeholder)
        write = arguments.has(Self.writeFlag)
    }
}
