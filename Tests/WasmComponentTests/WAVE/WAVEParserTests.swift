import Testing

@testable import WasmComponent

@Suite("WAVE parsing")
struct WAVEParserTests {
    private func parse(_ text: String, _ type: ValueType) throws(WAVEError) -> ComponentValue {
        try WAVEParser.parse(text, as: type)
    }

    private func failure(_ text: String, _ type: ValueType) -> WAVEError? {
        do {
            _ = try WAVEParser.parse(text, as: type)
            return nil
        } catch {
            return error
        }
    }

    @Test("integers parse at every width up to their limits")
    func integers() throws {
        #expect(try parse("-128", .s8) == .s8(-128))
        #expect(try parse("127", .s8) == .s8(127))
        #expect(try parse("255", .u8) == .u8(255))
        #expect(try parse("-32768", .s16) == .s16(-32768))
        #expect(try parse("65535", .u16) == .u16(65535))
        #expect(try parse("-2147483648", .s32) == .s32(Int32.min))
        #expect(try parse("4294967295", .u32) == .u32(UInt32.max))
        #expect(try parse("-9223372036854775808", .s64) == .s64(Int64.min))
        #expect(try parse("9223372036854775807", .s64) == .s64(Int64.max))
        #expect(try parse("18446744073709551615", .u64) == .u64(UInt64.max))
        #expect(try parse("0", .u8) == .u8(0))
        #expect(try parse("-0", .s8) == .s8(0))
    }

    @Test(
        "integers outside their type's range are refused, naming the value and the type",
        arguments: [
            ("300", ValueType.u8, "300 is out of range for u8"),
            ("-1", .u32, "-1 is out of range for u32"),
            ("-0", .u64, "-0 is out of range for u64"),
            ("128", .s8, "128 is out of range for s8"),
            ("-129", .s8, "-129 is out of range for s8"),
            ("65536", .u16, "65536 is out of range for u16"),
            ("-9223372036854775809", .s64, "-9223372036854775809 is out of range for s64"),
            ("18446744073709551616", .u64, "18446744073709551616 is out of range for u64"),
            ("99999999999999999999999999", .u64, "99999999999999999999999999 is out of range for u64"),
            ("1.5", .u8, "expected u8, found number 1.5"),
            ("1e3", .s32, "expected s32, found number 1e3"),
            ("inf", .s32, "expected s32, found inf"),
            ("-inf", .s32, "expected s32, found number -inf"),
        ])
    func integerErrors(text: String, type: ValueType, message: String) {
        #expect(failure(text, type) == WAVEError(message: message, offset: 0))
    }

    @Test("floats parse as JSON numbers, nan, inf and -inf")
    func floats() throws {
        #expect(try parse("3.14", .f64) == .f64(3.14))
        #expect(try parse("6.022e+23", .f64) == .f64(6.022e23))
        #expect(try parse("-1E-3", .f64) == .f64(-0.001))
        #expect(try parse("7", .f32) == .f32(7))
        #expect(try parse("0.1", .f32) == .f32(Float(0.1)))
        #expect(try parse("-inf", .f32) == .f32(-.infinity))
        #expect(try parse("inf", .f64) == .f64(.infinity))
        guard case .f64(let nan) = try parse("nan", .f64) else {
            Issue.record("not an f64")
            return
        }
        #expect(nan.isNaN)
        guard case .f64(let negativeZero) = try parse("-0", .f64) else {
            Issue.record("not an f64")
            return
        }
        #expect(negativeZero == 0 && negativeZero.sign == .minus)
        // As in Rust, a value too large for the width reads as infinity.
        #expect(try parse("1e39", .f32) == .f32(.infinity))
    }

