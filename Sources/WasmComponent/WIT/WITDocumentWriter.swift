/// Writes a world as `wasm-tools component wit` prints a component: the invented package
/// `root:component` with world `root`, then one `package ns:pkg { ... }` block per foreign package.
///
/// Layout rules (from wasm-tools' printer): items of an interface are separated by blank lines,
/// `use` statements are not; a world lists imported interfaces, then its types, then imported
/// functions, then (after a blank line) its exports, each group in model order.
struct WITDocumentWriter {
    private var output = WITOutput()
    /// Whether the current block has printed an item, so the next one needs a blank line first.
    private var anyItems = false
    private let packages: WITPackageSet

    private init(packages: WITPackageSet) {
        self.packages = packages
    }

    static func document(for world: ComponentWorld) -> String {
        var writer = WITDocumentWriter(packages: WITPackageSet(world: world))
        writer.writeDocument(world)
        return writer.output.text
    }

    private mutating func writeDocument(_ world: ComponentWorld) {
        output.write("package root:component")
        output.semicolon()
        output.newline()
        output.write("world root")
        output.openBlock()
        writeWorldBody(world)
        output.closeBlock()

        for (index, package) in packages.printingOrder().enumerated() {
            if index > 0 {
                output.newline()
                output.newline()
            }
            output.write("package " + package.path.printedPackageName)
            output.openBlock()
            for interface in package.interfaces {
                let shortName = WITInterfacePath(interface.name)?.interface ?? interface.name
                output.write("interface " + WITKeywords.escape(shortName))
                output.openBlock()
                writeInterfaceBody(interface, packageKey: package.path.packageKey)
                output.closeBlock()
            }
            output.closeBlock()
        }
    }

    // MARK: World

    private mutating func writeWorldBody(_ world: ComponentWorld) {
        let outerItems = anyItems
        anyItems = false

        var types: [NamedType] = []
        var functionImports: [NamedFunction] = []
        for item in world.imports {
            switch item {
            case .interface(let interface):
                writeWorldInterface(interface, keyword: "import")
                // No blank line between imports, but whatever follows them gets one.
                anyItems = true
            case .type(let type):
                types.append(type)
            case .function(let function):
                functionImports.append(function)
            }
        }
        // WIT cannot export a type from a world; a model that does gets it listed with the rest.
        var exports: [WorldItem] = []
        for item in world.exports {
            if case .type(let type) = item { types.append(type) } else { exports.append(item) }
        }

        let namer = makeNamer(for: types)
        let (members, freestanding) = partition(functionImports, resourcesDeclaredIn: types)
        writeTypes(types, members: members, namer: namer, packageKey: nil)
        for function in freestanding {
            output.write("import " + WITKeywords.escape(function.name) + ": " + namer.signature(of: function.type))
            output.semicolon()
            anyItems = true
        }

        if !exports.isEmpty { startItem() }
        for item in exports {
            switch item {
            case .interface(let interface):
                writeWorldInterface(interface, keyword: "export")
            case .function(let function):
                output.write("export " + WITKeywords.escape(function.name) + ": " + namer.signature(of: function.type))
                output.semicolon()
            case .type:
                break
            }
        }
        anyItems = outerItems
    }

    /// `import ns:pkg/iface@1.0.0;` for a package interface, `import name: interface { ... }`
    /// for an inline one.
    private mutating func writeWorldInterface(_ interface: InterfaceDescription, keyword: String) {
        if let path = WITInterfacePath(interface.name) {
            output.write(keyword + " " + path.printedPath)
            output.semicolon()
        } else {
            output.write(keyword + " " + WITKeywords.escape(interface.name) + ": interface")
            output.openBlock()
            writeInterfaceBody(interface, packageKey: nil)
            output.closeBlock()
        }
    }

    // MARK: Interfaces

    /// `packageKey` is the package the interface belongs to (nil for the world's own package),
    /// which decides whether a `use` names an interface by its short name or its full path.
    private mutating func writeInterfaceBody(_ interface: InterfaceDescription, packageKey: String?) {
        let outerItems = anyItems
        anyItems = false
        let namer = makeNamer(for: interface.types)
        let (members, freestanding) = partition(interface.functions, resourcesDeclaredIn: interface.types)
        writeTypes(interface.types, members: members, namer: namer, packageKey: packageKey)
        for function in freestanding {
            startItem()
            output.write(WITKeywords.escape(function.name) + ": " + namer.signature(of: function.type))
            output.semicolon()
        }
        anyItems = outerItems
    }

    // MARK: Types

    private struct UseGroup {
        var interface: String
        var names: [(local: String, original: String)]
    }

    /// All `use` statements first (consecutive names from one interface share a statement), then
    /// the types declared here, each as its own item.
    private mutating func writeTypes(
        _ types: [NamedType], members: [String: [(WITResourceMember, NamedFunction)]],
        namer: WITTypeNamer, packageKey: String?
    ) {
        var groups: [UseGroup] = []
        var declarations: [NamedType] = []
        for type in types {
            guard case .use(let interface, let original) = type.definition else {
                declarations.append(type)
                continue
            }
            if let last = groups.indices.last, groups[last].interface == interface {
                groups[last].names.append((type.name, original))
            } else {
                groups.append(UseGroup(interface: interface, names: [(type.name, original)]))
            }
        }

        for group in groups {
            anyItems = true
            let names = group.names.map { local, original in
                local == original
                    ? WITKeywords.escape(local)
                    : WITKeywords.escape(original) + " as " + WITKeywords.escape(local)
            }
            output.write(
                "use " + usePath(group.interface, from: packageKey) + ".{" + names.joined(separator: ", ") + "}")
            output.semicolon()
        }

        for type in declarations {
            startItem()
            declare(type, members: members[type.name] ?? [], namer: namer)
        }
    }

