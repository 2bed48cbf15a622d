/// Reads a component binary (Component Model binary format, layer 1) into `ComponentBinary`.
///
/// Core modules are kept as byte ranges: nothing is parsed or compiled before it is needed, so
/// showing the WIT of an 18 MB component costs one pass over its component sections.
public enum ComponentParser {
    static let magic: [UInt8] = [0x00, 0x61, 0x73, 0x6d]

    public static func parse(_ bytes: [UInt8]) throws(ComponentError) -> ComponentBinary {
        var reader = ByteReader(bytes: bytes, section: "preamble")
        guard bytes.count >= 4 else {
            throw ComponentError(
                "not a WebAssembly file: \(bytes.count) bytes, too short for the header", offset: 0)
        }
        guard Array(bytes[0..<4]) == magic else {
            throw ComponentError("not a WebAssembly file: the magic number \\0asm is missing", offset: 0)
        }
        return try parseComponent(&reader, depth: 0)
    }

    private static func parseComponent(_ reader: inout ByteReader, depth: Int) throws(ComponentError)
        -> ComponentBinary
    {
        guard depth < 100 else { throw reader.error("components nested more than 100 deep") }
        let start = reader.position
        let header = try reader.readBytes(8)
        let preamble = Array(reader.bytes[header])
        guard Array(preamble[0..<4]) == magic else {
            throw reader.error("nested component does not start with \\0asm", at: start)
        }
        let version = UInt16(preamble[4]) | UInt16(preamble[5]) << 8
        let layer = UInt16(preamble[6]) | UInt16(preamble[7]) << 8
        if layer == 0 {
            throw reader.error(
                "this is a core WebAssembly module (version \(version)), not a component; "
                    + "wrap it with `wasm-tools component new`", at: start)
        }
        guard layer == 1 else { throw reader.error("unknown layer \(layer) in the header", at: start + 6) }
        guard version == 0x0d else {
            throw reader.error(
                "unsupported component binary version 0x\(String(version, radix: 16)) (expected 0x0d)",
                at: start + 4)
        }

        var component = ComponentBinary(bytes: reader.bytes, definitions: [], offsets: [], name: nil)
        // Imports and exports are unique among themselves, across all import or export sections.
        var importNames = UniqueNames()
        var exportNames = UniqueNames()
        while !reader.isAtEnd {
            reader.section = nil
            let sectionStart = reader.position
            let id = try reader.readByte()
            let size = Int(try reader.readU32())
            guard size <= reader.remaining else {
                throw reader.error(
                    "\(sectionName(id)) declares \(size) bytes but only \(reader.remaining) remain", at: sectionStart)
            }
            let end = reader.position + size
            var section = ByteReader(
                bytes: reader.bytes, start: reader.position, end: end, section: sectionName(id))
            switch id {
            case 0:
                if let name = try parseCustom(&section) { component.name = name }
                section = ByteReader(bytes: reader.bytes, start: end, end: end)
            case 1:
                component.append(.coreModule(section.position..<end), at: sectionStart)
                _ = try section.readBytes(section.remaining)
            case 2:
                try vector(&section, "core instance") { (r: inout ByteReader) throws(ComponentError) in
                    component.append(.coreInstance(try parseCoreInstance(&r)), at: r.position)
                }
            case 3:
                try vector(&section, "core type") { (r: inout ByteReader) throws(ComponentError) in
                    component.append(.coreType(try parseCoreType(&r)), at: r.position)
                }
            case 4:
                let nested = try parseComponent(&section, depth: depth + 1)
                component.append(.component(nested), at: sectionStart)
            case 5:
                try vector(&section, "instance") { (r: inout ByteReader) throws(ComponentError) in
                    component.append(.instance(try parseInstance(&r)), at: r.position)
                }
            case 6:
                try vector(&section, "alias") { (r: inout ByteReader) throws(ComponentError) in
                    component.append(.alias(try parseAlias(&r)), at: r.position)
                }
            case 7:
                try vector(&section, "type") { (r: inout ByteReader) throws(ComponentError) in
                    component.append(.type(try parseType(&r)), at: r.position)
                }
            case 8:
                try vector(&section, "canon") { (r: inout ByteReader) throws(ComponentError) in
                    component.append(.canon(try parseCanon(&r)), at: r.position)
                }
            case 9:
                throw section.error("start functions (component values) are not supported")
            case 10:
                try vector(&section, "import") { (r: inout ByteReader) throws(ComponentError) in
                    let name = try parseExternName(&r, .componentImport, unique: &importNames)
                    component.append(
                        .import(ImportDefinition(name: name, type: try parseExternType(&r))), at: r.position)
                }
            case 11:
                try vector(&section, "export") { (r: inout ByteReader) throws(ComponentError) in
                    let name = try parseExternName(&r, .componentExport, unique: &exportNames)
                    let item = try parseSortIndex(&r)
                    let ascribed = try r.readByte() == 0 ? nil : try parseExternType(&r)
                    component.append(
                        .export(ExportDefinition(name: name, item: item, ascribedType: ascribed)), at: r.position)
                }
            case 12:
                throw section.error("value definitions are not supported")
            default:
                throw reader.error("unknown section id \(id)", at: sectionStart)
            }
            try section.expectEnd(section.section ?? "section \(id)")
            _ = try reader.readBytes(size)
        }
        return component
    }

