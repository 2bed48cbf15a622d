/// A package interface's name, `namespace:package/interface@version`, taken apart.
struct WITInterfacePath: Hashable {
    var namespace: String
    var package: String
    var interface: String
    var version: String?

    /// Nil for a plain kebab name (an inline interface) or anything not shaped like an ID.
    init?(_ name: String) {
        guard let colon = name.firstIndex(of: ":") else { return nil }
        let afterColon = name.index(after: colon)
        guard let slash = name[afterColon...].firstIndex(of: "/") else { return nil }
        let afterSlash = name.index(after: slash)
        let at = name[afterSlash...].firstIndex(of: "@")
        namespace = String(name[..<colon])
        package = String(name[afterColon..<slash])
        interface = String(name[afterSlash..<(at ?? name.endIndex)])
        version = at.map { String(name[name.index(after: $0)...]) }
        guard !namespace.isEmpty, !package.isEmpty, !interface.isEmpty else { return nil }
    }

    /// Identifies the package: `ns:pkg@1.0.0`, unescaped.
    var packageKey: String {
        namespace + ":" + package + (version.map { "@" + $0 } ?? "")
    }

    /// `ns:pkg@1.0.0` as a `package` header prints it.
    var printedPackageName: String {
        WITKeywords.escape(namespace) + ":" + WITKeywords.escape(package)
            + (version.map { "@" + $0 } ?? "")
    }

    /// `ns:pkg/iface@1.0.0` as an import, export or foreign `use` prints it.
    var printedPath: String {
        WITKeywords.escape(namespace) + ":" + WITKeywords.escape(package) + "/"
            + WITKeywords.escape(interface) + (version.map { "@" + $0 } ?? "")
    }
}
