/// Extracts the top-level core modules of a component binary (section id 1), enough for
/// tests to reach the core code of the committed component fixtures.
enum ComponentCoreModules {
    static func extract(from component: [UInt8]) throws -> [[UInt8]] {
        let componentHeader: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00]
        guard component.starts(with: componentHeader) else { throw FixtureError("not a component") }
        var modules: [[UInt8]] = []
        var position = componentHeader.count
        while position < component.count {
            let id = component[position]
            position += 1
            var size = 0
            var shift = 0
            while true {
                guard position < component.count, shift < 35 else { throw FixtureError("bad section size") }
                let byte = component[position]
                position += 1
                size |= Int(byte & 0x7F) << shift
                shift += 7
                if byte & 0x80 == 0 { break }
            }
            guard size <= component.count - position else { throw FixtureError("section past the end") }
            if id == 1 { modules.append(Array(component[position..<position + size])) }
            position += size
        }
        return modules
    }
}
