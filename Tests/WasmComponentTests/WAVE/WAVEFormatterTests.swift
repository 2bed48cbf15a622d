import Testing

@testable import WasmComponent

@Suite("WAVE formatting")
struct WAVEFormatterTests {
    private func text(_ value: ComponentValue, _ type: ValueType) -> String {
        WAVEFormatter.format(value, as: type)
    }

    @Test("integers print in decimal at every width and bools as keywords")
    func integersAndBools() {
        #expect(text(.s8(-128), .s8) == "-128")
        #expect(text(.u8(255), .u8) == "255")
        #expect(text(.s16(-32768), .s16) == "-32768")
        #expect(text(.u16(65535), .u16) == "65535")
        #expect(text(.s32(Int32.min), .s32) == "-2147483648")
        #expect(text(.u32(UInt32.max), .u32) == "4294967295")
        #expect(text(.s64(Int64.min), .s64) == "-9223372036854775808")
        #expect(text(.u64(UInt64.max), .u64) == "18446744073709551615")
        #expect(text(.bool(true), .bool) == "true")
        #expect(text(.bool(false), .bool) == "false")
    }

    @Test(
        "f64 prints as Rust's Display: shortest round-trip digits, never exponent notation",
        arguments: [
            (0.1 + 0.2, "0.30000000000000004"),
            (0.1, "0.1"),
            (1e21, "1000000000000000000000"),
            (1e-7, "0.0000001"),
            (1.0, "1"),
            (-2.5, "-2.5"),
            (123456.0, "123456"),
            (1e16, "10000000000000000"),
            (1.7976931348623157e308, "17976931348623157" + String(repeating: "0", count: 292)),
            (-0.0, "-0"),
            (0.0, "0"),
            (Double.infinity, "inf"),
            (-Double.infinity, "-inf"),
            (Double.nan, "nan"),
            (-Double.nan, "nan"),
        ] as [(Double, String)])
    func doubles(value: Double, expected: String) {
        #expect(text(.f64(value), .f64) == expected)
    }

    @Test("the smallest f64 subnormal prints all its zeros")
    func smallestSubnormal() {
        let expected = "0." + String(repeating: "0", count: 323) + "5"
        #expect(text(.f64(Double.leastNonzeroMagnitude), .f64) == expected)
    }

    @Test(
        "f32 prints the shortest digits in f32's own width, and breaks ties away from zero as Rust does",
        arguments: [
            (Float(0.1), "0.1"),
            (Float.greatestFiniteMagnitude, "340282350000000000000000000000000000000"),
            (Float(1e-7), "0.0000001"),
            (Float(16_777_216), "16777216"),
            (Float(-0.0), "-0"),
            (Float.infinity, "inf"),
            (-Float.infinity, "-inf"),
            (Float.nan, "nan"),
            // Exactly halfway between 360073.12 and 360073.13: Swift's description says .12.
            (Float(360073.125), "360073.13"),
            (Float(-522429.125), "-522429.13"),
            (Float.leastNonzeroMagnitude, "0." + String(repeating: "0", count: 44) + "1"),
        ] as [(Float, String)])
    func floats(value: Float, expected: String) {
        #expect(text(.f32(value), .f32) == expected)
    }

    @Test("chars and strings escape backslash, quotes, tab, CR and LF with a backslash")
    func simpleEscapes() {
        #expect(text(.char("x"), .char) == "'x'")
        #expect(text(.char("'"), .char) == #"'\''"#)
        #expect(text(.char("\""), .char) == #"'\"'"#)
        #expect(text(.char("\\"), .char) == #"'\\'"#)
        #expect(text(.string("a\"b'c\\d\te\rf\ng"), .string) == #""a\"b\'c\\d\te\rf\ng""#)
        #expect(text(.string(""), .string) == #""""#)
    }

    @Test("control characters print as lowercase hex escapes without leading zeros")
    func controlEscapes() {
        #expect(text(.char("\u{0}"), .char) == #"'\u{0}'"#)
        #expect(text(.string("bell\u{7}del\u{7F}c1\u{9B}"), .string) == #""bell\u{7}del\u{7f}c1\u{9b}""#)
    }

    @Test("non-printable and grapheme-extending characters escape as Rust's escape_debug does")
    func unicodeEscapes() {
        // Combining acute, variation selector 15, zero-width joiner, no-break space, soft hyphen,
        // line separator, private use, unassigned.
        #expect(text(.string("e\u{301}"), .string) == #""e\u{301}""#)
        #expect(text(.char("\u{FE0E}"), .char) == #"'\u{fe0e}'"#)
        #expect(text(.string("a\u{200D}b"), .string) == #""a\u{200d}b""#)
        #expect(text(.string("1\u{A0}000"), .string) == #""1\u{a0}000""#)
        #expect(text(.char("\u{AD}"), .char) == #"'\u{ad}'"#)
        #expect(text(.char("\u{2028}"), .char) == #"'\u{2028}'"#)
        #expect(text(.char("\u{E000}"), .char) == #"'\u{e000}'"#)
        #expect(text(.char("\u{378}"), .char) == #"'\u{378}'"#)
    }

