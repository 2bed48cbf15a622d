/// A filesystem scope of a grant or deny: a file or directory (and everything beneath it) with the
/// access allowed or denied there.
public struct PathScope: Hashable, Sendable, CustomStringConvertible {
    /// The cleaned path as the user wrote it: relative paths keep a leading `./` and resolve
    /// against the session root (`./demo.txt`), absolute paths are cleaned (`/etc/hostname`).
    public let path: String
    public internal(set) var access: PathAccess
    /// For a directory given to a WASI guest (a preopen): the name the guest sees it by
    /// (`/data` in `./data::/data`); nil for other scopes.
    public let guest: String?
    /// `path` made absolute against the policy's root, lexically cleaned, as bytes without a
    /// trailing slash (empty for `/`): what requests are compared to.
    let absoluteBytes: [UInt8]

    init(path: String, access: PathAccess, root: [UInt8], guest: String? = nil) {
        let display = LexicalPath.displayForm(of: path)
        self.path = display
        self.access = access
        self.guest = guest
        self.absoluteBytes = LexicalPath.cleanedAbsoluteBytes(of: display, root: root)
    }

    /// The path, or `HOST::GUEST` for a preopen: what tells two scopes apart.
    public var key: String { guest.map { "\(path)::\($0)" } ?? path }

    /// `./demo.txt` for a read scope (the common case), `./out [write]`, `./data::/data [read+write]`.
    public var description: String {
        access == .read ? key : "\(key) [\(access)]"
    }

    /// True when the cleaned request (byte form) lies at or beneath this scope.
    func covers(_ request: UnsafeBufferPointer<UInt8>) -> Bool {
        absoluteBytes.withUnsafeBufferPointer { LexicalPath.covers(scope: $0, request: request) }
    }

    /// True when `other` lies at or beneath this scope.
    func covers(_ other: PathScope) -> Bool {
        other.absoluteBytes.withUnsafeBufferPointer { covers($0) }
    }
}
