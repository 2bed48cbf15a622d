extension ComponentBinary {
    /// Whether instantiating the component runs guest code: a core module it embeds (nested
    /// components' included) has a start section. (Component start functions are refused when
    /// parsing.) Only the sections' headers are read.
    package var hasCoreStartFunctions: Bool {
        definitions.contains { definition in
            switch definition {
            case .coreModule(let range): Self.hasStartSection(bytes[range])
            case .component(let nested): nested.hasCoreStartFunctions
            default: false
            }
        }
    }

    /// A core module's sections, walked by their sizes, include the start section (id 8). A
    /// module too malformed to walk counts as having one: the cautious answer.
    static func hasStartSection(_ module: ArraySlice<UInt8>) -> Bool {
        var position = module.startIndex + 8
        while position < module.endIndex {
            let id = module[position]
            position += 1
            guard let size = try? LEB128.unsigned(module, at: &position, end: module.endIndex, bits: 32) else {
                return true
            }
            if id == 8 { return true }
            guard size <= UInt64(module.endIndex - position) else { return true }
            position += Int(size)
        }
        return false
    }
}
