/// Reads WAVE text into component values, guided by the expected type, accepting everything
/// wasm-wave's parser accepts (and so what `wasmtime run --invoke` reads):
/// whitespace and `//` comments between tokens; integers with range checks; floats as JSON numbers,
/// `nan`, `inf`, `-inf`; chars and strings with all escapes; `"""` multiline strings; lists, tuples,
/// records (fields in any order, `option` fields may be left out, `{:}` when all are), flags,
/// enum and variant cases (`%` prefix allowed, required for keywords), `some(x)`/`none`,
/// `ok`/`err` with or without payload, "flat" `some`/`ok` payloads where the payload is not itself
/// an option or result, and trailing commas.
///
/// Beyond WAVE, `$name` may stand for any value: it is looked up through `variables` (the name is
/// passed without `$`) and must have a matching type (see `WAVETypeMatcher`). Resource handles have
/// no WAVE syntax and can only be given this way.
public struct WAVEParser {
    public typealias VariableLookup = (String) -> (ComponentValue, ValueType)?

    /// Deeper nesting is refused, as by wasm-wave, so hostile input cannot exhaust the stack.
    static let maximumDepth = 100

    private var lexer: WAVELexer
    private let variables: VariableLookup?
    private var depth = 0

    private init(text: some StringProtocol, variables: VariableLookup?) {
        // Copied as memory where the text is contiguous (a native string or a slice of one).
        lexer = WAVELexer(bytes: text.utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(text.utf8))
        self.variables = variables
    }

    /// Parses `text`, which must hold exactly one value of `type` (whitespace and comments around it
    /// are allowed). Error offsets count characters from the start of `text`.
    public static func parse(
        _ text: some StringProtocol, as type: ValueType, variables: VariableLookup? = nil
    ) throws(WAVEError) -> ComponentValue {
        var parser = WAVEParser(text: text, variables: variables)
        let first = try parser.lexer.next()
        let value = try parser.parseValue(type, first)
        let after = try parser.lexer.next()
        guard after.kind == .end else {
            throw parser.lexer.error("unexpected \(parser.describe(after)) after the value", at: after.start)
        }
        return value
    }

    /// Parses a comma-separated argument list, without its parentheses, for `parameters`.
    /// Trailing `option` arguments may be left out (they are `none`); a trailing comma is allowed.
    /// Errors inside an argument name it: `argument 2 (b): expected u32, found string "x"`.
    public static func parseArguments(
        _ text: some StringProtocol, parameters: [FunctionType.Parameter], variables: VariableLookup? = nil
    ) throws(WAVEError) -> [ComponentValue] {
        var parser = WAVEParser(text: text, variables: variables)
        var values: [ComponentValue] = []
        values.reserveCapacity(parameters.count)
        func argumentPrefix(_ index: Int) -> String {
            index < parameters.count ? "argument \(index + 1) (\(parameters[index].name)): " : ""
        }
        var token: WAVEToken
        do { token = try parser.lexer.next() } catch { throw error.prefixed(argumentPrefix(0)) }
        while token.kind != .end {
            let index = values.count
            guard index < parameters.count else {
                let extra = try parser.countValues(startingWith: token, closer: nil)
                throw parser.argumentCountError(parameters, found: index + extra, at: token.start)
            }
            let parameter = parameters[index]
            do {
                values.append(try parser.parseValue(parameter.type, token))
            } catch {
                throw error.prefixed(argumentPrefix(index))
            }
            token = try parser.lexer.next()
            if token.kind == .comma {
                do { token = try parser.lexer.next() } catch { throw error.prefixed(argumentPrefix(index + 1)) }
            } else if token.kind != .end {
                throw parser.lexer.error(
                    "expected ',' after argument \(index + 1) (\(parameter.name)), found \(parser.describe(token))",
                    at: token.start)
            }
        }
        if values.count < parameters.count {
            guard parameters[values.count...].allSatisfy({ isOption($0.type) }) else {
                throw parser.argumentCountError(parameters, found: values.count, at: parser.lexer.bytes.count)
            }
            while values.count < parameters.count { values.append(.option(nil)) }
        }
        return values
    }

