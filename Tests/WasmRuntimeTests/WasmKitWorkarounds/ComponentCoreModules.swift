/// Extracts the top-level core modules of a component binary (section id 1), enough for
/// tests to reach the core code of the committed component fixtures.
enum ComponentCoreModules {
    static func extract(from component: [UInt8]) throws -> [[UInt8]] {
        let componentHeader: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00]
        guard component.starts(with: componentHeader) else { throw FixtureError("not a component") }
        // A component's sections are laid out as a core module's: id, size, contents.
        return try CoreSection.all(in: component).filter { $0.id == 1 }.map { Array(component[$0.content]) }
    }
}
