import Capabilities
import WasmComponent
import WasmRuntime

/// A `--grant` flag: `filesystem`, `filesystem.read-file`, `filesystem=./a,./b` (read scopes),
/// or `filesystem=rw:./out` for read and write.
enum GrantFlag {
    static func parse(_ text: String) throws(ShellError) -> GrantRequest {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        var target = String(parts[0])
        guard !target.isEmpty else { throw ShellError("--grant needs a capability, e.g. --grant filesystem") }
        // `ns:pkg/iface.func` or `iface.func`: the function follows the last dot after the last slash.
        let afterSlash = target.lastIndex(of: "/").map { target.index(after: $0) } ?? target.startIndex
        var function: String?
        if let dot = target[afterSlash...].lastIndex(of: "."), !target[afterSlash...].contains("@") {
            function = String(target[target.index(after: dot)...])
            target = String(target[..<dot])
        }
        var access = PathAccess.read
        var scopes: [String] = []
        if parts.count == 2 {
            var scopeText = String(parts[1])
            if scopeText.hasPrefix("rw:") {
                access = .readWrite
                scopeText.removeFirst(3)
            }
            scopes = scopeText.split(separator: ",").map(String.init)
            guard !scopes.isEmpty else { throw ShellError("--grant \(text): no path after '='") }
        }
        return GrantRequest(target, function: function, scopes: scopes, access: access)
    }
}