    // MARK: - Values

    private mutating func parseValue(_ type: ValueType, _ token: WAVEToken) throws(WAVEError) -> ComponentValue {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw lexer.error("values are nested more than \(Self.maximumDepth) levels deep", at: token.start)
        }
        if token.kind == .variable { return try resolveVariable(token, as: type) }
        switch type.underlying {
        case .bool:
            if isUnprefixedKeyword(token, "true") { return .bool(true) }
            if isUnprefixedKeyword(token, "false") { return .bool(false) }
            throw mismatch(type, token)
        case .s8: return .s8(Int8(try signedInteger(token, type, min: Int64(Int8.min), max: Int64(Int8.max))))
        case .s16: return .s16(Int16(try signedInteger(token, type, min: Int64(Int16.min), max: Int64(Int16.max))))
        case .s32: return .s32(Int32(try signedInteger(token, type, min: Int64(Int32.min), max: Int64(Int32.max))))
        case .s64: return .s64(try signedInteger(token, type, min: Int64.min, max: Int64.max))
        case .u8: return .u8(UInt8(try unsignedInteger(token, type, max: UInt64(UInt8.max))))
        case .u16: return .u16(UInt16(try unsignedInteger(token, type, max: UInt64(UInt16.max))))
        case .u32: return .u32(UInt32(try unsignedInteger(token, type, max: UInt64(UInt32.max))))
        case .u64: return .u64(try unsignedInteger(token, type, max: UInt64.max))
        case .f32:
            guard let number = Float(try floatText(token, type)) else { throw invalidNumber(token) }
            return .f32(number)
        case .f64:
            guard let number = Double(try floatText(token, type)) else { throw invalidNumber(token) }
            return .f64(number)
        case .char:
            guard token.kind == .char else { throw mismatch(type, token) }
            return .char(try WAVELiteralDecoder(lexer: lexer).decodeChar(token))
        case .string:
            switch token.kind {
            case .string: return .string(try WAVELiteralDecoder(lexer: lexer).decodeString(token))
            case .multilineString: return .string(try WAVELiteralDecoder(lexer: lexer).decodeMultilineString(token))
            default: throw mismatch(type, token)
            }
        case .list(let element):
            guard token.kind == .bracketOpen else { throw mismatch(type, token) }
            return try parseList(element)
        case .tuple(let elements):
            guard token.kind == .parenOpen else { throw mismatch(type, token) }
            return try parseTuple(elements, type: type)
        case .record(let record):
            guard token.kind == .braceOpen, braceShape().isRecord else { throw mismatch(type, token) }
            return try parseRecord(record, type: type, start: token)
        case .flags(let flags):
            guard token.kind == .braceOpen, !braceShape().isRecord else { throw mismatch(type, token) }
            return try parseFlags(flags, type: type)
        case .enumeration(let enumeration):
            guard token.kind == .label, !isUnprefixedKeyword(token) else { throw mismatch(type, token) }
            return try parseEnumCase(token, enumeration, type: type)
        case .variant(let variant):
            guard token.kind == .label, !isUnprefixedKeyword(token) else { throw mismatch(type, token) }
            return try parseVariantCase(token, variant, type: type)
        case .option(let payload):
            return try parseOption(token, payload: payload, type: type)
        case .result(let ok, let err):
            return try parseResult(token, ok: ok, err: err, type: type)
        case .own, .borrow:
            throw lexer.error("\(TypeNaming.reference(type)) can only be given as a $variable", at: token.start)
        case .alias(_, let target):
            return try parseValue(target, token)
        }
    }

    private mutating func parseList(_ elementType: ValueType) throws(WAVEError) -> ComponentValue {
        var elements: [ComponentValue] = []
        var token = try lexer.next()
        if token.kind == .bracketClose { return .list(elements) }
        while true {
            elements.append(try parseValue(elementType, token))
            token = try lexer.next()
            if token.kind == .comma {
                token = try lexer.next()
                if token.kind == .bracketClose { break }
            } else if token.kind == .bracketClose {
                break
            } else {
                throw lexer.error("expected ',' or ']' in the list, found \(describe(token))", at: token.start)
            }
        }
        return .list(elements)
    }

    private mutating func parseTuple(_ types: [ValueType], type: ValueType) throws(WAVEError) -> ComponentValue {
        var elements: [ComponentValue] = []
        elements.reserveCapacity(types.count)
        var token = try lexer.next()
        for elementType in types {
            if token.kind == .parenClose {
                throw tupleCountError(type, expected: types.count, found: elements.count, at: token.start)
            }
            elements.append(try parseValue(elementType, token))
            token = try lexer.next()
            if token.kind == .comma {
                token = try lexer.next()
            } else if token.kind != .parenClose {
                throw lexer.error("expected ',' or ')' in the tuple, found \(describe(token))", at: token.start)
            }
        }
        guard token.kind == .parenClose else {
            let extra = try countValues(startingWith: token, closer: .parenClose)
            throw tupleCountError(type, expected: types.count, found: types.count + extra, at: token.start)
        }
        return .tuple(elements)
    }

    private mutating func parseRecord(
        _ record: RecordType, type: ValueType, start: WAVEToken
    ) throws(WAVEError) -> ComponentValue {
        let fields = record.fields
        var slots = [ComponentValue?](repeating: nil, count: fields.count)
        var token = try lexer.next()
        if token.kind == .colon {
            token = try lexer.next()
            guard token.kind == .braceClose else {
                throw lexer.error("expected '}' after '{:', found \(describe(token))", at: token.start)
            }
        } else {
            while true {
                guard token.kind == .label else {
                    throw lexer.error(
                        "expected a field name in \(TypeNaming.reference(type)), found \(describe(token))",
                        at: token.start)
                }
                let name = labelBytes(token)
                guard let index = fields.firstIndex(where: { $0.name.utf8.elementsEqual(name) }) else {
                    throw lexer.error(
                        Self.unknownName(name, noun: "field", of: type, among: fields.map(\.name)), at: token.start)
                }
                guard slots[index] == nil else {
                    throw lexer.error("duplicate field \(fields[index].name)", at: token.start)
                }
                let colon = try lexer.next()
                guard colon.kind == .colon else {
                    throw lexer.error(
                        "expected ':' after field \(fields[index].name), found \(describe(colon))", at: colon.start)
                }
                slots[index] = try parseValue(fields[index].type, try lexer.next())
                token = try lexer.next()
                if try endsBraceList(&token, after: "field \(fields[index].name)") { break }
            }
        }
        var values: [ComponentValue.RecordField] = []
        values.reserveCapacity(fields.count)
        for (field, slot) in zip(fields, slots) {
            if let slot {
                values.append(ComponentValue.RecordField(name: field.name, value: slot))
            } else if Self.isOption(field.type) {
                values.append(ComponentValue.RecordField(name: field.name, value: .option(nil)))
            } else {
                throw lexer.error("\(TypeNaming.reference(type)) is missing field \(field.name)", at: start.start)
            }
        }
        return .record(values)
    }

    private mutating func parseFlags(_ flags: FlagsType, type: ValueType) throws(WAVEError) -> ComponentValue {
        var isSet = [Bool](repeating: false, count: flags.flags.count)
        var token = try lexer.next()
        if token.kind != .braceClose {
            while true {
                guard token.kind == .label else {
                    throw lexer.error(
                        "expected a flag name in \(TypeNaming.reference(type)), found \(describe(token))",
                        at: token.start)
                }
                let name = labelBytes(token)
                guard let index = flags.flags.firstIndex(where: { $0.utf8.elementsEqual(name) }) else {
                    throw lexer.error(
                        Self.unknownName(name, noun: "flag", of: type, among: flags.flags), at: token.start)
                }
                guard !isSet[index] else {
                    throw lexer.error("duplicate flag \(flags.flags[index])", at: token.start)
                }
                isSet[index] = true
                token = try lexer.next()
                if try endsBraceList(&token, after: "flag \(flags.flags[index])") { break }
            }
        }
        var names: [String] = []
        for (index, name) in flags.flags.enumerated() where isSet[index] { names.append(name) }
        return .flags(names)
    }

    /// `color has no case gren; did you mean 'green'? (its cases: red, green, blue)`: the names
    /// there are (the first dozen of a long list) and the closest to the one written.
    static func unknownName(_ name: ArraySlice<UInt8>, noun: String, of type: ValueType, among names: [String])
        -> String
    {
        let written = String(decoding: name, as: UTF8.self)
        var text = "\(TypeNaming.reference(type)) has no \(noun) \(written)"
        if let hint = Suggestions.didYouMean(written, among: names) { text += "; \(hint)" }
        let shown = names.prefix(listedNames).joined(separator: ", ")
        let more = names.count > listedNames ? " and \(names.count - listedNames) more" : ""
        return text + " (its \(noun)s: \(shown)\(more))"
    }

    /// How many names of a type an error lists before it counts the rest.
    static let listedNames = 12

    private mutating func parseEnumCase(
        _ token: WAVEToken, _ enumeration: EnumType, type: ValueType
    ) throws(WAVEError) -> ComponentValue {
        let name = labelBytes(token)
        guard let index = enumeration.cases.firstIndex(where: { $0.utf8.elementsEqual(name) }) else {
            throw lexer.error(Self.unknownName(name, noun: "case", of: type, among: enumeration.cases), at: token.start)
        }
        let next = try lexer.peek()
        if next.kind == .parenOpen {
            throw lexer.error(
                "case \(enumeration.cases[index]) of \(TypeNaming.reference(type)) takes no payload", at: next.start)
        }
        return .enumCase(enumeration.cases[index])
    }

    private mutating func parseVariantCase(
        _ token: WAVEToken, _ variant: VariantType, type: ValueType
    ) throws(WAVEError) -> ComponentValue {
        let name = labelBytes(token)
        guard let variantCase = variant.cases.first(where: { $0.name.utf8.elementsEqual(name) }) else {
            throw lexer.error(
                Self.unknownName(name, noun: "case", of: type, among: variant.cases.map(\.name)), at: token.start)
        }
        let payload = try parsePayload(
            of: variantCase.payload, caseDescription: "case \(variantCase.name) of \(TypeNaming.reference(type))",
            caseName: variantCase.name)
        return .variant(caseName: variantCase.name, payload: payload)
    }

    private mutating func parseOption(
        _ token: WAVEToken, payload: ValueType, type: ValueType
    ) throws(WAVEError) -> ComponentValue {
        if isUnprefixedKeyword(token, "some") {
            let open = try lexer.next()
            guard open.kind == .parenOpen else {
                throw lexer.error("expected '(' after some, found \(describe(open))", at: open.start)
            }
            let value = try parseValue(payload, try lexer.next())
            try expectClosingParenthesis(after: "some")
            return .option(value)
        }
        if isUnprefixedKeyword(token, "none") { return .option(nil) }
        guard !Self.isOption(payload) && !Self.isResult(payload) else { throw mismatch(type, token) }
        // The "flat" form: a bare payload means `some(payload)`.
        do {
            return .option(try parseValue(payload, token))
        } catch  where error.isTypeMismatch && isAt(error, token) {
            throw mismatch(type, token)
        }
    }

    private mutating func parseResult(
        _ token: WAVEToken, ok: ValueType?, err: ValueType?, type: ValueType
    ) throws(WAVEError) -> ComponentValue {
        let isOk = isUnprefixedKeyword(token, "ok")
        if isOk || isUnprefixedKeyword(token, "err") {
            let keyword = isOk ? "ok" : "err"
            let payload = try parsePayload(
                of: isOk ? ok : err, caseDescription: "\(keyword) of \(TypeNaming.reference(type))", caseName: keyword)
            return .result(isOk ? .ok(payload) : .err(payload))
        }
        guard let ok, !Self.isOption(ok) && !Self.isResult(ok) else { throw mismatch(type, token) }
        // The "flat" form: a bare payload means `ok(payload)`.
        do {
            return .result(.ok(try parseValue(ok, token)))
        } catch  where error.isTypeMismatch && isAt(error, token) {
            throw mismatch(type, token)
        }
    }

    /// The parenthesized payload after a case label, checked against whether the case has one.
    private mutating func parsePayload(
        of payloadType: ValueType?, caseDescription: String, caseName: String
    ) throws(WAVEError) -> ComponentValue? {
        let next = try lexer.peek()
        guard next.kind == .parenOpen else {
            if payloadType != nil {
                throw lexer.error("\(caseDescription) needs a payload: \(caseName)(...)", at: next.start)
            }
            return nil
        }
        guard let payloadType else {
            throw lexer.error("\(caseDescription) takes no payload", at: next.start)
        }
        _ = try lexer.next()
        let value = try parseValue(payloadType, try lexer.next())
        try expectClosingParenthesis(after: caseName)
        return value
    }

    private mutating func expectClosingParenthesis(after caseName: String) throws(WAVEError) {
        let close = try lexer.next()
        guard close.kind == .parenClose else {
            throw lexer.error(
                "expected ')' after the payload of \(caseName), found \(describe(close))", at: close.start)
        }
    }

    private func resolveVariable(_ token: WAVEToken, as type: ValueType) throws(WAVEError) -> ComponentValue {
        let name = String(decoding: lexer.bytes[(token.start + 1)..<token.end], as: UTF8.self)
        guard let variables, let (value, valueType) = variables(name) else {
            throw lexer.error("unknown variable $\(name)", at: token.start)
        }
        if WAVETypeMatcher.accepts(type, value: valueType) { return value }
        // As in WAVE text, a value may stand for `some(value)` or `ok(value)`.
        switch type.underlying {
        case .option(let payload)
        where !Self.isOption(payload) && !Self.isResult(payload) && WAVETypeMatcher.accepts(payload, value: valueType):
            return .option(value)
        case .result(let ok?, _)
        where !Self.isOption(ok) && !Self.isResult(ok) && WAVETypeMatcher.accepts(ok, value: valueType):
            return .result(.ok(value))
        default:
            let actualName = TypeNaming.reference(valueType)
            let expectedName = TypeNaming.reference(type)
            // Two resources (or records) may share a name yet be different types.
            let hint = actualName == expectedName ? " (a different type with the same name)" : ""
            throw lexer.error("$\(name) has type \(actualName), expected \(expectedName)\(hint)", at: token.start)
        }
    }

    // MARK: - Numbers

    private func unsignedInteger(_ token: WAVEToken, _ type: ValueType, max: UInt64) throws(WAVEError) -> UInt64 {
        let (negative, magnitude) = try integerParts(token, type)
        guard !negative, let magnitude, magnitude <= max else { throw outOfRange(token, type) }
        return magnitude
    }

    private func signedInteger(_ token: WAVEToken, _ type: ValueType, min: Int64, max: Int64) throws(WAVEError) -> Int64
    {
        let (negative, magnitude) = try integerParts(token, type)
        guard let magnitude else { throw outOfRange(token, type) }
        if negative {
            guard magnitude <= min.magnitude else { throw outOfRange(token, type) }
            return magnitude == min.magnitude ? min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(max) else { throw outOfRange(token, type) }
        return Int64(magnitude)
    }

    /// Sign and magnitude of an integer token; the magnitude is nil when it exceeds 64 bits.
    private func integerParts(_ token: WAVEToken, _ type: ValueType) throws(WAVEError) -> (Bool, UInt64?) {
        guard token.kind == .number else { throw mismatch(type, token) }
        let bytes = lexer.bytes[token.start..<token.end]
        let negative = bytes.first == UInt8(ascii: "-")
        var magnitude: UInt64 = 0
        var overflow = false
        for byte in bytes.dropFirst(negative ? 1 : 0) {
            // A fraction, exponent or `-inf`: a number, but not an integer.
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { throw mismatch(type, token) }
            if overflow { continue }
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            overflow = overflow1 || overflow2
            magnitude = sum
        }
        return (negative, overflow ? nil : magnitude)
    }

    /// The text of a float token: a number, `-inf`, or the keywords `inf` and `nan`.
    private func floatText(_ token: WAVEToken, _ type: ValueType) throws(WAVEError) -> String {
        guard token.kind == .number || isUnprefixedKeyword(token, "inf") || isUnprefixedKeyword(token, "nan") else {
            throw mismatch(type, token)
        }
        return lexer.text(of: token)
    }

    private func outOfRange(_ token: WAVEToken, _ type: ValueType) -> WAVEError {
        lexer.error(
            "\(lexer.text(of: token)) is out of range for \(TypeNaming.reference(type.underlying))", at: token.start)
    }

    private func invalidNumber(_ token: WAVEToken) -> WAVEError {
        lexer.error("invalid number \(lexer.text(of: token))", at: token.start)
    }

    // MARK: - Tokens

    /// The label's name without its `%` prefix.
    private func labelBytes(_ token: WAVEToken) -> ArraySlice<UInt8> {
        let start = lexer.bytes[token.start] == UInt8(ascii: "%") ? token.start + 1 : token.start
        return lexer.bytes[start..<token.end]
    }

    private func isUnprefixedKeyword(_ token: WAVEToken) -> Bool {
        token.kind == .label && WAVEKeyword.isKeyword(lexer.bytes[token.start..<token.end])
    }

    private func isUnprefixedKeyword(_ token: WAVEToken, _ keyword: StaticString) -> Bool {
        guard token.kind == .label, token.end - token.start == keyword.utf8CodeUnitCount else { return false }
        return keyword.withUTF8Buffer { $0.elementsEqual(lexer.bytes[token.start..<token.end]) }
    }

    private enum BraceShape {
        case record, emptyRecord, flags, emptyFlags
        var isRecord: Bool { self == .record || self == .emptyRecord }
    }

    /// Whether the `{` just read opens a record (`{:}`, `{name: ...`) or flags (`{}`, `{name,`).
    private func braceShape() -> BraceShape {
        var lookahead = lexer
        guard let first = try? lookahead.next() else { return .flags }
        switch first.kind {
        case .colon: return .emptyRecord
        case .braceClose: return .emptyFlags
        case .label:
            guard let second = try? lookahead.next() else { return .flags }
            return second.kind == .colon ? .record : .flags
        default: return .record
        }
    }

    /// How the token reads in "found ..." messages. Call it right after reading `token`.
    /// After an item of a `{...}` record or flags list: consumes `,` (and a `}` right after it,
    /// a trailing comma) or `}`. True when the list has ended; `token` is then the `}`.
    private mutating func endsBraceList(_ token: inout WAVEToken, after item: String) throws(WAVEError) -> Bool {
        if token.kind == .comma {
            token = try lexer.next()
            return token.kind == .braceClose
        }
        if token.kind == .braceClose { return true }
        throw lexer.error("expected ',' or '}' after \(item), found \(describe(token))", at: token.start)
    }

    private func describe(_ token: WAVEToken) -> String {
        switch token.kind {
        case .number: return "number \(lexer.text(of: token))"
        case .char: return "char \(abbreviated(lexer.text(of: token)))"
        case .string: return "string \(abbreviated(lexer.text(of: token)))"
        case .multilineString: return "multiline string"
        case .label: return isUnprefixedKeyword(token) ? lexer.text(of: token) : "label \(lexer.text(of: token))"
        case .variable: return lexer.text(of: token)
        case .parenOpen: return "tuple"
        case .bracketOpen: return "list"
        case .braceOpen:
            switch braceShape() {
            case .record, .emptyRecord: return "record"
            case .flags: return "flags"
            case .emptyFlags: return "{}"
            }
        case .parenClose: return "')'"
        case .bracketClose: return "']'"
        case .braceClose: return "'}'"
        case .colon: return "':'"
        case .comma: return "','"
        case .end: return "end of input"
        }
    }

    private func abbreviated(_ text: String) -> String {
        guard text.count > 40 else { return text }
        return String(text.prefix(36)) + "..." + String(text.last ?? "\"")
    }

    private func mismatch(_ type: ValueType, _ token: WAVEToken) -> WAVEError {
        var message = "expected \(TypeNaming.reference(type)), found \(describe(token))"
        if isUnprefixedKeyword(token) {
            let keyword = lexer.text(of: token)
            let isCase: Bool
            switch type.underlying {
            case .enumeration(let enumeration): isCase = enumeration.cases.contains(keyword)
            case .variant(let variant): isCase = variant.cases.contains { $0.name == keyword }
            default: isCase = false
            }
            if isCase { message += " (write %\(keyword) for the case \(keyword))" }
        } else if token.kind == .braceOpen, braceShape() == .emptyFlags, case .record = type.underlying {
            message += " (an empty record is written {:})"
        }
        return lexer.error(message, at: token.start, isTypeMismatch: true)
    }

    private func isAt(_ error: WAVEError, _ token: WAVEToken) -> Bool {
        error.offset == WAVELexer.characterOffset(of: token.start, in: lexer.bytes)
    }

    // MARK: - Counting, for messages about too many values

    /// How many comma-separated values follow, starting with `token`, up to `closer` or the end.
    private mutating func countValues(startingWith token: WAVEToken, closer: WAVEToken.Kind?) throws(WAVEError) -> Int {
        var count = 0
        var token = token
        while token.kind != .end && token.kind != closer {
            if token.kind != .comma {
                count += 1
                try skipValue(token)
            }
            token = try lexer.next()
        }
        return max(count, 1)
    }

    private mutating func skipValue(_ token: WAVEToken) throws(WAVEError) {
        var open = 0
        if token.isOpener {
            open = 1
        } else if token.kind == .label, try lexer.peek().kind == .parenOpen {
            _ = try lexer.next()
            open = 1
        }
        while open > 0 {
            let next = try lexer.next()
            if next.isOpener {
                open += 1
            } else if next.isCloser {
                open -= 1
            } else if next.kind == .end {
                return
            }
        }
    }

    private func tupleCountError(_ type: ValueType, expected: Int, found: Int, at byte: Int) -> WAVEError {
        lexer.error(
            "expected \(expected) element\(expected == 1 ? "" : "s") in \(TypeNaming.reference(type)), found \(found)",
            at: byte)
    }

    private func argumentCountError(_ parameters: [FunctionType.Parameter], found: Int, at byte: Int) -> WAVEError {
        var message = "expected "
        if parameters.isEmpty {
            message += "no arguments"
        } else {
            // Trailing options may be left out.
            var required = parameters.count
            while required > 0 && Self.isOption(parameters[required - 1].type) { required -= 1 }
            if required == parameters.count {
                message += "\(required) argument\(required == 1 ? "" : "s")"
            } else {
                message += "\(required) to \(parameters.count) arguments"
            }
            message += " ("
            for (index, parameter) in parameters.enumerated() {
                if index > 0 { message += ", " }
                message += parameter.name
                message += ": "
                WITTypeNamer.message.append(parameter.type, to: &message)
            }
            message += ")"
        }
        message += ", found \(found)"
        return lexer.error(message, at: byte)
    }

    private static func isOption(_ type: ValueType) -> Bool {
        if case .option = type.underlying { return true }
        return false
    }

    private static func isResult(_ type: ValueType) -> Bool {
        if case .result = type.underlying { return true }
        return false
    }
}
