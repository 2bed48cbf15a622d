/// The foreign packages of a world, gathered the way wasm-tools decodes a component: packages
/// and their interfaces in order of first mention; an interface both imported and exported (or
/// mentioned twice) is one definition holding the union of its types and functions.
struct WITPackageSet {
    private(set) var packages: [WITForeignPackage] = []
    private var packageIndexByKey: [String: Int] = [:]
    /// Full interface name → (package index, interface index).
    private var locations: [String: (package: Int, interface: Int)] = [:]

    init(world: ComponentWorld) {
        for item in world.imports { add(item) }
        for item in world.exports { add(item) }
    }

    /// What `use interface.{name}` refers to, following chains of `use` to the definition.
    func definition(interface: String, name: String) -> NamedType.Definition? {
        var interface = interface
        var name = name
        // Bounded: a cycle of `use`s (which no valid component has) must not loop forever.
        for _ in 0..<64 {
            guard let location = locations[interface],
                let type = packages[location.package].interfaces[location.interface].types
                    .first(where: { $0.name == name })
            else { return nil }
            guard case .use(let nextInterface, let nextName) = type.definition else {
                return type.definition
            }
            interface = nextInterface
            name = nextName
        }
        return nil
    }

    /// Packages in wasm-tools' printing order: first mention, except that a package comes after
    /// every package whose interfaces its interfaces `use`.
    func printingOrder() -> [WITForeignPackage] {
        var state = [VisitState](repeating: .unvisited, count: packages.count)
        var order: [Int] = []
        order.reserveCapacity(packages.count)
        for index in packages.indices {
            visit(index, state: &state, order: &order)
        }
        return order.map { packages[$0] }
    }

    private enum VisitState {
        case unvisited, visiting, done
    }

    private func visit(_ index: Int, state: inout [VisitState], order: inout [Int]) {
        guard state[index] == .unvisited else { return }
        state[index] = .visiting
        for interface in packages[index].interfaces {
            for type in interface.types {
                guard case .use(let used, _) = type.definition,
                    let path = WITInterfacePath(used),
                    let dependency = packageIndexByKey[path.packageKey],
                    dependency != index
                else { continue }
                visit(dependency, state: &state, order: &order)
            }
        }
        state[index] = .done
        order.append(index)
    }

    private mutating func add(_ item: WorldItem) {
        guard case .interface(let interface) = item, let path = WITInterfacePath(interface.name) else {
            return
        }
        if let location = locations[interface.name] {
            packages[location.package].interfaces[location.interface].merge(interface)
            return
        }
        let packageIndex: Int
        if let existing = packageIndexByKey[path.packageKey] {
            packageIndex = existing
        } else {
            packageIndex = packages.count
            packageIndexByKey[path.packageKey] = packageIndex
            packages.append(WITForeignPackage(path: path, interfaces: []))
        }
        locations[interface.name] = (packageIndex, packages[packageIndex].interfaces.count)
        packages[packageIndex].interfaces.append(interface)
    }
}

extension InterfaceDescription {
    /// Adds the types and functions of `other` (the same interface seen again) not yet present.
    fileprivate mutating func merge(_ other: InterfaceDescription) {
        for type in other.types where !types.contains(where: { $0.name == type.name }) {
            types.append(type)
        }
        for function in other.functions where !functions.contains(where: { $0.name == function.name }) {
            functions.append(function)
        }
    }
}
