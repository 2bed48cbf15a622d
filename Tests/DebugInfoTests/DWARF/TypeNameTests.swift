import Testing

@testable import DebugInfo

@Suite("Type names as C writes them")
struct TypeNameTests {
    @Test(
        "declarators read inside out: pointers, qualifiers, arrays and functions",
        arguments: [
            (1, "int"), (2, "unsigned int"), (4, "struct point"), (5, "struct point *"), (7, "const char *"),
            (9, "char *const"), (34, "const char *const"), (10, "int[4]"), (12, "int *[4]"), (13, "int (*)[4]"),
            (14, "int (int, char *)"), (15, "int (*)(int, char *)"), (16, "int[2][3]"), (17, "void *"),
            (18, "struct <anonymous>"), (19, "point_t"), (20, "enum axis"), (21, "volatile int"),
            (23, "int (*)(const char *, ...)"), (25, "union number"), (26, "_Bool"),
        ] as [(UInt64, String)])
    func names(id: UInt64, name: String) {
        #expect(TypeTables.c.name(of: TypeTables.id(id)) == name)
    }

    @Test("void, unknown ids and cycles have names, and cycles end")
    func oddities() {
        #expect(TypeTables.c.name(of: nil) == "void")
        #expect(TypeTables.c.name(of: TypeTables.id(999)) == "<unknown type>")
        #expect(TypeTables.c.name(of: TypeTables.id(24)) == "loop")
        #expect(TypeTables.c.resolved(TypeTables.id(24)) == nil)
        #expect(TypeTables.c.byteSize(of: TypeTables.id(24)) == nil)
        // A function type whose parameters point back at it: named within a budget.
        let cyclic = TypeTables.table([
            1: .function(
                returns: TypeTables.id(2), parameters: Array(repeating: TypeTables.id(2), count: 10), isVariadic: false),
            2: .pointer(pointee: TypeTables.id(1), byteSize: 4),
        ])
        #expect(cyclic.name(of: TypeTables.id(2)).count < 10_000)
    }

    @Test("sizes follow typedefs, qualifiers and array dimensions")
    func sizes() {
        let table = TypeTables.c
        #expect(table.byteSize(of: TypeTables.id(19)) == 8)
        #expect(table.byteSize(of: TypeTables.id(21)) == 4)
        #expect(table.byteSize(of: TypeTables.id(16)) == 24)
        #expect(table.byteSize(of: TypeTables.id(12)) == 16)
        #expect(table.byteSize(of: TypeTables.id(14)) == nil)
        #expect(table.byteSize(of: nil) == nil)
    }

    @Test("the fixture's variable types by name", arguments: DebugFixture.allCases)
    func fixtureNames(fixture: DebugFixture) throws {
        let info = try fixture.info()
        func type(of variable: String, in function: String) throws -> String {
            let scope = try #require(info.functions(named: function).first).scope
            func find(_ scope: DebugScope) -> DebugVariable? {
                scope.variables.first { $0.name == variable } ?? scope.children.lazy.compactMap(find).first
            }
            return info.types.name(of: try #require(find(scope)).type)
        }
        #expect(try type(of: "greeting", in: "scalars") == "const char *")
        #expect(try type(of: "mask", in: "scalars") == "unsigned int")
        #expect(try type(of: "digits", in: "scalars") == "int32_t[4]")
        #expect(try type(of: "ticks", in: "scalars") == "volatile int")
        #expect(try type(of: "direction", in: "scalars") == "enum axis")
        #expect(try type(of: "positive", in: "scalars") == "_Bool")
        #expect(try type(of: "segment", in: "segment_length") == "struct segment")
        #expect(try type(of: "shape", in: "segment_length") == "struct segment *")
        #expect(try type(of: "segment", in: "segment_manhattan") == "const struct segment *")
        #expect(try type(of: "from", in: "segment_manhattan") == "const point_t *")
        #expect(try type(of: "check", in: "segment_manhattan") == "union number")
    }
}
