import Testing
import WasmComponent
import WasmRuntime

@Suite("Export resolution and calls by slot")
struct ExportResolutionTests {
    @Test("every spelling of an export resolves to the same function, again and again")
    func spellings() throws {
        let values = try loadValues()
        for _ in 0..<3 {
            let short = try values.resolve("echo.echo-u8")
            let full = try values.resolve("test:values/echo#echo-u8")
            let other = try values.resolve("via-host.echo-u8")
            #expect(short.qualifiedName == "echo.echo-u8" && full.qualifiedName == short.qualifiedName)
            #expect(other.interface == "test:values/via-host" && other.name == "echo-u8")
            #expect(throws: ExportLookupError.self) { try values.resolve("echo-u8") }
            #expect(try values.call(full, [.u8(7)]) == .u8(7))
        }
        #expect(try values.resolve("add").qualifiedName == "add")
    }

    @Test("a name that resolves to nothing fails every time, with the closest names")
    func unknownNames() throws {
        let values = try loadValues()
        for _ in 0..<2 {
            let error = #expect(throws: ExportLookupError.self) { try values.resolve("echo.echo-u9") }
            #expect(error?.description.contains("echo.echo-u8") == true)
        }
    }

    @Test("an export resolved on one load is called on another load of the component (a reload)")
    func acrossLoads() throws {
        let first = try loadValues()
        let second = try loadValues()
        let add = try first.resolve("add")
        #expect(try second.call(add, [.u32(20), .u32(22)]) == .u32(42))
        let echo = try first.resolve("echo.echo-string")
        #expect(try second.call(echo, [.string("same")]) == .string("same"))
    }

    @Test("an export another component has no function of its name is refused")
    func foreignExport() throws {
        let compute = try LoadedComponent(
            bytes: try fixtureBytes("compute"), name: "compute", providedInterfaces: [], hostCall: { _, _ in nil })
        let echo = try loadValues().resolve("echo.echo-string")
        #expect(throws: LoadError.self) { try compute.call(echo, [.string("x")]) }
    }
}
