/// A problem with a manifest file, located by file and line: `manifests/x.toml:4: unknown key ...`.
public struct ManifestError: Error, Hashable, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based; nil only when the file could not be read at all.
    public let line: Int?
    /// 1-based, when known (TOML syntax errors).
    public let column: Int?
    public let message: String

    public init(file: String, line: Int?, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}
