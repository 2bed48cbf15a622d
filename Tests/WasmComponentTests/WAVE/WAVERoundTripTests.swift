import Testing

@testable import WasmComponent

@Suite("WAVE round trips")
struct WAVERoundTripTests {
    /// One value of every kind of type, including the awkward ones: extreme numbers, escapes,
    /// keyword cases, records whose option fields are left out, nested options and results.
    static let samples: [(ComponentValue, ValueType)] = [
        (.bool(true), .bool), (.bool(false), .bool),
        (.s8(Int8.min), .s8), (.u8(UInt8.max), .u8), (.s16(Int16.min), .s16), (.u16(UInt16.max), .u16),
        (.s32(Int32.min), .s32), (.u32(UInt32.max), .u32), (.s64(Int64.min), .s64), (.u64(UInt64.max), .u64),
        (.f32(Float(0.1)), .f32), (.f32(Float.greatestFiniteMagnitude), .f32),
        (.f32(Float.leastNonzeroMagnitude), .f32),
        (.f32(360073.125), .f32), (.f32(-0.0), .f32), (.f32(-.infinity), .f32),
        (.f64(0.1 + 0.2), .f64), (.f64(1e21), .f64), (.f64(1e-7), .f64), (.f64(Double.leastNonzeroMagnitude), .f64),
        (.f64(Double.greatestFiniteMagnitude), .f64), (.f64(-0.0), .f64), (.f64(.infinity), .f64),
        (.char("'"), .char), (.char("\u{0}"), .char), (.char("\u{301}"), .char), (.char("👋"), .char),
        (.string("quote \" apostrophe ' backslash \\ tab \t cr \r lf \n bell \u{7} zwj \u{200D} snow ☃"), .string),
        (.string(""), .string),
        (.list([.u16(1), .u16(2)]), .list(.u16)), (.list([]), .list(.string)),
        (.list([.list([.char("a")]), .list([])]), .list(.list(.char))),
        (.record([.init(name: "x", value: .s32(-1)), .init(name: "y", value: .s32(2))]), WAVETestTypes.point),
        (
            .record([
                .init(name: "name", value: .string("n")), .init(name: "level", value: .option(nil)),
                .init(name: "tag", value: .option(.string("t"))),
            ]), WAVETestTypes.settings
        ),
        (
            .record([.init(name: "a", value: .option(nil)), .init(name: "b", value: .option(nil))]),
            WAVETestTypes.allOptional
        ),
        (.tuple([.u8(1), .string("two"), .tuple([.bool(false)])]), .tuple([.u8, .string, .tuple([.bool])])),
        (.variant(caseName: "circle", payload: .f64(0.5)), WAVETestTypes.shape),
        (.variant(caseName: "none", payload: .u8(0)), WAVETestTypes.shape),
        (.variant(caseName: "ok", payload: nil), WAVETestTypes.shape),
        (.variant(caseName: "empty", payload: nil), WAVETestTypes.shape),
        (.enumCase("inf"), WAVETestTypes.status), (.enumCase("not-found"), WAVETestTypes.status),
        (.option(.u8(1)), .option(.u8)), (.option(nil), .option(.u8)),
        (.option(.option(nil)), .option(.option(.u8))), (.option(.option(.u8(3))), .option(.option(.u8))),
        (.option(.result(.ok(nil))), .option(.result(ok: nil, err: nil))),
        (.result(.ok(.u8(1))), .result(ok: .u8, err: .string)),
        (.result(.err(.string("e"))), .result(ok: .u8, err: .string)),
        (.result(.ok(nil)), .result(ok: nil, err: .string)), (.result(.err(nil)), .result(ok: .u8, err: nil)),
        (.result(.err(nil)), .result(ok: nil, err: nil)),
        (.result(.ok(.option(nil))), .result(ok: .option(.u8), err: nil)),
        (.flags(["read", "exec"]), WAVETestTypes.perms), (.flags([]), WAVETestTypes.perms),
        (.u32(9), .alias(name: "count", .u32)),
        (.list([.enumCase("err"), .enumCase("ok")]), .list(.alias(name: "state", WAVETestTypes.status))),
    ]

    @Test("every kind of value reads back from its WAVE text to the same value and the same text")
    func roundTrips() throws {
        for (value, type) in Self.samples {
            let text = WAVEFormatter.format(value, as: type)
            let parsed = try WAVEParser.parse(text, as: type)
            #expect(parsed == value, "\(text) read back as \(parsed)")
            #expect(WAVEFormatter.format(parsed, as: type) == text)
        }
    }

    @Test("NaN reads back as NaN")
    func nan() throws {
        for (value, type) in [(ComponentValue.f32(.nan), ValueType.f32), (.f64(.nan), .f64)] {
            let text = WAVEFormatter.format(value, as: type)
            #expect(text == "nan")
            #expect(WAVEFormatter.format(try WAVEParser.parse(text, as: type), as: type) == "nan")
        }
    }

    @Test("many f32 and f64 bit patterns read back exactly from their shortest text")
    func floatBitPatterns() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let single = Float(bitPattern: UInt32.random(in: 0...UInt32.max, using: &generator))
            let double = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator))
            if !single.isNaN {
                let text = WAVEFormatter.format(.f32(single), as: .f32)
                #expect(!text.contains("e"))
                guard case .f32(let back) = try WAVEParser.parse(text, as: .f32) else {
                    Issue.record("not f32")
                    continue
                }
                #expect(back.bitPattern == single.bitPattern, "\(text)")
            }
            if !double.isNaN {
                let text = WAVEFormatter.format(.f64(double), as: .f64)
                #expect(!text.contains("e"))
                guard case .f64(let back) = try WAVEParser.parse(text, as: .f64) else {
                    Issue.record("not f64")
                    continue
                }
                #expect(back.bitPattern == double.bitPattern, "\(text)")
            }
        }
    }

    @Test("every Unicode scalar reads back from its char text")
    func allChars() throws {
        var scalar: UInt32 = 0
        while scalar <= 0x10FFFF {
            if let value = Unicode.Scalar(scalar) {
                let text = WAVEFormatter.format(.char(value), as: .char)
                #expect(try WAVEParser.parse(text, as: .char) == .char(value), "\(text)")
            }
            scalar += scalar < 0x3000 ? 1 : 97
        }
    }
}
