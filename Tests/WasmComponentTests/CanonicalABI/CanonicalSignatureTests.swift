import Testing

@testable import WasmComponent

@Suite("Canonical ABI function calls")
struct CanonicalSignatureTests {
    static let add = FunctionType(
        parameters: [.init(name: "a", type: .u32), .init(name: "b", type: .u32)], result: .u32)
    static let readFile = FunctionType(
        parameters: [.init(name: "path", type: .string)], result: .result(ok: .string, err: .string))
    static let seventeen = FunctionType(
        parameters: (0..<17).map { .init(name: "p\($0)", type: .u32) }, result: .tuple([.u32, .u32]))

    @Test("export with flat parameters and result: values in, value out")
    func flatExport() throws {
        let signature = CanonicalSignature(Self.add)
        var context = InMemoryContext()
        #expect(try signature.lowerArguments([.u32(1), .u32(2)], context: &context) == [.i32(1), .i32(2)])
        #expect(try signature.liftResult(from: [.i32(3)], context: &context) == .u32(3))
        #expect(context.reallocCalls.isEmpty)
    }

    @Test("export with 17 u32 parameters: the tuple is allocated in guest memory and passed by pointer")
    func spilledExportArguments() throws {
        let signature = CanonicalSignature(Self.seventeen)
        #expect(signature.parametersSpill)
        var context = InMemoryContext()
        let arguments = (0..<17).map { ComponentValue.u32(UInt32($0) * 10) }
        let core = try signature.lowerArguments(arguments, context: &context)
        #expect(core == [.i32(1024)])
        #expect(context.reallocCalls == [.init(originalPointer: 0, originalSize: 0, alignment: 4, newSize: 68)])
        #expect(context.u32(at: 1024 + 16 * 4) == 160)
        // The guest side of the same call reads them back.
        #expect(try signature.liftArguments(from: [.i32(1024), .i32(0x300)], context: &context) == arguments)
    }

    @Test("export returning a tuple: the only core result points to it")
    func spilledExportResult() throws {
        let signature = CanonicalSignature(Self.seventeen)
        var context = InMemoryContext()
        context.writeU32(7, at: 0x200)
        context.writeU32(9, at: 0x204)
        #expect(try signature.liftResult(from: [.i32(0x200)], context: &context) == .tuple([.u32(7), .u32(9)]))
    }

    @Test("import called by the guest: string argument lifted, result stored through the last core argument")
    func importWithReturnPointer() throws {
        let signature = CanonicalSignature(Self.readFile)
        #expect(signature.coreType(.lower) == CoreFunctionType(parameters: [.i32, .i32, .i32], results: []))
        var context = InMemoryContext()
        context.write(Array("/etc/passwd".utf8), at: 0x100)
        let arguments = try signature.liftArguments(from: [.i32(0x100), .i32(11), .i32(0x300)], context: &context)
        #expect(arguments == [.string("/etc/passwd")])
        let core = try signature.lowerResult(
            .result(.err(.string("denied"))), coreArguments: [.i32(0x100), .i32(11), .i32(0x300)], context: &context)
        #expect(core.isEmpty)
        #expect(context.bytes(at: 0x300, count: 1) == [1])
        #expect(context.u32(at: 0x304) == 1024)
        #expect(context.u32(at: 0x308) == 6)
        #expect(context.bytes(at: 1024, count: 6) == Array("denied".utf8))
    }

    @Test("import with a flat result returns it as core results")
    func importFlatResult() throws {
        let signature = CanonicalSignature(Self.add)
        var context = InMemoryContext()
        #expect(try signature.liftArguments(from: [.i32(4), .i32(5)], context: &context) == [.u32(4), .u32(5)])
        #expect(try signature.lowerResult(.u32(9), coreArguments: [.i32(4), .i32(5)], context: &context) == [.i32(9)])
    }

    @Test("a function without parameters or result has empty core signatures")
    func empty() throws {
        let signature = CanonicalSignature(FunctionType(parameters: [], result: nil))
        var context = InMemoryContext()
        #expect(try signature.lowerArguments([], context: &context).isEmpty)
        #expect(try signature.liftResult(from: [], context: &context) == nil)
        #expect(try signature.lowerResult(nil, coreArguments: [], context: &context).isEmpty)
    }

    @Test("spilled parameters of mixed types land at their tuple offsets")
    func mixedSpill() throws {
        let parameters: [FunctionType.Parameter] =
            [.init(name: "flag", type: .bool)]
            + (0..<8).map { .init(name: "s\($0)", type: .string) }
        let signature = CanonicalSignature(FunctionType(parameters: parameters, result: nil))
        #expect(signature.flatParameterTypes.count == 17)
        var context = InMemoryContext(encoding: .latin1UTF16)
        let arguments: [ComponentValue] = [.bool(true)] + (0..<8).map { .string("s\($0)é") }
        let core = try signature.lowerArguments(arguments, context: &context)
        #expect(core == [.i32(1024)])
        #expect(context.bytes(at: 1024, count: 1) == [1])
        #expect(try signature.liftArguments(from: core, context: &context) == arguments)
    }
}
