/// Where a session finds things, and how it talks.
public struct SessionSettings: Sendable {
    /// `load NAME` looks for `components/NAME.wasm` here.
    public var componentsDirectory = "components"
    /// `load NAME` applies `manifests/NAME.toml` from here when present.
    public var manifestsDirectory = "manifests"
    /// Relative paths a component asks the filesystem host for resolve against this directory.
    public var root = "."
    /// Append every audit record to this JSONL file.
    public var auditLogPath: String?
    /// Whether standard output is a terminal: then a long result prints cut short, and text from
    /// a guest is shown with its control characters escaped.
    public var outputIsTerminal = false
    /// Where to look for source files DWARF names, besides the paths it gives (`--source-dir`).
    public var sourceDirectories: [String] = []
    /// The width help and long messages wrap to; nil: the terminal's width when the output is a
    /// terminal, else they are not wrapped.
    public var lineWidth: Int?

    public init() {}
}