    private static func sectionName(_ id: UInt8) -> String {
        switch id {
        case 0: return "custom section"
        case 1: return "core module section"
        case 2: return "core instance section"
        case 3: return "core type section"
        case 4: return "component section"
        case 5: return "instance section"
        case 6: return "alias section"
        case 7: return "type section"
        case 8: return "canon section"
        case 9: return "start section"
        case 10: return "import section"
        case 11: return "export section"
        case 12: return "value section"
        default: return "section \(id)"
        }
    }

    static func vector(
        _ reader: inout ByteReader, _ what: String,
        _ body: (inout ByteReader) throws(ComponentError) -> Void
    ) throws(ComponentError) {
        let count = try reader.readCount(what)
        for _ in 0..<count { try body(&reader) }
    }

    /// Returns the component's own name from a `component-name` section; other custom sections
    /// are skipped. The name section is advisory, so a malformed one is ignored, as the spec asks.
    private static func parseCustom(_ reader: inout ByteReader) throws(ComponentError) -> String? {
        let name = try reader.readName()
        guard name == "component-name", !reader.isAtEnd else { return nil }
        var copy = reader
        guard (try? copy.readByte()) == 0, let size = try? copy.readU32(), Int(size) <= copy.remaining else {
            return nil
        }
        return try? copy.readName()
    }

    static func parseCoreSort(_ reader: inout ByteReader) throws(ComponentError) -> CoreSort {
        let start = reader.position
        switch try reader.readByte() {
        case 0x00: return .function
        case 0x01: return .table
        case 0x02: return .memory
        case 0x03: return .global
        case 0x04: return .tag
        case 0x10: return .type
        case 0x11: return .module
        case 0x12: return .instance
        case let byte: throw reader.error("unknown core sort 0x\(String(byte, radix: 16))", at: start)
        }
    }

    static func parseSort(_ reader: inout ByteReader) throws(ComponentError) -> Sort {
        let start = reader.position
        switch try reader.readByte() {
        case 0x00: return .core(try parseCoreSort(&reader))
        case 0x01: return .function
        case 0x02: return .value
        case 0x03: return .type
        case 0x04: return .component
        case 0x05: return .instance
        case let byte: throw reader.error("unknown sort 0x\(String(byte, radix: 16))", at: start)
        }
    }

    static func parseSortIndex(_ reader: inout ByteReader) throws(ComponentError) -> SortIndex {
        let sort = try parseSort(&reader)
        return SortIndex(sort: sort, index: try reader.readU32())
    }

