import Testing

@testable import WasmComponent

@Suite("WIT type names and signatures")
struct WITPrinterSignatureTests {
    typealias M = WITModel

    @Test("built-in and generic types print as WIT spells them")
    func builtIns() {
        let point = M.record("point", [("x", .s32)])
        let cart = ResourceType(name: "cart")
        #expect(WITPrinter.typeName(.list(.u8)) == "list<u8>")
        #expect(WITPrinter.typeName(.option(point)) == "option<point>")
        #expect(WITPrinter.typeName(.result(ok: nil, err: .string)) == "result<_, string>")
        #expect(WITPrinter.typeName(.result(ok: .u8, err: nil)) == "result<u8>")
        #expect(WITPrinter.typeName(.result(ok: nil, err: nil)) == "result")
        #expect(WITPrinter.typeName(.result(ok: .string, err: .string)) == "result<string, string>")
        #expect(WITPrinter.typeName(.borrow(cart)) == "borrow<cart>")
        #expect(WITPrinter.typeName(.own(cart)) == "cart")
        #expect(WITPrinter.typeName(.tuple([.u8, .string, .f64])) == "tuple<u8, string, f64>")
        #expect(WITPrinter.typeName(.alias(name: "size", .u64)) == "size")
        #expect(
            WITPrinter.typeName(.list(.option(.result(ok: .tuple([.char, .bool]), err: .s16))))
                == "list<option<result<tuple<char, bool>, s16>>>")
    }

    @Test("every primitive has its WIT name")
    func primitives() {
        let pairs: [(ValueType, String)] = [
            (.bool, "bool"), (.s8, "s8"), (.u8, "u8"), (.s16, "s16"), (.u16, "u16"), (.s32, "s32"),
            (.u32, "u32"), (.s64, "s64"), (.u64, "u64"), (.f32, "f32"), (.f64, "f64"), (.char, "char"),
            (.string, "string"),
        ]
        for (type, name) in pairs {
            #expect(WITPrinter.typeName(type) == name)
        }
    }

    @Test("named types print by name, keywords with a % prefix")
    func namedTypes() {
        #expect(WITPrinter.typeName(M.variant("shape", [("none", nil)])) == "shape")
        #expect(WITPrinter.typeName(M.enumeration("color", ["red"])) == "color")
        #expect(WITPrinter.typeName(M.flags("perms", ["read"])) == "perms")
        #expect(WITPrinter.typeName(M.record("list", [("a", .u8)])) == "%list")
        #expect(WITPrinter.typeName(.borrow(ResourceType(name: "stream"))) == "borrow<%stream>")
    }

    @Test("a nominal type without a name prints its structure instead of nothing")
    func anonymousNominalTypes() {
        let record = ValueType.record(
            RecordType(fields: [.init(name: "x", type: .s32), .init(name: "type", type: .u8)]))
        #expect(WITPrinter.typeName(record) == "record { x: s32, %type: u8 }")
        let variant = ValueType.variant(
            VariantType(cases: [.init(name: "a", payload: .u8), .init(name: "b", payload: nil)]))
        #expect(WITPrinter.typeName(variant) == "variant { a(u8), b }")
        #expect(WITPrinter.typeName(.enumeration(EnumType(cases: ["x", "y"]))) == "enum { x, y }")
        #expect(WITPrinter.typeName(.flags(FlagsType(flags: ["r", "w"]))) == "flags { r, w }")
    }

    @Test("signatures list named parameters and the result")
    func signatures() {
        let readFile = FunctionType(
            parameters: [.init(name: "path", type: .string)], result: .result(ok: .string, err: .string))
        #expect(WITPrinter.signature(of: readFile) == "func(path: string) -> result<string, string>")
        #expect(WITPrinter.signature(of: FunctionType(parameters: [], result: nil)) == "func()")
        let twoParameters = FunctionType(
            parameters: [.init(name: "type", type: .u8), .init(name: "b", type: .list(.u8))], result: .u32)
        #expect(WITPrinter.signature(of: twoParameters) == "func(%type: u8, b: list<u8>) -> u32")
    }
}
