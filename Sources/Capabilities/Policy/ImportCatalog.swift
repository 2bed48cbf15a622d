import WasmComponent

/// The interfaces a component imports, which is what capabilities are: the policy resolves the
/// names users write against this list.
public struct ImportCatalog: Hashable, Sendable {
    public struct Interface: Hashable, Sendable {
        /// Full import name: `sandbox:skill/filesystem`, `wasi:io/streams@0.2.0`, or an inline name.
        public let name: String
        /// The interface's function names, or nil when unknown (then function names are not checked).
        public let functions: [String]?

        public init(name: String, functions: [String]?) {
            self.name = name
            self.functions = functions
        }

        /// Known to have no functions: an interface a component imports for its types alone
        /// (`test:values/types`). Nothing of it is ever called, so it is no capability.
        public var isTypesOnly: Bool { functions?.isEmpty == true }
    }

    public let interfaces: [Interface]
    let names: [InterfaceName]

    public init(interfaces: [Interface]) {
        self.interfaces = interfaces
        self.names = interfaces.map { InterfaceName($0.name) }
    }

    /// A catalog from import names alone; function names then go unchecked.
    public init(interfaceNames: [String]) {
        self.init(interfaces: interfaceNames.map { Interface(name: $0, functions: nil) })
    }

    /// The imported interfaces of a component's world, with their functions.
    /// Freestanding imported functions and types are not capabilities of an interface and are skipped.
    public init(world: ComponentWorld) {
        var interfaces: [Interface] = []
        for item in world.imports {
            if case .interface(let description) = item {
                interfaces.append(Interface(name: description.name, functions: description.functions.map(\.name)))
            }
        }
        self.init(interfaces: interfaces)
    }

    /// The name to show users: the short name when no other import shares it, else the full name.
    public func displayName(of interface: String) -> String {
        let name = InterfaceName(interface)
        var sharing = 0
        for other in names where other.short == name.short { sharing += 1 }
        return sharing <= 1 ? String(name.short) : interface
    }

    /// Resolves `text` (`filesystem`, `sandbox:skill/filesystem`, `filesystem@0.1.0`, each optionally
    /// followed by `.function`) to one imported interface and optional function.
    func resolve(_ text: String, component: String) throws(PolicyError) -> CapabilityTarget {
        var matches: [(index: Int, function: String?)] = []
        for (index, name) in names.enumerated() {
            for spelling in name.spellings {
                // Byte comparison: names are ASCII in practice, and bytes never surprise.
                if text.utf8.elementsEqual(spelling.utf8) {
                    matches.append((index, nil))
                } else if text.utf8.count > spelling.utf8.count + 1,
                    text.utf8.starts(with: spelling.utf8),
                    text.utf8.dropFirst(spelling.utf8.count).first == UInt8(ascii: ".")
                {
                    let tail = text.utf8.dropFirst(spelling.utf8.count + 1)
                    matches.append((index, String(decoding: tail, as: UTF8.self)))
                }
            }
        }
        let interfaceIndices = Set(matches.map(\.index))
        guard let index = interfaceIndices.first else {
            throw .unknownInterface(component: component, text: text, imports: interfaces.map(\.name))
        }
        if interfaceIndices.count > 1 {
            let candidates = interfaceIndices.sorted().map { interfaces[$0].name }
            throw .ambiguousInterface(component: component, text: text, candidates: candidates)
        }
        // The whole text naming the interface wins over reading its tail as a function name.
        let function = matches.contains { $0.function == nil } ? nil : matches.first?.function
        let interface = interfaces[index]
        if interface.isTypesOnly {
            throw .typesOnly(component: component, text: text, interface: interface.name)
        }
        if let function, let known = interface.functions, !known.contains(function) {
            throw .unknownFunction(
                component: component, interface: displayName(of: interface.name), function: function,
                available: known)
        }
        return CapabilityTarget(interface: interface.name, function: function)
    }

