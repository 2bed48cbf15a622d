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
}
