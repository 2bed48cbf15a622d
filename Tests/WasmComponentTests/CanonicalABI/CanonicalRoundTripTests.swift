import Testing

@testable import WasmComponent

@Suite("Canonical ABI round trips")
struct CanonicalRoundTripTests {
    typealias F = CanonicalFixtures
    static let encodings: [StringEncoding] = [.utf8, .utf16, .latin1UTF16]

    @Test("every type survives store then load", arguments: encodings)
    func storeLoad(encoding: StringEncoding) throws {
        for (type, values) in F.samples {
            for value in values {
                var context = InMemoryContext(encoding: encoding)
                try CanonicalABI.store(value, as: type, at: 64, context: &context)
                let loaded = try CanonicalABI.load(type, at: 64, context: &context)
                #expect(loaded == value, "\(type) in \(encoding)")
            }
        }
    }

    @Test("every type survives lowerFlat then liftFlat", arguments: encodings)
    func flatRoundTrip(encoding: StringEncoding) throws {
        for (type, values) in F.samples {
            for value in values {
                var context = InMemoryContext(encoding: encoding)
                let flat = try CanonicalABI.lowerFlat(value, as: type, context: &context)
                #expect(flat.map(\.type) == CanonicalABI.flatten(type), "\(type)")
                let lifted = try CanonicalABI.liftFlat(type, from: flat, context: &context)
                #expect(lifted == value, "\(type) in \(encoding)")
            }
        }
    }

    @Test("values inside a spilled tuple survive store then load")
    func everythingInOneTuple() throws {
        let types = F.samples.map(\.0)
        let values = F.samples.map { $0.1.last! }
        var context = InMemoryContext(encoding: .utf16)
        try CanonicalABI.store(.tuple(values), as: .tuple(types), at: 128, context: &context)
        #expect(try CanonicalABI.load(.tuple(types), at: 128, context: &context) == .tuple(values))
    }

