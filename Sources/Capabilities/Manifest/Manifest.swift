import TOMLKit

/// A component's capabilities as written in `manifests/NAME.toml` (format: README.md, Capabilities and manifests).
///
/// Two steps, so that every message can name the file and the line: `parse` checks the TOML
/// and the manifest's shape (keys, types, paths); `policy(...)` resolves interface names against the
/// component's imports and builds the `Policy`.
public struct Manifest: Hashable, Sendable {
    /// The file the manifest came from (or will be saved to), for messages.
    public var file: String
    /// The component the manifest says it is for, if it says.
    public var component: String?
    /// The SHA-256 (hex) of the one binary the manifest's grants are for, when `save` pinned it:
    /// another binary loaded under the same name gets none of them.
    public var sha256: String?
    public var entries: [ManifestEntry]
    /// Where `component = ...` is.
    var componentLine: Int

    public init(file: String, component: String?, entries: [ManifestEntry]) {
        self.file = file
        self.component = component
        self.entries = entries
        self.componentLine = 1
    }

    static let topLevelKeys = ["component", "sha256", "grant", "deny"]
    static let entryKeys = ["interface", "function", "read", "write", "variables", "sockets"]

    /// The largest manifest read or parsed, in bytes. Manifests are hostile input like any other:
    /// this bounds what one can make the host allocate (TOMLKit's document, the positions, the
    /// rules), and loading is linear in it. Room for some 20,000 `[[grant]]` tables or 100,000
    /// scopes in one list; the worst 1 MiB manifest (124,000 one-letter scopes) loads in under a
    /// second in under 100 MB (4 MiB would allow 270 MB).
    public static let sizeLimit = 1 << 20
    /// How deep tables, arrays and dotted keys may nest. A manifest needs 3 (`[[grant]]`, its
    /// table, a `read` list); the bound keeps hostile nesting from the parsers' recursion.
    public static let nestingLimit = 32

    static let tooLargeMessage =
        "the manifest is larger than the limit of \(FileAccessError.byteCount(sizeLimit)) for a manifest"

    // MARK: Reading

    /// Reads and parses a manifest file.
    public static func load(contentsOf path: String) throws(ManifestError) -> Manifest {
        let text: String
        do {
            text = try TextFile.contents(of: path, limit: sizeLimit)
        } catch .tooLarge {
            throw ManifestError(file: path, line: nil, message: tooLargeMessage)
        } catch {
            throw ManifestError(file: path, line: nil, message: "cannot read the manifest: \(error.message)")
        }
        return try parse(text, file: path)
    }

