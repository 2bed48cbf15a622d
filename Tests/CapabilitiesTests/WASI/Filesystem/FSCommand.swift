import Capabilities
import Foundation

/// One run of `components/wasi/fs.wasm` (`fs OP ARGS` in its first preopen) with grants and
/// explicit denies, relative paths against `root`: what it printed, how it ended, and its audit.
struct FSCommand {
    let stdout: String
    let stderr: String
    /// Nil when the run trapped; `trap` says why.
    let outcome: CommandRun.Outcome?
    let trap: String?
    let audit: AuditLog
    let fixture: WASIFixture

    /// `fs ARGUMENTS`, its `wasi:filesystem` grants `grants` (`HOST[::GUEST]`, read-only) and
    /// `writable` (read and write), its denies `denies` (read and write), stdout and stderr granted.
    static func run(
        _ arguments: [String], root: String, grants: [String] = [], writable: [String] = [], denies: [String] = [],
        unscoped: Bool = false, component: String = "fs", configure: (SandboxEnvironment) -> Void = { _ in }
    ) throws -> FSCommand {
        var requests = [GrantRequest("stdout"), GrantRequest("stderr")]
        if unscoped { requests.append(GrantRequest("wasi:filesystem")) }
        if !grants.isEmpty { requests.append(GrantRequest("wasi:filesystem", scopes: grants, access: .read)) }
        if !writable.isEmpty { requests.append(GrantRequest("wasi:filesystem", scopes: writable, access: .readWrite)) }
        let bytes = [UInt8](
            try Data(contentsOf: repositoryRoot.appendingPathComponent("components/wasi/\(component).wasm")))
        let fixture = try WASIFixture(
            bytes: bytes, name: component, grants: requests, root: root, configure: configure)
        if !denies.isEmpty { try fixture.component.policy.deny("wasi:filesystem", scopes: denies, access: .readWrite) }
        var outcome: CommandRun.Outcome?
        var trap: String?
        do {
            outcome = try fixture.run(arguments)
        } catch {
            trap = "\(error)"
        }
        return FSCommand(
            stdout: fixture.output.stdoutText, stderr: fixture.output.stderrText, outcome: outcome, trap: trap,
            audit: fixture.audit, fixture: fixture)
    }

    /// `fs: FUNCTION: CODE`, the line the fixture prints for a failure.
    var failure: String? {
        guard outcome == .returned(ok: false), stdout.isEmpty, stderr.hasPrefix("fs: ") else { return nil }
        return String(stderr.dropFirst(4).dropLast())
    }
}

extension AttackTree {
    /// The text of a file, by its path relative to the tree's root; nil when there is none.
    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: root + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }
}