    private static func parseCoreInstance(_ reader: inout ByteReader) throws(ComponentError)
        -> CoreInstanceDefinition
    {
        let start = reader.position
        switch try reader.readByte() {
        case 0x00:
            let module = try reader.readU32()
            var arguments: [(name: String, instance: UInt32)] = []
            try vector(&reader, "instantiation argument") { (r: inout ByteReader) throws(ComponentError) in
                let name = try r.readName()
                let sortStart = r.position
                guard try r.readByte() == 0x12 else {
                    throw r.error("core instantiation arguments must be instances", at: sortStart)
                }
                arguments.append((name, try r.readU32()))
            }
            return .instantiate(module: module, arguments: arguments)
        case 0x01:
            var exports: [(name: String, item: CoreSortIndex)] = []
            try vector(&reader, "core export") { (r: inout ByteReader) throws(ComponentError) in
                let name = try r.readName()
                let sort = try parseCoreSort(&r)
                exports.append((name, CoreSortIndex(sort: sort, index: try r.readU32())))
            }
            return .exports(exports)
        case let byte: throw reader.error("unknown core instance kind 0x\(String(byte, radix: 16))", at: start)
        }
    }

    private static func parseInstance(_ reader: inout ByteReader) throws(ComponentError) -> InstanceDefinition {
        let start = reader.position
        switch try reader.readByte() {
        case 0x00:
            let component = try reader.readU32()
            var arguments: [(name: String, item: SortIndex)] = []
            var names = UniqueNames()
            try vector(&reader, "instantiation argument") { (r: inout ByteReader) throws(ComponentError) in
                // Any name: those that match no import of the component are not used.
                let nameStart = r.position
                let name = try r.readName()
                guard names.insert(name, key: name) == nil else {
                    throw r.error("instantiation argument \(quoted(name)) appears twice", at: nameStart)
                }
                arguments.append((name, try parseSortIndex(&r)))
            }
            return .instantiate(component: component, arguments: arguments)
        case 0x01:
            var exports: [(name: String, item: SortIndex)] = []
            var names = UniqueNames()
            try vector(&reader, "inline export") { (r: inout ByteReader) throws(ComponentError) in
                let name = try parseExternName(&r, .instanceExport, unique: &names)
                exports.append((name, try parseSortIndex(&r)))
            }
            return .exports(exports)
        case let byte: throw reader.error("unknown instance kind 0x\(String(byte, radix: 16))", at: start)
        }
    }

    static func parseAlias(_ reader: inout ByteReader) throws(ComponentError) -> AliasDefinition {
        let sort = try parseSort(&reader)
        let start = reader.position
        switch try reader.readByte() {
        case 0x00:
            let instance = try reader.readU32()
            return AliasDefinition(
                sort: sort, target: .export(instance: instance, name: try parseAliasedExportName(&reader)))
        case 0x01:
            let instance = try reader.readU32()
            return AliasDefinition(sort: sort, target: .coreExport(instance: instance, name: try reader.readName()))
        case 0x02:
            let count = try reader.readU32()
            return AliasDefinition(sort: sort, target: .outer(count: count, index: try reader.readU32()))
        case let byte: throw reader.error("unknown alias target 0x\(String(byte, radix: 16))", at: start)
        }
    }

    static func parseExternType(_ reader: inout ByteReader) throws(ComponentError) -> ExternTypeDescriptor {
        let start = reader.position
        switch try reader.readByte() {
        case 0x00:
            guard try reader.readByte() == 0x11 else { throw reader.error("malformed core module type", at: start) }
            return .coreModule(type: try reader.readU32())
        case 0x01: return .function(type: try reader.readU32())
        case 0x02:
            throw reader.error("value imports and exports are not supported", at: start)
        case 0x03:
            let boundStart = reader.position
            switch try reader.readByte() {
            case 0x00: return .type(.equal(try reader.readU32()))
            case 0x01: return .type(.subResource)
            case let byte: throw reader.error("unknown type bound 0x\(String(byte, radix: 16))", at: boundStart)
            }
        case 0x04: return .component(type: try reader.readU32())
        case 0x05: return .instance(type: try reader.readU32())
        case let byte: throw reader.error("unknown extern type 0x\(String(byte, radix: 16))", at: start)
        }
    }