    @Test("records given in another field order are lowered by name")
    func recordByName() throws {
        var context = InMemoryContext()
        let shuffled = F.record(("y", .s32(2)), ("x", .s32(1)))
        let flat = try CanonicalABI.lowerFlat(shuffled, as: F.point, context: &context)
        #expect(flat == [.i32(1), .i32(2)])
        #expect(
            try CanonicalABI.liftFlat(F.point, from: flat, context: &context)
                == F.record(("x", .s32(1)), ("y", .s32(2))))
    }

    @Test("flags come back in declaration order whatever order they were given in")
    func flagsOrder() throws {
        var context = InMemoryContext()
        let flat = try CanonicalABI.lowerFlat(.flags(["exec", "read"]), as: F.permissions, context: &context)
        #expect(flat == [.i32(0b101)])
        #expect(try CanonicalABI.liftFlat(F.permissions, from: flat, context: &context) == .flags(["read", "exec"]))
        let many = try CanonicalABI.lowerFlat(.flags(["f33", "f0", "f31"]), as: F.manyFlags, context: &context)
        #expect(many == [.i32(0x8000_0001), .i32(0b10)])
    }

    @Test("NaNs of any bit pattern lift to the canonical NaN, and lower as the canonical NaN")
    func nanCanonicalization() throws {
        var context = InMemoryContext()
        let lifted = try CanonicalABI.liftFlat(.f32, from: [.f32(0xFFC0_1234)], context: &context)
        guard case .f32(let float) = lifted else { Issue.record("not an f32"); return }
        #expect(float.bitPattern == 0x7FC0_0000)
        let liftedDouble = try CanonicalABI.liftFlat(.f64, from: [.f64(0xFFF0_0000_0000_0001)], context: &context)
        guard case .f64(let double) = liftedDouble else { Issue.record("not an f64"); return }
        #expect(double.bitPattern == 0x7FF8_0000_0000_0000)
        let signalling = Float(bitPattern: 0x7F80_0001)
        #expect(try CanonicalABI.lowerFlat(.f32(signalling), as: .f32, context: &context) == [.f32(0x7FC0_0000)])
        context.writeU32(0xFFFF_FFFF, at: 16)
        guard case .f32(let loaded) = try CanonicalABI.load(.f32, at: 16, context: &context) else { return }
        #expect(loaded.bitPattern == 0x7FC0_0000)
        let negativeZero = try CanonicalABI.lowerFlat(.f32(-0.0), as: .f32, context: &context)
        #expect(negativeZero == [.f32(0x8000_0000)])
    }

    @Test("own and borrow handles go through the context's handle table")
    func resources() throws {
        var context = InMemoryContext()
        let owned = ResourceHandle(resource: F.cart, index: 42, isOwned: true)
        let flat = try CanonicalABI.lowerFlat(.handle(owned), as: .own(F.cart), context: &context)
        #expect(flat == [.i32(1)])
        #expect(context.handles[1] == owned)
        #expect(try CanonicalABI.liftFlat(.own(F.cart), from: flat, context: &context) == .handle(owned))
        #expect(context.handles.isEmpty)

        let borrowedFlat = try CanonicalABI.lowerFlat(.handle(owned), as: .borrow(F.cart), context: &context)
        #expect(borrowedFlat == [.i32(2)])
        let borrowed = try CanonicalABI.liftFlat(.borrow(F.cart), from: borrowedFlat, context: &context)
        #expect(borrowed == .handle(ResourceHandle(resource: F.cart, index: 42, isOwned: false)))

        try CanonicalABI.store(.list([.handle(owned)]), as: .list(.own(F.cart)), at: 32, context: &context)
        #expect(try CanonicalABI.load(.list(.own(F.cart)), at: 32, context: &context) == .list([.handle(owned)]))
    }

    @Test("lifting narrow integers from an i32 keeps the low bits, sign-extending signed ones")
    func integerTruncation() throws {
        var context = InMemoryContext()
        #expect(try CanonicalABI.liftFlat(.u8, from: [.i32(0x1234_56FF)], context: &context) == .u8(0xFF))
        #expect(try CanonicalABI.liftFlat(.s8, from: [.i32(0x1234_56FF)], context: &context) == .s8(-1))
        #expect(try CanonicalABI.liftFlat(.s8, from: [.i32(0x7F)], context: &context) == .s8(127))
        #expect(try CanonicalABI.liftFlat(.u16, from: [.i32(0xABCD_8001)], context: &context) == .u16(0x8001))
        #expect(try CanonicalABI.liftFlat(.s16, from: [.i32(0xABCD_8001)], context: &context) == .s16(-32767))
        #expect(try CanonicalABI.liftFlat(.s32, from: [.i32(0xFFFF_FFFE)], context: &context) == .s32(-2))
        #expect(try CanonicalABI.liftFlat(.s64, from: [.i64(.max)], context: &context) == .s64(-1))
        #expect(try CanonicalABI.lowerFlat(.s8(-1), as: .s8, context: &context) == [.i32(0xFFFF_FFFF)])
        #expect(try CanonicalABI.lowerFlat(.s16(-2), as: .s16, context: &context) == [.i32(0xFFFF_FFFE)])
    }

    @Test("bool lifts any nonzero value as true and lowers as 0 or 1")
    func booleans() throws {
        var context = InMemoryContext()
        #expect(try CanonicalABI.liftFlat(.bool, from: [.i32(2)], context: &context) == .bool(true))
        #expect(try CanonicalABI.liftFlat(.bool, from: [.i32(0x8000_0000)], context: &context) == .bool(true))
        #expect(try CanonicalABI.liftFlat(.bool, from: [.i32(0)], context: &context) == .bool(false))
        context.write([0x7F], at: 10)
        #expect(try CanonicalABI.load(.bool, at: 10, context: &context) == .bool(true))
        try CanonicalABI.store(.bool(true), as: .bool, at: 11, context: &context)
        #expect(context.bytes(at: 11, count: 1) == [1])
    }

    @Test("variant payloads are bit-cast into joined slots and back, unused slots are zero")
    func variantCoercion() throws {
        var context = InMemoryContext()
        let circle = try CanonicalABI.lowerFlat(
            .variant(caseName: "circle", payload: .f32(1.0)), as: F.shape, context: &context)
        #expect(circle == [.i32(0), .i64(0x3F80_0000), .i64(0)])
        let rectangle = try CanonicalABI.lowerFlat(
            .variant(caseName: "rectangle", payload: .tuple([.f32(-2), .f64(0.5)])), as: F.shape, context: &context)
        #expect(rectangle == [.i32(1), .i64(0xC000_0000), .i64(0x3FE0_0000_0000_0000)])
        let nothing = try CanonicalABI.lowerFlat(
            .variant(caseName: "nothing", payload: nil), as: F.shape, context: &context)
        #expect(nothing == [.i32(3), .i64(0), .i64(0)])
        let i32OrF32 = CanonicalLayoutTests.variant(.u32, .f32)
        let float = try CanonicalABI.lowerFlat(
            .variant(caseName: "c1", payload: .f32(1)), as: i32OrF32, context: &context)
        #expect(float == [.i32(1), .i32(0x3F80_0000)])
        #expect(
            try CanonicalABI.liftFlat(i32OrF32, from: float, context: &context)
                == .variant(caseName: "c1", payload: .f32(1)))
        // Lifting wraps an i64 slot to the i32 a case wants; high bits do not matter.
        let wrapped = try CanonicalABI.liftFlat(
            CanonicalLayoutTests.variant(.u32, .u64), from: [.i32(0), .i64(0xFFFF_FFFF_0000_0005)], context: &context)
        #expect(wrapped == .variant(caseName: "c0", payload: .u32(5)))
    }
}