    /// Parses manifest text; `file` names it in messages.
    public static func parse(_ text: String, file: String) throws(ManifestError) -> Manifest {
        if text.utf8.count > sizeLimit {
            throw ManifestError(file: file, line: nil, message: tooLargeMessage)
        }
        // Positions first: the scan also refuses what TOMLKit must never see (NUL characters, deep nesting).
        let root: TOMLSourceNode
        do {
            root = try TOMLSourceScanner.scan(text, nestingLimit: nestingLimit)
        } catch {
            switch error {
            case .nulCharacter(let line):
                throw ManifestError(
                    file: file, line: line, message: "NUL characters (\\u0000) are not allowed in a manifest")
            case .nestedTooDeep(let line, let limit):
                throw ManifestError(
                    file: file, line: line,
                    message:
                        "tables, arrays and dotted keys are nested more than \(limit) deep (the limit for a manifest)")
            }
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ManifestError(
                file: file, line: error.source.begin.line, column: error.source.begin.column,
                message: "TOML syntax error: \(error.description)")
        } catch {
            throw ManifestError(file: file, line: 1, message: "TOML syntax error: \(error)")
        }

        let unknown = table.keys.filter { !topLevelKeys.contains($0) }
            .map { (key: $0, line: root.line(of: $0) ?? 1) }
            .sorted { ($0.line, $0.key) < ($1.line, $1.key) }
        if let first = unknown.first {
            throw ManifestError(
                file: file, line: first.line,
                message: "unknown key '\(first.key)' (expected \(topLevelKeys.joined(separator: ", ")))")
        }

        var manifest = Manifest(file: file, component: nil, entries: [])
        if let value = table["component"] {
            let line = root.line(of: "component") ?? 1
            guard let name = value.string else {
                throw ManifestError(
                    file: file, line: line, message: "'component' must be a string, not \(typeName(value.type))")
            }
            manifest.component = name
            manifest.componentLine = line
        }
        if let value = table["sha256"] {
            let line = root.line(of: "sha256") ?? 1
            guard let digest = value.string, digest.utf8.count == 64,
                digest.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
            else {
                throw ManifestError(
                    file: file, line: line,
                    message: "'sha256' must be the 64 lowercase hexadecimal digits of a SHA-256 digest")
            }
            manifest.sha256 = digest
        }
        // Entries in file order: grants and denies interleave as written.
        var entries: [ManifestEntry] = []
        for kind in [ManifestEntry.Kind.grant, .deny] {
            guard let value = table[kind.rawValue] else { continue }
            let listLine = root.line(of: kind.rawValue) ?? 1
            guard let array = value.array else {
                throw ManifestError(
                    file: file, line: listLine,
                    message:
                        "'\(kind.rawValue)' must be an array of tables ([[\(kind.rawValue)]]), not \(typeName(value.type))"
                )
            }
            let listNode = root.node(of: kind.rawValue)
            for (index, element) in array.enumerated() {
                let line = listNode?.line(ofElement: index) ?? listLine
                guard let entryTable = element.table else {
                    throw ManifestError(
                        file: file, line: line,
                        message: "each '\(kind.rawValue)' must be a table, not \(typeName(element.type))")
                }
                let entryNode = listNode?.node(ofElement: index) ?? TOMLSourceNode(line: line, depth: 2, isArray: false)
                entries.append(try parseEntry(entryTable, kind: kind, node: entryNode, file: file))
            }
        }
        manifest.entries = entries.sorted { $0.location.table < $1.location.table }
        return manifest
    }

    private static func parseEntry(
        _ table: TOMLTable, kind: ManifestEntry.Kind, node: TOMLSourceNode, file: String
    ) throws(ManifestError) -> ManifestEntry {
        let header = "[[\(kind.rawValue)]]"
        let line = node.line
        let unknown = table.keys.filter { !entryKeys.contains($0) }
            .map { (key: $0, line: node.line(of: $0) ?? line) }
            .sorted { ($0.line, $0.key) < ($1.line, $1.key) }
        if let first = unknown.first {
            throw ManifestError(
                file: file, line: first.line,
                message: "unknown key '\(first.key)' in \(header) (expected \(entryKeys.joined(separator: ", ")))")
        }
        let location = ManifestEntry.Location(
            table: line, interface: node.line(of: "interface"), function: node.line(of: "function"),
            read: node.line(of: "read"), write: node.line(of: "write"), variables: node.line(of: "variables"),
            sockets: node.line(of: "sockets"))

        guard let interfaceValue = table["interface"] else {
            throw ManifestError(file: file, line: line, message: "\(header) needs an 'interface' key")
        }
        guard let interface = interfaceValue.string else {
            throw ManifestError(
                file: file, line: location.interface,
                message: "'interface' must be a string, not \(typeName(interfaceValue.type))")
        }
        var function: String? = nil
        if let functionValue = table["function"] {
            guard let name = functionValue.string else {
                throw ManifestError(
                    file: file, line: location.function,
                    message: "'function' must be a string, not \(typeName(functionValue.type))")
            }
            function = name
        }
        let read = try paths(table, key: "read", line: location.read, node: node.node(of: "read"), file: file)
        let write = try paths(table, key: "write", line: location.write, node: node.node(of: "write"), file: file)
        let variables = try strings(
            table, key: "variables", what: "variable names (NAME or NAME=VALUE)", line: location.variables,
            node: node.node(of: "variables"), file: file)
        let sockets = try strings(
            table, key: "sockets", what: "socket scopes (USE ADDRESS: tcp:connect 127.0.0.1:8080)",
            line: location.sockets, node: node.node(of: "sockets"), file: file)
        return ManifestEntry(
            kind: kind, interface: interface, function: function, read: read, write: write, variables: variables,
            sockets: sockets, location: location)
    }