    static func parseValueTypeReference(_ reader: inout ByteReader) throws(ComponentError) -> ValueTypeReference {
        let start = reader.position
        let code = try reader.readS33()
        if code >= 0 {
            guard code <= Int64(UInt32.max) else { throw reader.error("type index \(code) too large", at: start) }
            return .index(UInt32(code))
        }
        if let primitive = primitive(code) { return .primitive(primitive) }
        throw reader.error(
            "malformed value type 0x\(String(UInt8(truncatingIfNeeded: code & 0x7f), radix: 16))", at: start)
    }

    static func primitive(_ code: Int64) -> ValueType? {
        switch UInt8(truncatingIfNeeded: code & 0x7f) {
        case 0x7f: return .bool
        case 0x7e: return .s8
        case 0x7d: return .u8
        case 0x7c: return .s16
        case 0x7b: return .u16
        case 0x7a: return .s32
        case 0x79: return .u32
        case 0x78: return .s64
        case 0x77: return .u64
        case 0x76: return .f32
        case 0x75: return .f64
        case 0x74: return .char
        case 0x73: return .string
        default: return nil
        }
    }

    static func parseOptional<T>(
        _ reader: inout ByteReader, _ body: (inout ByteReader) throws(ComponentError) -> T
    ) throws(ComponentError) -> T? {
        let start = reader.position
        switch try reader.readByte() {
        case 0x00: return nil
        case 0x01: return try body(&reader)
        case let byte: throw reader.error("malformed optional (0x\(String(byte, radix: 16)))", at: start)
        }
    }

    static func parseType(_ reader: inout ByteReader, depth: Int = 0) throws(ComponentError) -> TypeDefinition {
        guard depth < 100 else { throw reader.error("types nested more than 100 deep") }
        let start = reader.position
        let code = try reader.peekByte()
        switch code {
        case 0x40:
            _ = try reader.readByte()
            var params: [(name: String, type: ValueTypeReference)] = []
            var names = UniqueNames()
            try vector(&reader, "parameter") { (r: inout ByteReader) throws(ComponentError) in
                let name = try parseLabel(&r, .functionParameter, unique: &names)
                params.append((name, try parseValueTypeReference(&r)))
            }
            let resultStart = reader.position
            switch try reader.readByte() {
            case 0x00: return .function(params: params, result: try parseValueTypeReference(&reader))
            case 0x01:
                guard try reader.readByte() == 0x00 else {
                    throw reader.error("named function results are not supported", at: resultStart)
                }
                return .function(params: params, result: nil)
            case let byte: throw reader.error("malformed function result 0x\(String(byte, radix: 16))", at: resultStart)
            }
        case 0x43:
            throw reader.error("async functions are not supported", at: start)
        case 0x41, 0x42:
            _ = try reader.readByte()
            var declarations: [ComponentTypeDeclaration] = []
            // Imports and exports are each unique within one component or instance type.
            var imports = UniqueNames()
            var exports = UniqueNames()
            try vector(&reader, "declaration") { (r: inout ByteReader) throws(ComponentError) in
                declarations.append(
                    try parseDeclaration(
                        &r, allowImports: code == 0x41, depth: depth, imports: &imports, exports: &exports))
            }
            return code == 0x41 ? .component(declarations) : .instance(declarations)
        case 0x3f:
            _ = try reader.readByte()
            let repStart = reader.position
            guard try reader.readByte() == CoreValueTypeCode.i32.rawValue else {
                throw reader.error("resource representation must be i32", at: repStart)
            }
            let destructor = try parseOptional(&reader) { (r: inout ByteReader) throws(ComponentError) in
                try r.readU32()
            }
            return .resource(rep: .i32, destructor: destructor)
        default:
            return .value(try parseDefinedValueType(&reader))
        }
    }

