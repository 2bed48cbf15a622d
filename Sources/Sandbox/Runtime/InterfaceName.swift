/// The parts of an interface name `ns:pkg/iface@1.2.3`; plain names have only `interface`.
public struct InterfaceName: Hashable, Sendable {
    public var full: String
    /// `ns:pkg/iface` without the version.
    public var unversioned: String
    /// `iface`: what the user types in `grant C filesystem`.
    public var short: String

    public init(_ full: String) {
        self.full = full
        let withoutVersion = full.split(separator: "@", maxSplits: 1).first.map(String.init) ?? full
        unversioned = withoutVersion
        short = withoutVersion.split(separator: "/").last.map(String.init) ?? withoutVersion
    }
}