    @Test(
        "malformed numbers are refused as a whole",
        arguments: [
            ("01", "invalid number 01"),
            ("1.", "invalid number 1."),
            ("1e", "invalid number 1e"),
            ("12abc", "invalid number 12abc"),
            ("-", "unexpected character '-'"),
            ("+1", "unexpected character '+'"),
            (".5", "unexpected character '.'"),
        ])
    func malformedNumbers(text: String, message: String) {
        #expect(failure(text, .f64) == WAVEError(message: message, offset: 0))
    }

    @Test("chars and strings decode every escape")
    func escapes() throws {
        #expect(try parse(#"'x'"#, .char) == .char("x"))
        #expect(try parse(#"'"'"#, .char) == .char("\""))
        #expect(try parse(#"'\''"#, .char) == .char("'"))
        #expect(try parse(#"'\u{1F44B}'"#, .char) == .char("👋"))
        #expect(try parse("'☃'", .char) == .char("☃"))
        #expect(
            try parse(#""a\"b\'c\\d\te\rf\ng\u{0}h\u{7f}i\u{10FFFF}""#, .string)
                == .string("a\"b'c\\d\te\rf\ng\u{0}h\u{7F}i\u{10FFFF}"))
        #expect(try parse(#""it's""#, .string) == .string("it's"))
        #expect(try parse(#""""#, .string) == .string(""))
        #expect(try parse("\"tab\there\"", .string) == .string("tab\there"))
    }