    private static func parseDeclaration(
        _ reader: inout ByteReader, allowImports: Bool, depth: Int, imports: inout UniqueNames,
        exports: inout UniqueNames
    ) throws(ComponentError) -> ComponentTypeDeclaration {
        let start = reader.position
        switch try reader.readByte() {
        case 0x00: return .coreType(try parseCoreType(&reader))
        case 0x01: return .type(try parseType(&reader, depth: depth + 1))
        case 0x02: return .alias(try parseAlias(&reader))
        case 0x03 where allowImports:
            let name = try parseExternName(&reader, .componentTypeImport, unique: &imports)
            return .import(name: name, type: try parseExternType(&reader))
        case 0x04:
            let place: NamePlace = allowImports ? .componentTypeExport : .instanceTypeExport
            let name = try parseExternName(&reader, place, unique: &exports)
            return .export(name: name, type: try parseExternType(&reader))
        case let byte: throw reader.error("unknown type declaration 0x\(String(byte, radix: 16))", at: start)
        }
    }

    private static func parseDefinedValueType(_ reader: inout ByteReader) throws(ComponentError) -> DefinedValueType {
        let start = reader.position
        let code = try reader.readS33()
        if let primitive = primitive(code), code < 0 { return .primitive(primitive) }
        switch UInt8(truncatingIfNeeded: code & 0x7f) {
        case 0x72:
            var fields: [(name: String, type: ValueTypeReference)] = []
            var names = UniqueNames()
            try vector(&reader, "record field") { (r: inout ByteReader) throws(ComponentError) in
                let name = try parseLabel(&r, .recordField, unique: &names)
                fields.append((name, try parseValueTypeReference(&r)))
            }
            guard !fields.isEmpty else { throw reader.error("a record needs at least one field", at: start) }
            return .record(fields)
        case 0x71:
            var cases: [(name: String, payload: ValueTypeReference?)] = []
            var names = UniqueNames()
            try vector(&reader, "variant case") { (r: inout ByteReader) throws(ComponentError) in
                let name = try parseLabel(&r, .variantCase, unique: &names)
                let payload = try parseOptional(&r) { (r: inout ByteReader) throws(ComponentError) in
                    try parseValueTypeReference(&r)
                }
                let refinesStart = r.position
                guard try r.readByte() == 0x00 else {
                    throw r.error("variant case refinement is not supported", at: refinesStart)
                }
                cases.append((name, payload))
            }
            guard !cases.isEmpty else { throw reader.error("a variant needs at least one case", at: start) }
            return .variant(cases)
        case 0x70: return .list(try parseValueTypeReference(&reader))
        case 0x67: throw reader.error("fixed-length lists are not supported", at: start)
        case 0x6f:
            var types: [ValueTypeReference] = []
            try vector(&reader, "tuple element") { (r: inout ByteReader) throws(ComponentError) in
                types.append(try parseValueTypeReference(&r))
            }
            return .tuple(types)
        case 0x6e, 0x6d:
            let isFlags = UInt8(truncatingIfNeeded: code & 0x7f) == 0x6e
            var names: [String] = []
            var unique = UniqueNames()
            try vector(&reader, "label") { (r: inout ByteReader) throws(ComponentError) in
                names.append(try parseLabel(&r, isFlags ? .flag : .enumCase, unique: &unique))
            }
            guard !names.isEmpty else { throw reader.error("flags and enums need at least one label", at: start) }
            return isFlags ? .flags(names) : .enumeration(names)
        case 0x6b: return .option(try parseValueTypeReference(&reader))
        case 0x6a:
            let ok = try parseOptional(&reader) { (r: inout ByteReader) throws(ComponentError) in
                try parseValueTypeReference(&r)
            }
            let err = try parseOptional(&reader) { (r: inout ByteReader) throws(ComponentError) in
                try parseValueTypeReference(&r)
            }
            return .result(ok: ok, err: err)
        case 0x69: return .own(try reader.readU32())
        case 0x68: return .borrow(try reader.readU32())
        case 0x66, 0x65: throw reader.error("streams and futures (async) are not supported", at: start)
        case 0x64: throw reader.error("error-context (async) is not supported", at: start)
        case 0x63: throw reader.error("map types are not supported", at: start)
        default:
            throw reader.error(
                "malformed type 0x\(String(UInt8(truncatingIfNeeded: code & 0x7f), radix: 16))", at: start)
        }
    }