    /// Expected texts were produced by Rust 1.95 applying wasm-wave's writer rules to the same strings.
    @Test(
        "strings mixing marks, joiners, flags and invisible characters match Rust's output",
        arguments: [
            ("e\u{301}x", #""e\u{301}x""#),
            ("a\u{200D}b\u{FE0F}", #""a\u{200d}b\u{fe0f}""#),
            ("\u{0}\u{1F}\u{7F}\u{85}\u{A0}", #""\u{0}\u{1f}\u{7f}\u{85}\u{a0}""#),
            ("日本語 👋🏽 ☃\u{FE0E}", #""日本語 👋🏽 ☃\u{fe0e}""#),
            ("\u{1F1FA}\u{1F1F8}", "\"\u{1F1FA}\u{1F1F8}\""),
            ("\u{E0001}\u{E0020}", #""\u{e0001}\u{e0020}""#),
            ("\u{FEFF}bom", #""\u{feff}bom""#),
            ("\u{2066}iso\u{2069}", #""\u{2066}iso\u{2069}""#),
        ])
    func rustSamples(value: String, expected: String) {
        #expect(text(.string(value), .string) == expected)
    }

    @Test("printable non-ASCII characters print as themselves")
    func printableUnicode() {
        #expect(text(.string("héllo wörld ☃ 👋 日本"), .string) == "\"héllo wörld ☃ 👋 日本\"")
        #expect(text(.char("é"), .char) == "'é'")
    }

    @Test("lists and tuples separate elements with a comma and a space")
    func listsAndTuples() {
        #expect(text(.list([.u8(1), .u8(2), .u8(3)]), .list(.u8)) == "[1, 2, 3]")
        #expect(text(.list([]), .list(.u8)) == "[]")
        #expect(text(.tuple([.string("a"), .u32(1)]), .tuple([.string, .u32])) == #"("a", 1)"#)
        #expect(text(.list([.list([.bool(true)]), .list([])]), .list(.list(.bool))) == "[[true], []]")
    }

    @Test("records leave out fields whose value is none, and print {:} when nothing remains")
    func records() {
        #expect(
            text(.record([.init(name: "x", value: .s32(1)), .init(name: "y", value: .s32(-2))]), WAVETestTypes.point)
                == "{x: 1, y: -2}")
        let settings: ComponentValue = .record([
            .init(name: "name", value: .string("a")), .init(name: "level", value: .option(nil)),
            .init(name: "tag", value: .option(.string("t"))),
        ])
        #expect(text(settings, WAVETestTypes.settings) == #"{name: "a", tag: some("t")}"#)
        let empty: ComponentValue = .record([
            .init(name: "a", value: .option(nil)), .init(name: "b", value: .option(nil)),
        ])
        #expect(text(empty, WAVETestTypes.allOptional) == "{:}")
    }

    @Test("flags print in declaration order, {} when none is set")
    func flags() {
        #expect(text(.flags(["read", "exec"]), WAVETestTypes.perms) == "{read, exec}")
        #expect(text(.flags(["exec", "read"]), WAVETestTypes.perms) == "{read, exec}")
        #expect(text(.flags([]), WAVETestTypes.perms) == "{}")
    }

    @Test("enum and variant cases named like WAVE keywords get a % prefix")
    func keywordCases() {
        #expect(text(.enumCase("ok"), WAVETestTypes.status) == "%ok")
        #expect(text(.enumCase("inf"), WAVETestTypes.status) == "%inf")
        #expect(text(.enumCase("not-found"), WAVETestTypes.status) == "not-found")
        #expect(text(.variant(caseName: "none", payload: .u8(3)), WAVETestTypes.shape) == "%none(3)")
        #expect(text(.variant(caseName: "ok", payload: nil), WAVETestTypes.shape) == "%ok")
        #expect(text(.variant(caseName: "circle", payload: .f64(1.5)), WAVETestTypes.shape) == "circle(1.5)")
        #expect(text(.variant(caseName: "empty", payload: nil), WAVETestTypes.shape) == "empty")
        for keyword in ["true", "false", "some", "none", "ok", "err", "inf", "nan"] {
            let type = ValueType.enumeration(EnumType(name: "e", cases: [keyword]))
            #expect(text(.enumCase(keyword), type) == "%" + keyword)
        }
    }

    @Test("options and results print their case, with the payload in parentheses if there is one")
    func optionsAndResults() {
        #expect(text(.option(.u32(5)), .option(.u32)) == "some(5)")
        #expect(text(.option(nil), .option(.u32)) == "none")
        #expect(text(.option(.option(nil)), .option(.option(.u32))) == "some(none)")
        #expect(text(.result(.ok(.string("x"))), .result(ok: .string, err: .string)) == #"ok("x")"#)
        #expect(text(.result(.err(.string("bad"))), .result(ok: nil, err: .string)) == #"err("bad")"#)
        #expect(text(.result(.ok(nil)), .result(ok: nil, err: .string)) == "ok")
        #expect(text(.result(.err(nil)), .result(ok: nil, err: nil)) == "err")
    }

    @Test("resource handles print as their description, since WAVE has no handle syntax")
    func handles() {
        let handle = ResourceHandle(resource: WAVETestTypes.cart, index: 1, isOwned: true)
        #expect(text(.handle(handle), .own(WAVETestTypes.cart)) == "own<cart>#1")
        let borrowed = ResourceHandle(resource: WAVETestTypes.cart, index: 2, isOwned: false)
        #expect(text(.list([.handle(borrowed)]), .list(.borrow(WAVETestTypes.cart))) == "[borrow<cart>#2]")
    }

    @Test("aliases are looked through")
    func aliases() {
        let alias = ValueType.alias(name: "permissions", WAVETestTypes.perms)
        #expect(text(.flags(["write", "read"]), alias) == "{read, write}")
    }

    @Test("write appends to an existing string")
    func writeAppends() {
        var line = "result: "
        WAVEFormatter.write(.list([.s8(-1)]), as: .list(.s8), to: &line)
        #expect(line == "result: [-1]")
    }
}
