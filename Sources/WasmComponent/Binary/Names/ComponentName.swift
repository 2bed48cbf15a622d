/// An import or export name checked against the component model's grammar (Explainer.md,
/// "Import and Export Definitions"):
///
///     externname    ::= plainname | interfacename
///     plainname     ::= label | '[constructor]' label | '[method]' label '.' label
///                     | '[static]' label '.' label
///     interfacename ::= namespace+ words projection+ ('@' version)?   (more than one namespace
///                                                                       or projection: 🪺 nested)
///     namespace     ::= words ':'
///     projection    ::= '/' label
///
/// The version is a `valid semver`, or, with a `versionsuffix` attribute (🔗), a `canonversion`
/// that makes a valid semver together with the suffix. Labels and words: `KebabCase`.
package struct ComponentName: Equatable, Sendable {
    package enum Kind: Equatable, Sendable {
        case label, constructor, method, staticFunction, interface
    }

    package let text: String
    package let kind: Kind
    /// The name canonicalized for the "strongly unique" rule (Explainer.md, "Name Uniqueness"):
    /// letters lowercased (but for an interface name's version), `[method]` and `[static]`
    /// dropped, and `[method]l.l` or `[static]l.l` reduced to `l`. Two names in one scope must
    /// not have the same key.
    package let uniquenessKey: String

    package init(validating text: String, versionSuffix: String? = nil) throws(ComponentNameProblem) {
        self.text = text
        var contiguous = text
        switch contiguous.withUTF8(Self.classify) {
        case .empty:
            throw .empty
        case .constructor:
            let resource = Self.dropping(Self.constructorPrefix.count, of: text)
            let hasUppercase = try Self.checkLabel(resource, .resource)
            kind = .constructor
            uniquenessKey = hasUppercase ? "[constructor]" + KebabCase.lowercased(resource) : text
        case .resourceFunction(let prefixLength, let dot):
            let annotation = String(text[..<text.utf8.index(text.utf8.startIndex, offsetBy: prefixLength)])
            guard let dot else { throw .missingDot(annotation: annotation) }
            let dotIndex = text.utf8.index(text.utf8.startIndex, offsetBy: dot)
            let resource = Self.dropping(prefixLength, of: text)[..<dotIndex]
            let function = text[text.utf8.index(after: dotIndex)...]
            let resourceHasUppercase = try Self.checkLabel(resource, .resource)
            let functionHasUppercase = try Self.checkLabel(function, .function)
            kind = annotation == "[method]" ? .method : .staticFunction
            let resourceKey = resourceHasUppercase ? KebabCase.lowercased(resource) : String(resource)
            let functionKey = functionHasUppercase ? KebabCase.lowercased(function) : String(function)
            uniquenessKey = resourceKey == functionKey ? resourceKey : resourceKey + "." + functionKey
        case .unknownAnnotation(let close):
            throw .unknownAnnotation(String(text[...text.utf8.index(text.utf8.startIndex, offsetBy: close)]))
        case .interface:
            try Self.checkInterfaceName(text, versionSuffix: versionSuffix)
            kind = .interface
            // The version keeps its case: `@1.0.0-RC` and `@1.0.0-rc` are different versions
            // (wasm-tools agrees).
            let at = text.utf8.firstIndex(of: UInt8(ascii: "@")) ?? text.endIndex
            uniquenessKey = KebabCase.lowercased(text[..<at]) + text[at...]
        case .label:
            let hasUppercase = try Self.checkLabel(text[...], .whole)
            kind = .label
            uniquenessKey = hasUppercase ? KebabCase.lowercased(text[...]) : text
        }
        if versionSuffix != nil, kind != .interface { throw .versionSuffixWithoutVersion }
    }

    private static let constructorPrefix = Array("[constructor]".utf8)
    private static let methodPrefix = Array("[method]".utf8)
    private static let staticPrefix = Array("[static]".utf8)

    /// Which production the name can only be, from its first bytes; byte offsets.
    private enum Shape {
        case empty, constructor, interface, label
        case resourceFunction(prefixLength: Int, dot: Int?)
        case unknownAnnotation(close: Int)
    }

    private static func classify(_ bytes: UnsafeBufferPointer<UInt8>) -> Shape {
        guard let first = bytes.first else { return .empty }
        if first == UInt8(ascii: "[") {
            if bytes.starts(with: constructorPrefix) { return .constructor }
            for prefix in [methodPrefix, staticPrefix] where bytes.starts(with: prefix) {
                let dot = bytes[prefix.count...].firstIndex(of: UInt8(ascii: "."))
                return .resourceFunction(prefixLength: prefix.count, dot: dot)
            }
            if let close = bytes.firstIndex(of: UInt8(ascii: "]")) { return .unknownAnnotation(close: close) }
        }
        return bytes.contains(UInt8(ascii: ":")) ? .interface : .label
    }

    private static func dropping(_ count: Int, of text: String) -> Substring {
        text[text.utf8.index(text.utf8.startIndex, offsetBy: count)...]
    }

    /// Throws when `text` is not a label; returns whether it has uppercase letters.
    @discardableResult
    private static func checkLabel(_ text: Substring, _ part: NamePart, lowercaseOnly: Bool = false)
        throws(ComponentNameProblem) -> Bool
    {
        let (problem, hasUppercase) = KebabCase.check(text, lowercaseOnly: lowercaseOnly)
        if let problem { throw .label(part, String(text), problem) }
        return hasUppercase
    }

    private static func checkInterfaceName(_ text: String, versionSuffix: String?) throws(ComponentNameProblem) {
        let at = text.utf8.firstIndex(of: UInt8(ascii: "@"))
        var rest = text[..<(at ?? text.endIndex)]
        while let colon = rest.utf8.firstIndex(of: UInt8(ascii: ":")) {
            try checkLabel(rest[..<colon], .namespace, lowercaseOnly: true)
            rest = rest[rest.utf8.index(after: colon)...]
        }
        guard let slash = rest.utf8.firstIndex(of: UInt8(ascii: "/")) else {
            try checkLabel(rest, .package, lowercaseOnly: true)
            throw .missingInterface
        }
        try checkLabel(rest[..<slash], .package, lowercaseOnly: true)
        rest = rest[rest.utf8.index(after: slash)...]
        while true {
            let next = rest.utf8.firstIndex(of: UInt8(ascii: "/"))
            try checkLabel(rest[..<(next ?? rest.endIndex)], .interface)
            guard let next else { break }
            rest = rest[rest.utf8.index(after: next)...]
        }
        guard let at else {
            if versionSuffix != nil { throw .versionSuffixWithoutVersion }
            return
        }
        let version = text[text.utf8.index(after: at)...]
        guard let versionSuffix else {
            guard SemanticVersion.isValid(version) else { throw .invalidVersion(String(version)) }
            return
        }
        guard SemanticVersion.isCanonical(version) else { throw .versionNotCanonical(String(version)) }
        guard SemanticVersion.isSuffix(versionSuffix[...]) else { throw .invalidVersionSuffix(versionSuffix) }
        guard SemanticVersion.isValid((String(version) + versionSuffix)[...]) else {
            throw .invalidVersionWithSuffix(version: String(version), suffix: versionSuffix)
        }
    }
}