    static func parseCoreType(_ reader: inout ByteReader) throws(ComponentError) -> CoreTypeDefinition {
        let start = reader.position
        switch try reader.readByte() {
        case 0x60:
            var parameters: [CoreValueTypeCode] = []
            var results: [CoreValueTypeCode] = []
            try vector(&reader, "core parameter") { (r: inout ByteReader) throws(ComponentError) in
                parameters.append(try parseCoreValueType(&r))
            }
            try vector(&reader, "core result") { (r: inout ByteReader) throws(ComponentError) in
                results.append(try parseCoreValueType(&r))
            }
            return .function(parameters: parameters, results: results)
        case 0x50:
            try vector(&reader, "module declaration") { (r: inout ByteReader) throws(ComponentError) in
                try skipModuleDeclaration(&r)
            }
            return .module
        case let byte:
            throw reader.error(
                "unsupported core type 0x\(String(byte, radix: 16)) (GC types are not supported)", at: start)
        }
    }

    private static func parseCoreValueType(_ reader: inout ByteReader) throws(ComponentError) -> CoreValueTypeCode {
        let start = reader.position
        let byte = try reader.readByte()
        guard let type = CoreValueTypeCode(rawValue: byte) else {
            throw reader.error("unsupported core value type 0x\(String(byte, radix: 16))", at: start)
        }
        return type
    }

    /// Module types only describe imports and exports of core modules a component imports,
    /// which we never do at run time; they are read to stay in sync and otherwise ignored.
    private static func skipModuleDeclaration(_ reader: inout ByteReader) throws(ComponentError) {
        let start = reader.position
        switch try reader.readByte() {
        case 0x00:
            _ = try reader.readName()
            _ = try reader.readName()
            try skipCoreImportDescription(&reader)
        case 0x01: _ = try parseCoreType(&reader)
        case 0x02:
            _ = try reader.readByte()
            _ = try reader.readByte()
            _ = try reader.readU32()
            _ = try reader.readU32()
        case 0x03:
            _ = try reader.readName()
            try skipCoreImportDescription(&reader)
        case let byte: throw reader.error("unknown module declaration 0x\(String(byte, radix: 16))", at: start)
        }
    }

    private static func skipCoreImportDescription(_ reader: inout ByteReader) throws(ComponentError) {
        let start = reader.position
        switch try reader.readByte() {
        case 0x00: _ = try reader.readU32()
        case 0x01:
            _ = try reader.readByte()
            try skipLimits(&reader)
        case 0x02: try skipLimits(&reader)
        case 0x03:
            _ = try reader.readByte()
            _ = try reader.readByte()
        case 0x04:
            _ = try reader.readByte()
            _ = try reader.readU32()
        case let byte: throw reader.error("unknown core import kind 0x\(String(byte, radix: 16))", at: start)
        }
    }

    private static func skipLimits(_ reader: inout ByteReader) throws(ComponentError) {
        let flags = try reader.readByte()
        _ = try reader.readU32()
        if flags & 0x01 != 0 { _ = try reader.readU32() }
    }
}

extension ComponentBinary {
    mutating func append(_ definition: ComponentDefinition, at offset: Int) {
        definitions.append(definition)
        offsets.append(offset)
    }
}
