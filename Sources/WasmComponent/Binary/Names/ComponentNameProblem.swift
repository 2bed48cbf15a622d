/// Why an import or export name is not valid. `explanation` reads after "is not valid: ".
package enum ComponentNameProblem: Error, Equatable, Sendable {
    case empty
    /// A part of the name, or the whole name, is not a kebab-case label (or lowercase words).
    case label(NamePart, String, LabelProblem)
    /// A `[...]` prefix other than `[constructor]`, `[method]` and `[static]`.
    case unknownAnnotation(String)
    /// `[method]` or `[static]` without the `.` between resource and function.
    case missingDot(annotation: String)
    /// An interface name without `/interface` after the package.
    case missingInterface
    case invalidVersion(String)
    /// A `versionsuffix` attribute on a name without `@version`.
    case versionSuffixWithoutVersion
    /// A `versionsuffix` attribute after a version that is not a `canonversion`.
    case versionNotCanonical(String)
    case invalidVersionSuffix(String)
    /// The version and its suffix together are not a semantic version.
    case invalidVersionWithSuffix(version: String, suffix: String)

    package var explanation: String {
        switch self {
        case .empty:
            return "it is empty"
        case .label(.whole, _, let problem):
            return "it \(problem.explanation)"
        case .label(let part, _, .empty):
            return "its \(part.rawValue) is empty"
        case .label(let part, let text, let problem):
            return "the \(part.rawValue) \(Self.quoted(text)) \(problem.explanation)"
        case .unknownAnnotation(let annotation):
            return "\(Self.quoted(annotation)) is not an annotation (they are [constructor], [method] and [static])"
        case .missingDot(let annotation):
            return "a \(annotation) name has the form '\(annotation)resource.function'"
        case .missingInterface:
            return "an interface name needs '/' and the interface after the package, as in 'wasi:cli/stdout'"
        case .invalidVersion(let version):
            return "the version \(Self.quoted(version)) is not a semantic version (major.minor.patch, as in '0.2.0')"
        case .versionSuffixWithoutVersion:
            return "it has a version suffix attribute, which only an interface name with '@version' may have"
        case .versionNotCanonical(let version):
            return "the version \(Self.quoted(version)) has a version suffix attribute, so it must be a canonical "
                + "version (as '1', '0.2' or '0.0.1')"
        case .invalidVersionSuffix(let suffix):
            return "the version suffix \(Self.quoted(suffix)) has characters other than 0-9, A-Z, a-z, '.', '+' and '-'"
        case .invalidVersionWithSuffix(let version, let suffix):
            return
                "the version \(Self.quoted(version)) with its suffix \(Self.quoted(suffix)) is not a semantic version"
        }
    }

    /// Parts are quoted shorter than whole names: the whole name is in the same message.
    private static func quoted(_ text: String) -> String { ControlCharacterEscaper.quoted(text, maximumScalars: 64) }
}
