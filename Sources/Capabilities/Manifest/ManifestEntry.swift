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
    /// Where the entry and its keys are, for messages about them.
    public var location: Location

    public struct Location: Hashable, Sendable {
        public var table: Int
        public var interface: Int
        public var function: Int
        public var read: Int
        public var write: Int

        public init(table: Int, interface: Int? = nil, function: Int? = nil, read: Int? = nil, write: Int? = nil) {
            self.table = table
            self.interface = interface ?? table
            self.function = function ?? table
            self.read = read ?? table
            self.write = write ?? table
        }
    }

    public init(
        kind: Kind, interface: String, function: String? = nil, read: [String] = [], write: [String] = [],
        location: Location = Location(table: 1)
    ) {
        self.kind = kind
        self.interface = interface
        self.function = function
        self.read = read
        self.write = write
        self.location = location
    }
}