    @Test(
        "bad chars and strings are refused with the reason",
        arguments: [
            (#"'ab'"#, ValueType.char, "a char literal holds exactly one character: 'ab'", 0),
            (#"''"#, .char, "empty char literal ''", 0),
            ("'e\u{301}'", .char, "a char literal holds exactly one character: 'e\u{301}'", 0),
            (#"'a"#, .char, "unterminated char literal", 0),
            (#""abc"#, .string, "unterminated string", 0),
            ("\"a\nb\"", .string, "unterminated string (write a line break as \\n)", 0),
            (#""a\qb""#, .string, #"invalid escape \q (escapes are \\ \' \" \t \n \r \u{hex})"#, 2),
            (#""\u{d800}""#, .string, #"\u{d800} is not a Unicode scalar value"#, 1),
            (#""\u{110000}""#, .string, #"\u{110000} is not a Unicode scalar value"#, 1),
            (#""\u{1234567}""#, .string, #"invalid escape \u{...}: expected 1 to 6 hex digits and '}'"#, 1),
            (#""\u{}""#, .string, #"invalid escape \u{...}: expected 1 to 6 hex digits and '}'"#, 1),
            (#""\u41""#, .string, #"invalid escape \u (write \u{hex})"#, 1),
            (#""ab\"#, .string, "unterminated string", 0),
        ])
    func badText(text: String, type: ValueType, message: String, offset: Int) {
        #expect(failure(text, type) == WAVEError(message: message, offset: offset))
    }

    @Test("multiline strings drop the first line break and the closing line's indent")
    func multilineStrings() throws {
        #expect(try parse("\"\"\"\nA single line\n\"\"\"", .string) == .string("A single line"))
        #expect(
            try parse("\"\"\"\n    Indentation determined\n      by ending delimiter\n  \"\"\"", .string)
                == .string("  Indentation determined\n    by ending delimiter"))
        #expect(
            try parse(
                "\"\"\"\n  Must escape carriage return at end of line: \\r\n  Must break up double quote triplets: \"\"\\\"\"\n  \"\"\"",
                .string)
                == .string(
                    "Must escape carriage return at end of line: \r\nMust break up double quote triplets: \"\"\"\""))
        #expect(try parse("\"\"\"\r\nwindows\r\nlines\r\n\"\"\"", .string) == .string("windows\nlines"))
        #expect(try parse("\"\"\"\n\"\"\"", .string) == .string(""))
        #expect(try parse("\"\"\"\n'quotes' and \"one\"\n\"\"\"", .string) == .string("'quotes' and \"one\""))
    }

    @Test("malformed multiline strings are refused")
    func badMultilineStrings() {
        #expect(
            failure("\"\"\"abc\n\"\"\"", .string)
                == WAVEError(message: "opening \"\"\" must be followed immediately by a line break", offset: 0))
        #expect(
            failure("\"\"\"\nabc\"\"\"", .string)
                == WAVEError(message: "closing \"\"\" must be on a line preceded only by spaces", offset: 7))
        #expect(
            failure("\"\"\"\n  a\n b\n  \"\"\"", .string)
                == WAVEError(message: "lines must be indented at least as much as the closing \"\"\"", offset: 8))
        #expect(failure("\"\"\"\nabc", .string) == WAVEError(message: "unterminated multiline string", offset: 0))
    }

    @Test("whitespace and // comments may stand between tokens")
    func whitespaceAndComments() throws {
        let text = """
            [ // first
              1 ,
              2 // second
            , ]  // done
            """
        #expect(try parse(text, .list(.u8)) == .list([.u8(1), .u8(2)]))
        #expect(try parse("  true\t\r\n", .bool) == .bool(true))
    }

    @Test("lists, tuples, records and flags allow a trailing comma")
    func trailingCommas() throws {
        #expect(try parse("[1, 2,]", .list(.u8)) == .list([.u8(1), .u8(2)]))
        #expect(try parse("(1, \"a\",)", .tuple([.u8, .string])) == .tuple([.u8(1), .string("a")]))
        #expect(
            try parse("{y: 2, x: 1,}", WAVETestTypes.point)
                == .record([.init(name: "x", value: .s32(1)), .init(name: "y", value: .s32(2))]))
        #expect(try parse("{exec, read,}", WAVETestTypes.perms) == .flags(["read", "exec"]))
    }

    @Test("record fields may come in any order, option fields may be left out, {:} is all left out")
    func records() throws {
        #expect(
            try parse(#"{name: "n"}"#, WAVETestTypes.settings)
                == .record([
                    .init(name: "name", value: .string("n")), .init(name: "level", value: .option(nil)),
                    .init(name: "tag", value: .option(nil)),
                ]))
        #expect(
            try parse(#"{tag: "t", %name: "n", level: some(3)}"#, WAVETestTypes.settings)
                == .record([
                    .init(name: "name", value: .string("n")), .init(name: "level", value: .option(.u8(3))),
                    .init(name: "tag", value: .option(.string("t"))),
                ]))
        #expect(
            try parse("{:}", WAVETestTypes.allOptional)
                == .record([.init(name: "a", value: .option(nil)), .init(name: "b", value: .option(nil))]))
        #expect(
            try parse("{ : }", WAVETestTypes.allOptional)
                == .record([.init(name: "a", value: .option(nil)), .init(name: "b", value: .option(nil))]))
        // Field names that are keywords need no prefix.
        let keywordFields = ValueType.record(
            RecordType(name: "k", fields: [.init(name: "true", type: .u8), .init(name: "none", type: .u8)]))
        #expect(
            try parse("{true: 1, none: 2}", keywordFields)
                == .record([.init(name: "true", value: .u8(1)), .init(name: "none", value: .u8(2))]))
    }

    @Test(
        "bad records are refused with the field and the record named",
        arguments: [
            ("{x: 1}", WAVETestTypes.point, "point is missing field y", 0),
            ("{x: 1, y: 2, z: 3}", WAVETestTypes.point, "point has no field z (its fields: x, y)", 13),
            ("{x: 1, x: 2}", WAVETestTypes.point, "duplicate field x", 7),
            ("{x 1, y: 2}", WAVETestTypes.point, "expected point, found flags", 0),
            ("{x: 1 y: 2}", WAVETestTypes.point, "expected ',' or '}' after field x, found label y", 6),
            ("{:}", WAVETestTypes.point, "point is missing field x", 0),
            ("{}", WAVETestTypes.allOptional, "expected maybe, found {} (an empty record is written {:})", 0),
            ("{x: 1, 2}", WAVETestTypes.point, "expected a field name in point, found number 2", 7),
            ("{x: \"1\", y: 2}", WAVETestTypes.point, #"expected s32, found string "1""#, 4),
        ])
    func badRecords(text: String, type: ValueType, message: String, offset: Int) {
        #expect(failure(text, type) == WAVEError(message: message, offset: offset))
    }

    @Test("flags parse in any order into declaration order, with an optional % prefix")
    func flags() throws {
        #expect(try parse("{write, read}", WAVETestTypes.perms) == .flags(["read", "write"]))
        #expect(try parse("{}", WAVETestTypes.perms) == .flags([]))
        #expect(try parse("{%exec}", WAVETestTypes.perms) == .flags(["exec"]))
        #expect(failure("{read, read}", WAVETestTypes.perms) == WAVEError(message: "duplicate flag read", offset: 7))
        #expect(
            failure("{delete}", WAVETestTypes.perms)
                == WAVEError(message: "perms has no flag delete (its flags: read, write, exec)", offset: 1))
        #expect(failure("{:}", WAVETestTypes.perms) == WAVEError(message: "expected perms, found record", offset: 0))
    }

    @Test("enum and variant cases parse by name; keyword names need their % prefix")
    func cases() throws {
        #expect(try parse("not-found", WAVETestTypes.status) == .enumCase("not-found"))
        #expect(try parse("%ok", WAVETestTypes.status) == .enumCase("ok"))
        #expect(try parse("%not-found", WAVETestTypes.status) == .enumCase("not-found"))
        #expect(try parse("circle(2.5)", WAVETestTypes.shape) == .variant(caseName: "circle", payload: .f64(2.5)))
        #expect(try parse("square (4)", WAVETestTypes.shape) == .variant(caseName: "square", payload: .u32(4)))
        #expect(try parse("empty", WAVETestTypes.shape) == .variant(caseName: "empty", payload: nil))
        #expect(try parse("%none(1)", WAVETestTypes.shape) == .variant(caseName: "none", payload: .u8(1)))
        #expect(try parse("%ok", WAVETestTypes.shape) == .variant(caseName: "ok", payload: nil))
    }

    @Test(
        "bad enum and variant cases are refused with a hint where a % is missing",
        arguments: [
            ("ok", WAVETestTypes.status, "expected status, found ok (write %ok for the case ok)", 0),
            ("none(1)", WAVETestTypes.shape, "expected shape, found none (write %none for the case none)", 0),
            ("true", WAVETestTypes.status, "expected status, found true", 0),
            ("gone", WAVETestTypes.status, "status has no case gone (its cases: ok, not-found, err, inf)", 0),
            ("err(1)", WAVETestTypes.status, "expected status, found err (write %err for the case err)", 0),
            ("%err(1)", WAVETestTypes.status, "case err of status takes no payload", 4),
            ("circle", WAVETestTypes.shape, "case circle of shape needs a payload: circle(...)", 6),
            ("empty(1)", WAVETestTypes.shape, "case empty of shape takes no payload", 5),
            ("circle(1", WAVETestTypes.shape, "expected ')' after the payload of circle, found end of input", 8),
            ("\"circle\"", WAVETestTypes.shape, #"expected shape, found string "circle""#, 0),
            (
                "CIRCLE", WAVETestTypes.shape,
                "shape has no case CIRCLE; did you mean 'circle'? (its cases: circle, square, empty, none, ok)", 0
            ),
            (
                "not-fuond", WAVETestTypes.status,
                "status has no case not-fuond; did you mean 'not-found'? (its cases: ok, not-found, err, inf)", 0
            ),
            ("Circle", WAVETestTypes.shape, "invalid label Circle", 0),
            ("cIrcle", WAVETestTypes.shape, "invalid label cIrcle", 0),
            ("circle-", WAVETestTypes.shape, "invalid label circle-", 0),
            ("circle_1", WAVETestTypes.shape, "invalid label circle_1", 0),
            ("%", WAVETestTypes.shape, "expected a label after '%'", 0),
        ])
    func badCases(text: String, type: ValueType, message: String, offset: Int) {
        #expect(failure(text, type) == WAVEError(message: message, offset: offset))
    }

    @Test("an unknown case of a long enum lists the first dozen and counts the rest")
    func longEnum() {
        let many = ValueType.enumeration(EnumType(name: "many", cases: (1...40).map { "case\($0)" }))
        let message = failure("purple", many)?.message ?? ""
        #expect(message.hasPrefix("many has no case purple (its cases: case1, case2, "))
        #expect(message.hasSuffix(", case12 and 28 more)"))
    }

    @Test("options take some(x), none, or a flat payload that is not itself an option or result")
    func options() throws {
        #expect(try parse("some(5)", .option(.u32)) == .option(.u32(5)))
        #expect(try parse("none", .option(.u32)) == .option(nil))
        #expect(try parse("5", .option(.u32)) == .option(.u32(5)))
        #expect(try parse("some(none)", .option(.option(.u32))) == .option(.option(nil)))
        #expect(try parse("some(some(1))", .option(.option(.u32))) == .option(.option(.u32(1))))
        #expect(
            failure("1", .option(.option(.u32)))
                == WAVEError(message: "expected option<option<u32>>, found number 1", offset: 0))
        #expect(
            failure("\"x\"", .option(.u32)) == WAVEError(message: #"expected option<u32>, found string "x""#, offset: 0)
        )
        #expect(
            failure("some 5", .option(.u32)) == WAVEError(message: "expected '(' after some, found number 5", offset: 5)
        )
        #expect(
            failure("some(5", .option(.u32))
                == WAVEError(message: "expected ')' after the payload of some, found end of input", offset: 6))
        // A nested mismatch is reported where it is, with its own type.
        #expect(
            failure("[1, \"x\"]", .option(.list(.u8)))
                == WAVEError(message: #"expected u8, found string "x""#, offset: 4))
    }

    @Test("results take ok/err with or without payload as the type says, or a flat ok payload")
    func results() throws {
        let both = ValueType.result(ok: .u32, err: .string)
        #expect(try parse("ok(1)", both) == .result(.ok(.u32(1))))
        #expect(try parse(#"err("no")"#, both) == .result(.err(.string("no"))))
        #expect(try parse("7", both) == .result(.ok(.u32(7))))
        let errOnly = ValueType.result(ok: nil, err: .string)
        #expect(try parse("ok", errOnly) == .result(.ok(nil)))
        #expect(try parse(#"err("x")"#, errOnly) == .result(.err(.string("x"))))
        let bare = ValueType.result(ok: nil, err: nil)
        #expect(try parse("ok", bare) == .result(.ok(nil)))
        #expect(try parse("err", bare) == .result(.err(nil)))
        #expect(failure("ok(1)", errOnly) == WAVEError(message: "ok of result<_, string> takes no payload", offset: 2))
        #expect(
            failure("err", errOnly)
                == WAVEError(message: "err of result<_, string> needs a payload: err(...)", offset: 3))
        #expect(
            failure("\"x\"", errOnly) == WAVEError(message: #"expected result<_, string>, found string "x""#, offset: 0)
        )
        #expect(failure("none", both) == WAVEError(message: "expected result<u32, string>, found none", offset: 0))
    }

