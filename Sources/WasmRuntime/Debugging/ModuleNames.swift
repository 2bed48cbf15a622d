import WasmComponent

/// The names a module's `name` custom section gives, as text-format identifiers: what
/// `InstructionPrinter` writes instead of indices. Malformed parts are skipped: names are
/// advisory, and the printer then writes numbers.
struct ModuleNames: Sendable {
    enum Namespace: UInt8, Sendable, CaseIterable {
        case function = 1, type = 4, table = 5, memory = 6, global = 7, element = 8, data = 9, tag = 11

        /// The word `wasm-tools print` puts in synthetic names.
        var group: String {
            switch self {
            case .function: "func"
            case .type: "type"
            case .table: "table"
            case .memory: "memory"
            case .global: "global"
            case .element: "elem"
            case .data: "data"
            case .tag: "tag"
            }
        }
    }

    private var items: [Namespace: [UInt32: WatIdentifier]] = [:]
    /// By function index, then local index.
    private var locals: [UInt32: [UInt32: WatIdentifier]] = [:]
    /// By function index, then the label's number (blocks counted in order in the body).
    private var labels: [UInt32: [UInt32: WatIdentifier]] = [:]

    init() {}

    /// The names in a `name` section's content (after the section's own name).
    init(section content: ArraySlice<UInt8>) {
        var reader = NameSectionReader(bytes: content, position: content.startIndex)
        while reader.position < content.endIndex {
            guard let id = reader.byte(), let size = reader.u32(), size <= reader.remaining else { return }
            let end = reader.position + size
            var sub = NameSectionReader(bytes: content[reader.position..<end], position: reader.position)
            if let namespace = Namespace(rawValue: id) {
                var used: Set<String>? = []
                items[namespace] = Self.nameMap(&sub, group: namespace.group, used: &used)
            } else if id == 2 || id == 3 {
                let indirect = Self.indirectMap(&sub, group: id == 2 ? "local" : "label", unique: id == 2)
                if id == 2 { locals = indirect } else { labels = indirect }
            }
            reader.position = end
        }
    }

    func name(_ namespace: Namespace, _ index: UInt32) -> String? { items[namespace]?[index]?.text }
    func local(_ index: UInt32, function: UInt32) -> String? { locals[function]?[index]?.text }
    func label(_ index: UInt32, function: UInt32) -> String? { labels[function]?[index]?.text }

    private static func nameMap(_ reader: inout NameSectionReader, group: String, used: inout Set<String>?)
        -> [UInt32: WatIdentifier]
    {
        var map: [UInt32: WatIdentifier] = [:]
        guard let count = reader.u32() else { return map }
        for _ in 0..<count {
            guard let index = reader.u32(), let name = reader.name() else { break }
            if map[UInt32(index)] == nil {
                map[UInt32(index)] = WatIdentifier(name, index: UInt32(index), group: group, used: &used)
            }
        }
        return map
    }

    private static func indirectMap(_ reader: inout NameSectionReader, group: String, unique: Bool)
        -> [UInt32: [UInt32: WatIdentifier]]
    {
        var maps: [UInt32: [UInt32: WatIdentifier]] = [:]
        guard let count = reader.u32() else { return maps }
        for _ in 0..<count {
            guard let function = reader.u32() else { break }
            var used: Set<String>? = unique ? [] : nil
            maps[UInt32(function)] = nameMap(&reader, group: group, used: &used)
        }
        return maps
    }
}
