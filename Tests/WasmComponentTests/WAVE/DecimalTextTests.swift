import Testing

@testable import WasmComponent

@Suite("Decimal text")
struct DecimalTextTests {
    @Test("an integer's text is its description, at every width and both ends of each range")
    func matchesDescription() {
        func check<Integer: FixedWidthInteger>(_ type: Integer.Type) {
            for value in [Integer.min, Integer.min + 1, 0, 1, 9, 10, 99, 100, Integer.max - 1, Integer.max] {
                #expect(DecimalText.of(value) == value.description)
            }
            if Integer.isSigned {
                for value: Integer in [-1, -9, -10, -100] { #expect(DecimalText.of(value) == value.description) }
            }
        }
        check(Int8.self)
        check(UInt8.self)
        check(Int16.self)
        check(UInt16.self)
        check(Int32.self)
        check(UInt32.self)
        check(Int64.self)
        check(UInt64.self)
        var value: UInt64 = 1
        while true {
            #expect(DecimalText.of(value) == value.description)
            let (next, overflow) = value.multipliedReportingOverflow(by: 7)
            if overflow { break }
            value = next
        }
    }

    @Test("a component value has decimal text when it is an integer of any width, and only then")
    func componentValues() {
        let integers: [ComponentValue] = [
            .u8(255), .u16(65_535), .u32(7), .u64(UInt64.max), .s8(-128), .s16(-1), .s32(42), .s64(Int64.min),
        ]
        #expect(
            integers.map { DecimalText.of($0) } == [
                "255", "65535", "7", "18446744073709551615", "-128", "-1", "42", "-9223372036854775808",
            ])
        for other: ComponentValue in [.bool(true), .f32(1), .f64(-0.5), .char("7"), .string("7"), .option(.u8(1))] {
            #expect(DecimalText.of(other) == nil)
        }
    }
}
