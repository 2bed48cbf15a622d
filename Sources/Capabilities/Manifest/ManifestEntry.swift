/// One `[[grant]]` or `[[deny]]` table of a manifest, as written (names not yet resolved).
public struct ManifestEntry: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case grant, deny
    }

    public var kind: Kind
    /// `filesystem`, `sandbox:skill/filesystem`, ... (optionally `.function`).
    public var interface: String
    public var function: String?
    /// Path scopes with read access; with `write`, both empty means unscoped.
    public var read: [String]
    /// Path scopes with write access; a path in both lists gets read+write.
    public var write: [String]
    /// Environment variables (`wasi:cli/environment`): `NAME` or `NAME=VALUE`.
    public var variables: [String]
    /// Socket scopes (`wasi:sockets`): `USE ADDRESS`, as `tcp:connect 127.0.0.1:8080`.
    public var sockets: [String]
    /// Whether the entry names no scope at all: the whole interface (or function).
    public var isUnscoped: Bool { read.isEmpty && write.isEmpty && variables.isEmpty && sockets.isEmpty }
    /// Where the entry and its keys are, for messages about them.
    public var location: Location

    public struct Location: Hashable, Sendable {
        public var table: Int
        public var interface: Int
        public var function: Int
        public var read: Int
        public var write: Int
        public var variables: Int
        public var sockets: Int

        public init(
            table: Int, interface: Int? = nil, function: Int? = nil, read: Int? = nil, write: Int? = nil,
            variables: Int? = nil, sockets: Int? = nil
        ) {
            self.table = table
            self.interface = interface ?? table
            self.function = function ?? table
            self.read = read ?? table
            self.write = write ?? table
            self.variables = variables ?? table
            self.sockets = sockets ?? table
        }
    }

    public init(
        kind: Kind, interface: String, function: String? = nil, read: [String] = [], write: [String] = [],
        variables: [String] = [], sockets: [String] = [], location: Location = Location(table: 1)
    ) {
        self.kind = kind
        self.interface = interface
        self.function = function
        self.read = read
        self.write = write
        self.variables = variables
        self.sockets = sockets
        self.location = location
    }
}
