import Testing

@testable import WasmComponent

@Suite("WIT name parsing")
struct WITNameParsingTests {
    @Test("a full interface ID splits into namespace, package, interface and version")
    func interfacePath() throws {
        let path = try #require(WITInterfacePath("wasi:io/streams@0.2.0-rc-2023-11-10"))
        #expect(path.namespace == "wasi")
        #expect(path.package == "io")
        #expect(path.interface == "streams")
        #expect(path.version == "0.2.0-rc-2023-11-10")
        #expect(path.packageKey == "wasi:io@0.2.0-rc-2023-11-10")
        let unversioned = try #require(WITInterfacePath("a:type/list"))
        #expect(unversioned.version == nil)
        #expect(unversioned.printedPath == "a:%type/%list")
        #expect(unversioned.printedPackageName == "a:%type")
    }

    @Test("plain and malformed names are not interface IDs")
    func notInterfacePaths() {
        for name in ["local", "a:b", ":b/c", "a:/c", "a:b/", "a:b/@1"] {
            #expect(WITInterfacePath(name) == nil, "\(name)")
        }
    }

    @Test("resource member names give kind, resource and member")
    func resourceMembers() throws {
        let constructor = try #require(WITResourceMember(functionName: "[constructor]cart"))
        #expect(constructor.kind == .constructor && constructor.resource == "cart" && constructor.member.isEmpty)
        let method = try #require(WITResourceMember(functionName: "[method]cart.add-line"))
        #expect(method.kind == .method && method.resource == "cart" && method.member == "add-line")
        let staticFunction = try #require(WITResourceMember(functionName: "[static]cart.open"))
        #expect(staticFunction.kind == .staticFunction && staticFunction.member == "open")
        for name in ["run", "[method]cart", "[static].x", "[constructor]", "[method]cart."] {
            #expect(WITResourceMember(functionName: name) == nil, "\(name)")
        }
    }
}