    /// Checks a target given as separate interface and function names.
    func resolve(interface text: String, function: String?, component: String) throws(PolicyError) -> CapabilityTarget {
        let target = try resolve(text, component: component)
        guard let function else { return target }
        if target.function != nil {
            throw .functionGivenTwice(text: text, function: function)
        }
        let entry = interfaces.first { $0.name == target.interface }
        if let known = entry?.functions, !known.contains(function) {
            throw .unknownFunction(
                component: component, interface: displayName(of: target.interface), function: function,
                available: known)
        }
        return CapabilityTarget(interface: target.interface, function: function)
    }

    /// Resolves text that may name a whole package (`wasi:random`, or `sockets` when no imported
    /// interface is called so): every interface of it the component imports that can be granted.
    /// Anything else resolves as `resolve(interface:function:component:)` does.
    func resolveAll(interface text: String, function: String?, component: String) throws(PolicyError)
        -> [CapabilityTarget]
    {
        do {
            return [try resolve(interface: text, function: function, component: component)]
        } catch .unknownInterface(let component, let text, let imports) {
            let members = packageMembers(text)
            guard !members.isEmpty, function == nil else {
                throw .unknownInterface(component: component, text: text, imports: imports)
            }
            return members.map { CapabilityTarget(interface: $0, function: nil) }
        }
    }

    /// The imported interfaces (with functions) of the package `text` names: `ns:pkg` or
    /// `ns:pkg@version` in full, or the bare package name `pkg`.
    private func packageMembers(_ text: String) -> [String] {
        guard !text.contains("/") else { return [] }
        let (package, version): (Substring, Substring?) =
            if let at = text.firstIndex(of: "@") { (text[..<at], text[text.index(after: at)...]) } else {
                (text[...], nil)
            }
        return interfaces.filter { interface in
            guard interface.functions?.isEmpty == false, needsNoGrant(interface.name) == nil else { return false }
            let name = InterfaceName(interface.name)
            guard let slash = name.unversioned.firstIndex(of: "/") else { return false }
            let owner = name.unversioned[..<slash]
            let matchesPackage =
                package.contains(":") ? owner == package : owner.split(separator: ":").last == package
            return matchesPackage && (version == nil || name.version.map { $0[...] } == version)
        }.map(\.name)
    }

    /// Why granting the imported `interface` would mean nothing, or nil when it can be granted:
    /// it holds only types (or resources), or its family needs no grant (`InterfaceFamily`).
    public func needsNoGrant(_ interface: String) -> String? {
        if case .needsNoGrant(let reason) = InterfaceFamily(InterfaceName(interface)) { return reason }
        guard let functions = interfaces.first(where: { $0.name == interface })?.functions else { return nil }
        if functions.isEmpty { return Self.typesOnly }
        // wasi:cli/environment imported for get-arguments alone, say.
        if let free = WASIHosts.ungatedFunctions[InterfaceName(interface).unversioned], free.isSuperset(of: functions) {
            return "it calls only " + functions.joined(separator: ", ")
                + (functions.count == 1 ? ", which gives" : ", which give") + " nothing beyond what it was given"
        }
        return nil
    }

    /// What `needsNoGrant` says of an interface without functions.
    public static let typesOnly = "types only"

    /// The interface whose grants decide calls of the imported `interface`: itself, but for
    /// `wasi:filesystem/types`, whose path functions the directories granted on
    /// `wasi:filesystem/preopens` decide.
    public func grantHolder(of interface: String) -> String {
        InterfaceFamily(InterfaceName(interface)) == .preopens ? preopensInterface(near: interface) : interface
    }

    /// The imported `wasi:filesystem/preopens` (whatever its version) that hands out the
    /// directories of a grant on `interface`, or `interface` itself when none is imported.
    func preopensInterface(near interface: String) -> String {
        interfaces.first { InterfaceName($0.name).unversioned == "wasi:filesystem/preopens" }?.name ?? interface
    }
}