    /// The strings of a `variables` or `sockets` list; `node` has the line of each element.
    private static func strings(
        _ table: TOMLTable, key: String, what: String, line: Int, node: TOMLSourceNode?, file: String
    ) throws(ManifestError) -> [String] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else {
            throw ManifestError(
                file: file, line: line, message: "'\(key)' must be an array of \(what), not \(typeName(value.type))")
        }
        if array.isEmpty {
            throw ManifestError(
                file: file, line: line,
                message: "'\(key)' is empty: list \(what), or leave it out for an unscoped grant")
        }
        var strings: [String] = []
        for (index, element) in array.enumerated() {
            guard let text = element.string else {
                throw ManifestError(
                    file: file, line: node?.line(ofElement: index) ?? line,
                    message: "'\(key)' must hold strings only (\(what)), found \(typeName(element.type))")
            }
            strings.append(text)
        }
        return strings
    }

    /// The paths of a `read` or `write` list; `node` has the line of each element.
    private static func paths(
        _ table: TOMLTable, key: String, line: Int, node: TOMLSourceNode?, file: String
    ) throws(ManifestError) -> [String] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else {
            throw ManifestError(
                file: file, line: line,
                message: "'\(key)' must be an array of path strings, not \(typeName(value.type))")
        }
        if array.isEmpty {
            throw ManifestError(
                file: file, line: line,
                message: "'\(key)' is empty: list paths, or leave out 'read' and 'write' for an unscoped grant")
        }
        var paths: [String] = []
        paths.reserveCapacity(array.count)
        for (index, element) in array.enumerated() {
            let elementLine = node?.line(ofElement: index) ?? line
            guard let path = element.string else {
                throw ManifestError(
                    file: file, line: elementLine,
                    message: "'\(key)' must hold path strings only, found \(typeName(element.type))")
            }
            if let problem = LexicalPath.problem(in: path) {
                throw ManifestError(
                    file: file, line: elementLine,
                    message: "invalid path \(QuotedPath(path)) in '\(key)': it \(problem.explanation)")
            }
            paths.append(path)
        }
        return paths
    }

    static func typeName(_ type: TOMLType) -> String {
        switch type {
        case .table: return "a table"
        case .array: return "an array"
        case .string: return "a string"
        case .int: return "an integer"
        case .double: return "a floating-point number"
        case .bool: return "a boolean"
        case .date: return "a date"
        case .time: return "a time"
        case .dateTime: return "a date-time"
        }
    }

    // MARK: Applying

    /// The policy this manifest describes for a component. When the manifest names a component,
    /// it must be `expectedComponent` (pass nil to skip that check, e.g. for `load x as y`).
    public func policy(
        component: String, catalog: ImportCatalog, root: String, expectedComponent: String? = nil
    ) throws(ManifestError) -> Policy {
        if let expectedComponent, let declared = self.component, declared != expectedComponent {
            throw ManifestError(
                file: file, line: componentLine,
                message: "this manifest is for component '\(declared)', not '\(expectedComponent)'")
        }
        var policy: Policy
        do {
            policy = try Policy(component: component, catalog: catalog, root: root)
        } catch {
            throw ManifestError(file: file, line: nil, message: error.description)
        }
        // All rules first, then each list at once: adding them one by one was quadratic. The notes
        // a change carries are not reported here, so they are not made.
        var grants: [CapabilityRule] = []
        var denies: [CapabilityRule] = []
        for entry in entries {
            do {
                let rules = try rules(of: entry, in: policy)
                if entry.kind == .grant { grants += rules } else { denies += rules }
            } catch {
                let line: Int
                switch error {
                case .unknownFunction where entry.function != nil: line = entry.location.function
                case .invalidPath, .noAccess: line = entry.location.read
                case .invalidScope, .scopeNotApplicable:
                    line =
                        !entry.sockets.isEmpty
                        ? entry.location.sockets
                        : !entry.variables.isEmpty ? entry.location.variables : entry.location.read
                default: line = entry.location.interface
                }
                throw ManifestError(file: file, line: line, message: error.description)
            }
        }
        policy.add(grants, to: .grant, reportChanges: false)
        policy.add(denies, to: .deny, reportChanges: false)
        return policy
    }

    /// The rules of one entry: unscoped when it lists no paths, else one per path with the union of
    /// the access the two lists give it.
    private func rules(of entry: ManifestEntry, in policy: Policy) throws(PolicyError) -> [CapabilityRule] {
        if entry.isUnscoped {
            return try policy.rules(entry.interface, function: entry.function)
        }
        var rules: [CapabilityRule] = []
        if !entry.variables.isEmpty {
            rules += try policy.rules(entry.interface, function: entry.function, scopes: entry.variables)
        }
        // `tcp:connect 127.0.0.1:8080`: the use and the address, as the shell takes them.
        let socketWords = entry.sockets.flatMap {
            $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        }
        if !socketWords.isEmpty {
            rules += try policy.rules(entry.interface, function: entry.function, scopes: socketWords)
        }
        for (paths, access) in [(entry.read, PathAccess.read), (entry.write, PathAccess.write)] where !paths.isEmpty {
            rules += try policy.rules(entry.interface, function: entry.function, scopes: paths, access: access)
        }
        return rules
    }

    // MARK: Writing

    /// The manifest of a policy: one entry per interface and function, unscoped grants apart from
    /// scoped ones, full interface names (they resolve the same whatever else the component imports).
    /// The manifest of a policy, pinned to the binary whose SHA-256 is `sha256` when given.
    public init(policy: Policy, file: String, sha256: String? = nil) {
        self.init(
            file: file, component: policy.component, entries: Self.entries(grants: policy.grants, denies: policy.denies)
        )
        self.sha256 = sha256
    }

    /// The entries of rules: one per interface and function, unscoped grants apart from scoped ones.
    static func entries(grants: [CapabilityRule], denies: [CapabilityRule]) -> [ManifestEntry] {
        var entries: [ManifestEntry] = []
        for (kind, rules) in [(ManifestEntry.Kind.grant, grants), (.deny, denies)] {
            var index = 0
            while index < rules.count {
                let first = rules[index]
                var group: [CapabilityRule] = []
                while index < rules.count, rules[index].interface == first.interface,
                    rules[index].function == first.function
                {
                    group.append(rules[index])
                    index += 1
                }
                // A rule with neither a path nor a detail is the whole interface; a variable or a
                // socket scope is no less scoped than a path, and is written as such.
                if group.contains(where: { $0.scope == nil && $0.detail == nil }) {
                    entries.append(ManifestEntry(kind: kind, interface: first.interface, function: first.function))
                }
                // In grant order: the order a guest sees its variables and directories in.
                group.sort { $0.ordinal < $1.ordinal }
                let scopes = group.compactMap(\.scope)
                let details = group.compactMap(\.detail)
                if !scopes.isEmpty || !details.isEmpty {
                    entries.append(
                        ManifestEntry(
                            kind: kind, interface: first.interface, function: first.function,
                            read: scopes.filter { $0.access.contains(.read) }.map(\.key),
                            write: scopes.filter { $0.access.contains(.write) }.map(\.key),
                            variables: details.compactMap { if case .variable = $0 { $0.description } else { nil } },
                            sockets: details.compactMap { if case .socket = $0 { $0.description } else { nil } }))
                }
            }
        }
        return entries
    }

    /// The manifest as TOML text.
    public var tomlText: String {
        var text =
            "# Capabilities of component '\(component ?? "?")' for wasmsh; format: README.md, Capabilities and manifests\n"
        if let component { text += "component = \(Self.tomlString(component))\n" }
        if let sha256 {
            text += "sha256 = \(Self.tomlString(sha256))            # the one binary these grants are for\n"
        }
        if entries.isEmpty { text += "# No grants: the component may call nothing the host provides.\n" }
        return text + Self.tables(entries)
    }

    /// Entries as `[[grant]]` and `[[deny]]` tables, each after a blank line.
    static func tables(_ entries: [ManifestEntry]) -> String {
        var text = ""
        for entry in entries {
            text += "\n[[\(entry.kind.rawValue)]]\n"
            text += "interface = \(Self.tomlString(entry.interface))\n"
            if let function = entry.function { text += "function = \(Self.tomlString(function))\n" }
            if !entry.read.isEmpty {
                text += "read = [" + entry.read.map(Self.tomlString).joined(separator: ", ") + "]\n"
            }
            if !entry.write.isEmpty {
                text += "write = [" + entry.write.map(Self.tomlString).joined(separator: ", ") + "]\n"
            }
            if !entry.variables.isEmpty {
                text += "variables = [" + entry.variables.map(Self.tomlString).joined(separator: ", ") + "]\n"
            }
            if !entry.sockets.isEmpty {
                text += "sockets = [" + entry.sockets.map(Self.tomlString).joined(separator: ", ") + "]\n"
            }
        }
        return text
    }

    /// Writes a policy as a manifest file (atomically: a temporary file renamed over the old one),
    /// pinned to the binary whose SHA-256 is `sha256` when given. When the file holds a manifest
    /// for the same component and binary whose every rule the policy has, only the rules it lacks
    /// are added at its end, so that its comments and layout stay; otherwise it is written afresh.
    @discardableResult
    public static func save(
        _ policy: Policy, to path: String, sha256: String? = nil
    ) throws(ManifestError) -> ManifestSaveOutcome {
        let outcome: ManifestSaveOutcome
        let text: String
        if let (extended, added) = extendedText(of: path, with: policy, sha256: sha256) {
            guard added > 0 else { return .extended(addedRules: 0) }
            (text, outcome) = (extended, .extended(addedRules: added))
        } else {
            let manifest = Manifest(policy: policy, file: path, sha256: sha256)
            (text, outcome) = (manifest.tomlText, .written)
        }
        do {
            try TextFile.writeAtomically(text, to: path)
        } catch {
            throw ManifestError(file: path, line: nil, message: "cannot write the manifest: \(error.message)")
        }
        return outcome
    }

    /// The text of the manifest at `path` with the tables of the rules `policy` adds to it, and how
    /// many rules they are; nil when the file cannot be extended to say exactly `policy` (no such
    /// file, not a manifest for this component and binary, or rules the policy does not have).
    static func extendedText(of path: String, with policy: Policy, sha256: String?) -> (String, Int)? {
        guard let text = try? TextFile.contents(of: path, limit: sizeLimit),
            let old = try? parse(text, file: path), old.component == policy.component, old.sha256 == sha256,
            let oldPolicy = try? old.policy(component: policy.component, catalog: policy.catalog, root: policy.root)
        else { return nil }
        let oldGrants = Set(oldPolicy.grants)
        let oldDenies = Set(oldPolicy.denies)
        guard oldGrants.isSubset(of: policy.grants), oldDenies.isSubset(of: policy.denies) else { return nil }
        let addedGrants = policy.grants.filter { !oldGrants.contains($0) }
        let addedDenies = policy.denies.filter { !oldDenies.contains($0) }
        let added = addedGrants.count + addedDenies.count
        guard added > 0 else { return (text, 0) }
        let extended =
            text + (text.hasSuffix("\n") || text.isEmpty ? "" : "\n")
            + tables(entries(grants: addedGrants, denies: addedDenies))
        // The old text may end in a way new tables cannot follow (an inline `grant = [...]`):
        // only a text that reads back as exactly the policy will do.
        guard let reread = try? parse(extended, file: path),
            let rereadPolicy = try? reread.policy(
                component: policy.component, catalog: policy.catalog, root: policy.root),
            Set(rereadPolicy.grants) == Set(policy.grants), Set(rereadPolicy.denies) == Set(policy.denies)
        else { return nil }
        return (extended, added)
    }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    static func tomlString(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            case "\r": text += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }
}
