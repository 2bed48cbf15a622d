/// Reading the names a component gives things, each checked where it is read so that an error
/// points at the name's own byte offset. Names are shown escaped (`ControlCharacterEscaper`):
/// they are the component's choice, and a rejected name is exactly one that may hold terminal
/// control sequences.
extension ComponentParser {
    /// Reads a label (record field, variant case, flag, enum case, function parameter): it must
    /// be kebab case and differ from the labels before it in more than letter case.
    static func parseLabel(_ reader: inout ByteReader, _ place: NamePlace, unique names: inout UniqueNames)
        throws(ComponentError) -> String
    {
        let start = reader.position
        let name = try reader.readName()
        let (problem, hasUppercase) = KebabCase.check(name[...])
        if let problem {
            guard problem != .empty else { throw reader.error("\(place.rawValue) name is empty", at: start) }
            throw reader.error(
                "\(place.rawValue) name \(quoted(name)) is not in kebab case: it \(problem.explanation)", at: start)
        }
        if let earlier = names.insert(name, key: hasUppercase ? KebabCase.lowercased(name[...]) : name) {
            throw reader.error(conflict(place, name, earlier, rule: "differ in more than letter case"), at: start)
        }
        return name
    }

    /// Reads an import or export name with its attributes (`nameattributes` in Binary.md):
    /// it must follow the `externname` grammar (`ComponentName`) and be strongly unique in
    /// `names`.
    static func parseExternName(_ reader: inout ByteReader, _ place: NamePlace, unique names: inout UniqueNames)
        throws(ComponentError) -> String
    {
        let start = reader.position
        let name = try parseValidExternName(&reader, place)
        if let earlier = names.insert(name.text, key: name.uniquenessKey) {
            throw reader.error(
                conflict(
                    place, name.text, earlier, rule: "be unique ignoring letter case and [method]/[static] annotations"),
                at: start)
        }
        return name.text
    }

    /// Reads the name of an `alias export`: any name, in the binary format, but only an
    /// `externname` can be the export of an instance, so another name is refused here, where
    /// its error can show it escaped.
    static func parseAliasedExportName(_ reader: inout ByteReader) throws(ComponentError) -> String {
        let start = reader.position
        let name = try reader.readName()
        do {
            return try ComponentName(validating: name).text
        } catch {
            throw reader.error(invalid(.aliasedExport, name, error), at: start)
        }
    }

    private static func parseValidExternName(_ reader: inout ByteReader, _ place: NamePlace)
        throws(ComponentError) -> ComponentName
    {
        let start = reader.position
        let text: String
        var versionSuffix: String?
        var implements: (interface: String, offset: Int)?
        switch try reader.readByte() {
        case 0x00, 0x01:
            text = try reader.readName()
        case 0x02:
            text = try reader.readName()
            var seen: Set<UInt8> = []
            try vector(&reader, "name attribute") { (r: inout ByteReader) throws(ComponentError) in
                let attributeStart = r.position
                let kind = try r.readByte()
                guard kind <= 2 else { throw r.error("unknown name attribute 0x\(String(kind, radix: 16))") }
                guard seen.insert(kind).inserted else {
                    throw r.error(
                        "\(place.rawValue) name \(quoted(text)) has two \(attributeName(kind)) attributes",
                        at: attributeStart)
                }
                let value = try r.readName()
                switch kind {
                case 0x00: implements = (value, attributeStart)
                case 0x01: versionSuffix = value
                default: break  // an external id is any name, for hosts that know what it means
                }
            }
        case let byte:
            throw reader.error("unknown import/export name kind 0x\(String(byte, radix: 16))", at: start)
        }
        let name: ComponentName
        do {
            name = try ComponentName(validating: text, versionSuffix: versionSuffix)
        } catch {
            throw reader.error(invalid(place, text, error), at: start)
        }
        if let implements {
            try checkImplements(implements.interface, of: name, place, reader: reader, at: implements.offset)
        }
        return name
    }

    /// 🏷️ `implements` names the interface that a plainly named instance implements.
    private static func checkImplements(
        _ interface: String, of name: ComponentName, _ place: NamePlace, reader: ByteReader, at offset: Int
    ) throws(ComponentError) {
        guard name.kind == .label else {
            throw reader.error(
                "\(place.rawValue) \(quoted(name.text)) has an implements attribute, which only a plain label may have",
                at: offset)
        }
        let implemented: ComponentName
        do {
            implemented = try ComponentName(validating: interface)
        } catch {
            throw reader.error(
                "the implements attribute of \(place.rawValue) \(quoted(name.text)) is not valid: "
                    + "the interface name \(quoted(interface)) is not valid: \(error.explanation)", at: offset)
        }
        guard implemented.kind == .interface else {
            throw reader.error(
                "the implements attribute of \(place.rawValue) \(quoted(name.text)) names \(quoted(interface)), "
                    + "which is not an interface name (such as 'wasi:keyvalue/store')", at: offset)
        }
    }

    private static func attributeName(_ kind: UInt8) -> String {
        switch kind {
        case 0x00: return "implements"
        case 0x01: return "version suffix"
        default: return "external id"
        }
    }

    private static func invalid(_ place: NamePlace, _ name: String, _ problem: ComponentNameProblem) -> String {
        guard problem != .empty else { return "\(place.rawValue) name is empty" }
        return "\(place.rawValue) name \(quoted(name)) is not valid: \(problem.explanation)"
    }

    private static func conflict(_ place: NamePlace, _ name: String, _ earlier: String, rule: String) -> String {
        guard name != earlier else { return "\(place.rawValue) name \(quoted(name)) appears twice" }
        return "\(place.rawValue) name \(quoted(name)) conflicts with the earlier \(quoted(earlier)): "
            + "names in one scope must \(rule)"
    }

    static func quoted(_ name: String) -> String { ControlCharacterEscaper.quoted(name) }
}
