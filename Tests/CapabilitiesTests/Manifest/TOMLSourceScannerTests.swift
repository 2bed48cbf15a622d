import Testing

@testable import Capabilities

@Suite("TOML source positions")
struct TOMLSourceScannerTests {
    static let document = """
        \u{FEFF}title = "x" # a comment [x]
        [owner]
        name = '''multi
        [line]'''
        dates = 1979-05-27 07:32:00Z
        [[products]]
        name = "a"
        [products.size]
        width = 1
        [[products]]
        "quoted.key" = { a = [1, [2, 3]], b.c = "}" }
        list = [
          { x = 1 },
          [ "y" ],
          -3.5e2,
        ]
        [a."b.c".d]
        e = true
        """

    @Test("tables, arrays of tables, dotted and quoted keys, inline values: each part where it is written")
    func positions() throws {
        let root = try TOMLSourceScanner.scan(Self.document, nestingLimit: 32)
        #expect(root.line(of: "title") == 1)
        #expect(root.node(of: "owner")?.line == 2)
        #expect(root.node(of: "owner")?.line(of: "dates") == 5)
        let products = try #require(root.node(of: "products"))
        #expect(products.isArray && products.elements.count == 2)
        #expect(products.line(ofElement: 0) == 6 && products.line(ofElement: 1) == 10)
        let first = try #require(products.node(ofElement: 0))
        #expect(first.line(of: "name") == 7)
        #expect(first.node(of: "size")?.line(of: "width") == 9)
        let second = try #require(products.node(ofElement: 1))
        let inline = try #require(second.node(of: "quoted.key"))
        #expect(inline.line == 11 && inline.node(of: "a")?.elements.count == 2)
        #expect(inline.node(of: "b")?.line(of: "c") == 11)
        let list = try #require(second.node(of: "list"))
        #expect((0..<3).map { list.line(ofElement: $0) } == [13, 14, 15])
        #expect(list.node(ofElement: 0)?.line(of: "x") == 13)
        #expect(root.node(of: "a")?.node(of: "b.c")?.node(of: "d")?.line(of: "e") == 18)
    }

    @Test("any prefix or mangling of a document scans to an end without a crash")
    func hostileText() {
        let bytes = Array(Self.document.utf8)
        for end in 0...bytes.count {
            _ = try? TOMLSourceScanner.scan(String(decoding: bytes[..<end], as: UTF8.self), nestingLimit: 32)
        }
        var state: UInt64 = 1
        let alphabet = Array("[]{}\"'\\#=.,\n\r \tab1uU0".utf8)
        for _ in 0..<2000 {
            var mangled = bytes
            for _ in 0..<8 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let position = Int((state >> 33) % UInt64(mangled.count))
                mangled[position] = alphabet[Int((state >> 20) % UInt64(alphabet.count))]
            }
            _ = try? TOMLSourceScanner.scan(String(decoding: mangled, as: UTF8.self), nestingLimit: 32)
        }
    }
}
