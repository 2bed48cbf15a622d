import WasmComponent

/// A call named no export, or more than one: what was asked and what there is, so that a caller
/// can add its own way on (the shell names its `exports` command).
public struct ExportLookupError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Problem: Sendable, Equatable {
        /// No export has the name; `closest` are the names most like it (maybe none).
        case notFound(closest: [String])
        /// Several exports have it: name the interface.
        case ambiguous(candidates: [String])
    }

    /// Up to this many exports are listed whole in the message; more are counted.
    public static let listedExports = 8

    /// The name as the user wrote it.
    public let target: String
    public let problem: Problem
    /// Every export's qualified name (`echo.echo-u8`).
    public let exports: [String]
    /// The component whose exports these are, when the lookup knew it.
    public let component: String?

    public init(target: String, problem: Problem, exports: [String], component: String? = nil) {
        self.target = target
        self.problem = problem
        self.exports = exports
        self.component = component
    }

    /// Whether the message counts the exports instead of listing them.
    public var listsOnlyACount: Bool {
        if case .notFound = problem { return exports.count > Self.listedExports }
        return false
    }

    public var description: String {
        switch problem {
        case .ambiguous(let candidates):
            return "'\(target)' is ambiguous: it could be \(candidates.joined(separator: ", ")); name the interface"
        case .notFound(let closest):
            var text = "no exported function '\(target)'"
            if !closest.isEmpty { text += "; did you mean \(Suggestions.quoted(closest))?" }
            if exports.isEmpty { return text + "; the component exports no functions" }
            if listsOnlyACount { return text + " (\(exports.count) functions are exported)" }
            let all = exports.joined(separator: ", ")
            return text + (closest.isEmpty ? "; the component exports: \(all)" : " (the component exports: \(all))")
        }
    }
}