    @Test("tuples need exactly their elements")
    func tuples() throws {
        let pair = ValueType.tuple([.u8, .string])
        #expect(try parse(#"(1, "a")"#, pair) == .tuple([.u8(1), .string("a")]))
        #expect(
            failure("(1)", pair) == WAVEError(message: "expected 2 elements in tuple<u8, string>, found 1", offset: 2))
        #expect(
            failure(#"(1, "a", 3, [4, 5])"#, pair)
                == WAVEError(message: "expected 2 elements in tuple<u8, string>, found 4", offset: 9))
        #expect(
            failure("()", pair) == WAVEError(message: "expected 2 elements in tuple<u8, string>, found 0", offset: 1))
        #expect(
            failure("(1 \"a\")", pair)
                == WAVEError(message: #"expected ',' or ')' in the tuple, found string "a""#, offset: 3))
    }

    @Test("lists report a missing separator")
    func lists() {
        #expect(
            failure("[1 2]", .list(.u8))
                == WAVEError(message: "expected ',' or ']' in the list, found number 2", offset: 3))
        #expect(failure("[1,", .list(.u8)) == WAVEError(message: "expected u8, found end of input", offset: 3))
        #expect(failure("[,]", .list(.u8)) == WAVEError(message: "expected u8, found ','", offset: 1))
    }

    @Test("type mismatches say what was expected and what was found")
    func mismatches() {
        #expect(failure(#""x""#, .u32) == WAVEError(message: #"expected u32, found string "x""#, offset: 0))
        #expect(failure("'x'", .string) == WAVEError(message: "expected string, found char 'x'", offset: 0))
        #expect(failure("[1]", .u32) == WAVEError(message: "expected u32, found list", offset: 0))
        #expect(failure("(1)", .u32) == WAVEError(message: "expected u32, found tuple", offset: 0))
        #expect(failure("{a}", .u32) == WAVEError(message: "expected u32, found flags", offset: 0))
        #expect(failure("{a: 1}", .u32) == WAVEError(message: "expected u32, found record", offset: 0))
        #expect(failure("yes", .bool) == WAVEError(message: "expected bool, found label yes", offset: 0))
        #expect(failure("%true", .bool) == WAVEError(message: "expected bool, found label %true", offset: 0))
        #expect(failure("", .bool) == WAVEError(message: "expected bool, found end of input", offset: 0))
        #expect(
            failure("1", .alias(name: "byte-text", .string))
                == WAVEError(message: "expected byte-text, found number 1", offset: 0))
        let long = "\"" + String(repeating: "a", count: 60) + "\""
        #expect(
            failure(long, .u8)
                == WAVEError(
                    message: "expected u8, found string \"" + String(repeating: "a", count: 35) + "...\"", offset: 0))
    }

    @Test("only whitespace and comments may follow the value")
    func trailingText() {
        #expect(failure("1 2", .u8) == WAVEError(message: "unexpected number 2 after the value", offset: 2))
        #expect(failure("none(1)", .option(.u8)) == WAVEError(message: "unexpected tuple after the value", offset: 4))
        #expect(failure("true // fine", .bool) == nil)
        #expect(failure("1 #", .u8) == WAVEError(message: "unexpected character '#'", offset: 2))
    }

    @Test("error offsets count characters, not bytes")
    func characterOffsets() {
        #expect(
            failure(#"["日本", 1]"#, .list(.string)) == WAVEError(message: "expected string, found number 1", offset: 7))
    }

    @Test("nesting deeper than 100 levels is refused instead of exhausting the stack")
    func deepNesting() {
        var type = ValueType.u8
        for _ in 0..<150 { type = .list(type) }
        let text = String(repeating: "[", count: 150) + String(repeating: "]", count: 150)
        #expect(failure(text, type) == WAVEError(message: "values are nested more than 100 levels deep", offset: 100))
        var shallow = ValueType.u8
        for _ in 0..<99 { shallow = .list(shallow) }
        #expect(failure(String(repeating: "[", count: 99) + "1" + String(repeating: "]", count: 99), shallow) == nil)
    }

    @Test("resources cannot be written as literals")
    func resources() {
        #expect(
            failure("1", .own(WAVETestTypes.cart))
                == WAVEError(message: "own<cart> can only be given as a $variable", offset: 0))
        #expect(
            failure("[1]", .list(.borrow(WAVETestTypes.cart)))
                == WAVEError(message: "borrow<cart> can only be given as a $variable", offset: 1))
    }
}
