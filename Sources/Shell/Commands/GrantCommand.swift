import Capabilities
import WasmRuntime

enum GrantCommand: ShellCommand {
    static let name = "grant"
    static let usage = "grant COMPONENT CAPABILITY[.FUNCTION] [PATH...] [--write]"
    static let summary =
        "allow an imported interface (short or full name), optionally one function, optionally path scopes"
    static let example =
        "grant malicious filesystem\ngrant trusted filesystem ./demo.txt\ngrant app sandbox:skill/filesystem.read-file /tmp --write"

    static func run(_ arguments: String, in session: Session) throws {
        let request = try PolicyRequest(arguments, usage: usage, allowWrite: true)
        let component = try session.component(named: request.component)
        let changes = try component.sandboxed.policy.grant(
            request.capability, scopes: request.scopes, access: request.write ? .readWrite : .read)
        for change in changes { session.print(change.description) }
    }
}

/// `COMPONENT CAPABILITY [PATH...] [--write]`, shared by grant and revoke.
struct PolicyRequest {
    var component: String
    var capability: String
    var scopes: [String]
    var write: Bool

    init(_ arguments: String, usage: String, allowWrite: Bool) throws {
        var words = try Words.split(arguments)
        write = false
        if let index = words.firstIndex(of: "--write") {
            guard allowWrite else { throw ShellError("--write is not an option here; usage: \(usage)") }
            write = true
            words.remove(at: index)
        }
        if let flag = words.first(where: { $0.hasPrefix("--") }) {
            throw ShellError("unknown option \(flag); usage: \(usage)")
        }
        guard words.count >= 2 else { throw ShellError("usage: \(usage)") }
        component = words[0]
        capability = words[1]
        scopes = Array(words.dropFirst(2))
    }
}