    private func usePath(_ interface: String, from packageKey: String?) -> String {
        guard let path = WITInterfacePath(interface) else { return WITKeywords.escape(interface) }
        return path.packageKey == packageKey ? WITKeywords.escape(path.interface) : path.printedPath
    }

    private mutating func declare(
        _ type: NamedType, members: [(WITResourceMember, NamedFunction)], namer: WITTypeNamer
    ) {
        let name = WITKeywords.escape(type.name)
        switch type.definition {
        case .resource(let resource) where resource.name == type.name:
            writeResource(resource, name: name, members: members, namer: namer)
        case .resource(let resource):
            output.write("type " + name + " = " + namer.name(of: resource))
            output.semicolon()
        case .value(let value):
            declare(value, name: type.name, namer: namer)
        case .use:
            break
        }
    }

    private mutating func declare(_ value: ValueType, name: String, namer: WITTypeNamer) {
        switch value {
        case .record(let record) where record.name == nil || record.name == name:
            writeBlock(
                "record", name: name,
                lines: record.fields.map {
                    WITKeywords.escape($0.name) + ": " + namer.name(of: $0.type) + ","
                })
        case .variant(let variant) where variant.name == nil || variant.name == name:
            writeBlock(
                "variant", name: name,
                lines: variant.cases.map { variantCase in
                    let payload = variantCase.payload.map { "(" + namer.name(of: $0) + ")" } ?? ""
                    return WITKeywords.escape(variantCase.name) + payload + ","
                })
        case .enumeration(let enumeration) where enumeration.name == nil || enumeration.name == name:
            writeBlock("enum", name: name, lines: enumeration.cases.map { WITKeywords.escape($0) + "," })
        case .flags(let flags) where flags.name == nil || flags.name == name:
            writeBlock("flags", name: name, lines: flags.flags.map { WITKeywords.escape($0) + "," })
        case .alias(let aliasName, let target) where aliasName == name:
            writeTypeAlias(name, target: target, namer: namer)
        default:
            writeTypeAlias(name, target: value, namer: namer)
        }
    }

    /// `type name = target;`; an owned handle keeps its `own<...>` here, since `type a = own<r>`
    /// and `type a = r` are different declarations.
    private mutating func writeTypeAlias(_ name: String, target: ValueType, namer: WITTypeNamer) {
        let spelled: String
        if case .own(let resource) = target {
            spelled = "own<" + namer.name(of: resource) + ">"
        } else {
            spelled = namer.name(of: target)
        }
        output.write("type " + WITKeywords.escape(name) + " = " + spelled)
        output.semicolon()
    }

    private mutating func writeBlock(_ keyword: String, name: String, lines: [String]) {
        output.write(keyword + " " + WITKeywords.escape(name))
        output.openBlock()
        for line in lines {
            output.write(line)
            output.newline()
        }
        output.closeBlock()
    }

    /// `resource cart;` or `resource cart { constructor(...); name: func(...); ... }`.
    private mutating func writeResource(
        _ resource: ResourceType, name: String, members: [(WITResourceMember, NamedFunction)],
        namer: WITTypeNamer
    ) {
        output.write("resource " + name)
        guard !members.isEmpty else {
            output.semicolon()
            return
        }
        output.openBlock()
        for (member, function) in members {
            var text: String
            var parameters = function.type.parameters[...]
            switch member.kind {
            case .constructor:
                text = "constructor("
            case .method:
                text = WITKeywords.escape(member.member) + ": func("
                // The `self` parameter is implied by `func` inside a resource.
                parameters = parameters.dropFirst()
            case .staticFunction:
                text = WITKeywords.escape(member.member) + ": static func("
            }
            namer.appendParameters(parameters, to: &text)
            text += ")"
            if let result = function.type.result,
                !(member.kind == .constructor && Self.isOwnHandle(result, of: resource))
            {
                text += " -> "
                namer.append(result, to: &text)
            }
            output.write(text)
            output.semicolon()
        }
        output.closeBlock()
    }

    /// A constructor returning `own<self>` is written without its result.
    private static func isOwnHandle(_ type: ValueType, of resource: ResourceType) -> Bool {
        guard case .own(let returned) = type else { return false }
        return returned == resource || returned.name == resource.name
    }

    // MARK: Helpers

    private mutating func startItem() {
        if anyItems { output.newline() }
        anyItems = true
    }

    private func makeNamer(for types: [NamedType]) -> WITTypeNamer {
        WITTypeNamer(types: types) { interface, name in
            packages.definition(interface: interface, name: name)
        }
    }

    /// Splits functions into members of resources declared among `types` (by resource name, in
    /// order) and the rest, which print as plain functions.
    private func partition(
        _ functions: [NamedFunction], resourcesDeclaredIn types: [NamedType]
    ) -> (members: [String: [(WITResourceMember, NamedFunction)]], freestanding: [NamedFunction]) {
        var declared = Set<String>()
        for type in types {
            if case .resource(let resource) = type.definition, resource.name == type.name {
                declared.insert(type.name)
            }
        }
        var members: [String: [(WITResourceMember, NamedFunction)]] = [:]
        var freestanding: [NamedFunction] = []
        for function in functions {
            if let member = WITResourceMember(functionName: function.name), declared.contains(member.resource) {
                members[member.resource, default: []].append((member, function))
            } else {
                freestanding.append(function)
            }
        }
        return (members, freestanding)
    }
}
