import WasmComponent

/// Guards WasmKit against a core module's `name` section. WasmKit 0.4.2 trusts the function
/// indices in it and crashes (an array index out of range in `NameRegistry`) when it names a
/// backtrace's functions after a trap, if the section names a function the module does not
/// have. Names are advisory (the spec never fails a module over its name section), so such a
/// module loses its name sections instead.
enum CoreNameSection {
    /// The module's bytes without its `name` sections when one of them names a function index
    /// at or past `importedFunctions` + the module's own functions; nil when the bytes are fine.
    static func strippedIfInvalid(_ bytes: ArraySlice<UInt8>, importedFunctions: Int) -> [UInt8]? {
        var reader = NameSectionReader(bytes: bytes, position: bytes.startIndex + 8)
        var definedFunctions = 0
        var nameSections: [Range<Int>] = []
        while reader.position < bytes.endIndex {
            let start = reader.position
            guard let id = reader.byte(), let size = reader.u32(), size <= reader.remaining else { return nil }
            let contents = reader.position..<(reader.position + size)
            if id == 3 {
                definedFunctions = reader.u32() ?? 0
            } else if id == 0, reader.name() == "name" {
                nameSections.append(start..<contents.upperBound)
            }
            reader.position = contents.upperBound
        }
        let functionCount = importedFunctions + definedFunctions
        let invalid = nameSections.contains { section in
            !namesOnlyKnownFunctions(
                NameSectionReader(bytes: bytes, position: section.lowerBound), count: functionCount)
        }
        guard invalid else { return nil }
        var stripped = Array(bytes[bytes.startIndex..<(bytes.startIndex + 8)])
        var position = bytes.startIndex + 8
        for section in nameSections {
            stripped += bytes[position..<section.lowerBound]
            position = section.upperBound
        }
        stripped += bytes[position...]
        return stripped
    }

    /// Whether the function-names subsection of the `name` section at the reader names only
    /// functions below `count`. Malformed contents are left to WasmKit, which rejects them
    /// without crashing.
    private static func namesOnlyKnownFunctions(_ start: NameSectionReader, count: Int) -> Bool {
        var reader = start
        guard reader.byte() != nil, let size = reader.u32() else { return true }
        let end = reader.position + size
        guard reader.name() != nil else { return true }
        var valid = true
        forEachFunctionName(reader, end: end) { index, _ in
            if index >= count { valid = false }
        }
        return valid
    }

    /// The function names of a `name` custom section's content, by function index: what the
    /// function stepper calls functions. Malformed parts are skipped, as names are advisory.
    /// How much of a function's name is kept (its first and last halves around a `…`).
    static let shownNameLength = 120

    static func functionNames(nameSection content: ArraySlice<UInt8>) -> [Int: String] {
        var names: [Int: String] = [:]
        // A module chooses these names, and they reach the terminal in backtraces, `functions`
        // and breakpoints: kept escaped and bounded, as the user will see and type them.
        forEachFunctionName(NameSectionReader(bytes: content, position: content.startIndex), end: content.endIndex) {
            names[$0] = ControlCharacterEscaper.escaped($1, maximumScalars: shownNameLength)
        }
        return names
    }

    /// Calls `body` with each entry of the function-names subsection among the subsections
    /// from the reader to `end`, stopping quietly at the first malformed byte.
    private static func forEachFunctionName(_ start: NameSectionReader, end: Int, _ body: (Int, String) -> Void) {
        var reader = start
        while reader.position < end {
            guard let subsection = reader.byte(), let subsectionSize = reader.u32() else { return }
            let subsectionEnd = reader.position + subsectionSize
            if subsection == 1, let entries = reader.u32() {
                for _ in 0..<entries {
                    guard let index = reader.u32(), let name = reader.name() else { return }
                    body(index, name)
                }
            }
            reader.position = subsectionEnd
        }
    }
}
