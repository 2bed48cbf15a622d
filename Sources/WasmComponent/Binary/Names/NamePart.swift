/// The part of an import or export name that a problem is in.
package enum NamePart: String, Equatable, Sendable {
    case whole = "name"
    case resource = "resource name"
    case function = "function name"
    case namespace = "namespace"
    case package = "package name"
    case interface = "interface name"
}
