/// Where a TOML table or array is written, and where each of its parts is: the lines TOMLKit's
/// values do not carry (it reports lines for syntax errors only). Built by `TOMLSourceScanner`,
/// in the same shape as the document TOMLKit parses.
final class TOMLSourceNode {
    /// One member of a table or element of an array.
    enum Part {
        /// A string, number, boolean or date.
        case value(line: Int)
        /// A table or an array.
        case node(TOMLSourceNode)

        /// In a table, the line of the member's key (or of the header that made it); in an array,
        /// the line where the element starts.
        var line: Int {
            switch self {
            case .value(let line): return line
            case .node(let node): return node.line
            }
        }

        var node: TOMLSourceNode? {
            if case .node(let node) = self { return node }
            return nil
        }
    }

    let line: Int
    /// How many tables and arrays enclose this one (the document itself is 0).
    let depth: Int
    let isArray: Bool
    /// A table's members by key (keys decoded as TOMLKit decodes them).
    var members: [String: Part] = [:]
    /// An array's elements in order (`[[name]]` tables included).
    var elements: [Part] = []

    init(line: Int, depth: Int, isArray: Bool) {
        self.line = line
        self.depth = depth
        self.isArray = isArray
    }

    /// The line of the member `key`, when the table has it.
    func line(of key: String) -> Int? { members[key]?.line }

    /// The node of the member `key` (a table or an array), when it has one.
    func node(of key: String) -> TOMLSourceNode? { members[key]?.node }

    /// The line of the element at `index`, when the array has it.
    func line(ofElement index: Int) -> Int? {
        elements.indices.contains(index) ? elements[index].line : nil
    }

    /// The node of the element at `index` (a table or an array), when it has one.
    func node(ofElement index: Int) -> TOMLSourceNode? {
        elements.indices.contains(index) ? elements[index].node : nil
    }
}
