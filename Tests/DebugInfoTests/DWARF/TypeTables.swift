@testable import DebugInfo

/// Hand-built type tables for type-name and rendering tests: ids are small numbers.
enum TypeTables {
    static func id(_ number: UInt64) -> DebugTypeID { DebugTypeID(offset: number) }

    static func table(_ kinds: [UInt64: DebugType.Kind]) -> DebugTypeTable {
        DebugTypeTable(
            Dictionary(uniqueKeysWithValues: kinds.map { (id($0.key), DebugType(id: id($0.key), kind: $0.value)) }))
    }

    /// 1 int, 2 unsigned int, 3 char, 4 struct point {int x; int y}, 5 struct point *, 6 const char,
    /// 7 const char *, 8 char *, 9 char *const, 10 int[4], 11 int *, 12 int *[4], 13 int (*)[4],
    /// 14 int (int, char *), 15 int (*)(int, char *), 16 int[2][3], 17 void *, 18 anonymous struct,
    /// 19 typedef point_t, 20 enum axis, 21 volatile int, 22 variadic function, 23 pointer to it,
    /// 24 cyclic typedef, 25 union number, 26 _Bool, 27 float, 28 double, 29 short, 30 long long,
    /// 31 unsigned char, 32 struct with bit fields, 33 char[8], 34 const char *const, 35 struct
    /// nested 6 deep, 36 int[100], 37 a struct declaration.
    static let c = table([
        1: .base(name: "int", encoding: .signed, byteSize: 4),
        2: .base(name: "unsigned int", encoding: .unsigned, byteSize: 4),
        3: .base(name: "char", encoding: .signedChar, byteSize: 1),
        4: .composite(
            keyword: .struct, name: "point", byteSize: 8,
            members: [
                .init(name: "x", type: id(1), byteOffset: 0, bitSize: nil, bitOffset: nil),
                .init(name: "y", type: id(1), byteOffset: 4, bitSize: nil, bitOffset: nil),
            ], isDeclaration: false),
        5: .pointer(pointee: id(4), byteSize: 4),
        6: .qualified(.const, id(3)),
        7: .pointer(pointee: id(6), byteSize: 4),
        8: .pointer(pointee: id(3), byteSize: 4),
        9: .qualified(.const, id(8)),
        10: .array(element: id(1), counts: [4]),
        11: .pointer(pointee: id(1), byteSize: 4),
        12: .array(element: id(11), counts: [4]),
        13: .pointer(pointee: id(10), byteSize: 4),
        14: .function(returns: id(1), parameters: [id(1), id(8)], isVariadic: false),
        15: .pointer(pointee: id(14), byteSize: 4),
        16: .array(element: id(1), counts: [2, 3]),
        17: .pointer(pointee: nil, byteSize: 4),
        18: .composite(keyword: .struct, name: nil, byteSize: 4, members: [], isDeclaration: false),
        19: .typedef(name: "point_t", id(4)),
        20: .enumeration(
            name: "axis", underlying: id(2), byteSize: 4,
            enumerators: [
                .init(name: "AXIS_X", value: 0), .init(name: "AXIS_Y", value: 1), .init(name: "AXIS_BOTH", value: 7),
            ]),
        21: .qualified(.volatile, id(1)),
        22: .function(returns: id(1), parameters: [id(7)], isVariadic: true),
        23: .pointer(pointee: id(22), byteSize: 4),
        24: .typedef(name: "loop", id(24)),
        25: .composite(
            keyword: .union, name: "number", byteSize: 4,
            members: [
                .init(name: "whole", type: id(1), byteOffset: 0, bitSize: nil, bitOffset: nil),
                .init(name: "fraction", type: id(27), byteOffset: 0, bitSize: nil, bitOffset: nil),
            ], isDeclaration: false),
        26: .base(name: "_Bool", encoding: .boolean, byteSize: 1),
        27: .base(name: "float", encoding: .float, byteSize: 4),
        28: .base(name: "double", encoding: .float, byteSize: 8),
        29: .base(name: "short", encoding: .signed, byteSize: 2),
        30: .base(name: "long long", encoding: .signed, byteSize: 8),
        31: .base(name: "unsigned char", encoding: .unsignedChar, byteSize: 1),
        32: .composite(
            keyword: .struct, name: "flags", byteSize: 4,
            members: [
                .init(name: "low", type: id(2), byteOffset: 0, bitSize: 3, bitOffset: 0),
                .init(name: "signed_part", type: id(1), byteOffset: 0, bitSize: 4, bitOffset: 3),
                .init(name: "high", type: id(2), byteOffset: 0, bitSize: 9, bitOffset: 7),
            ], isDeclaration: false),
        33: .array(element: id(3), counts: [8]),
        34: .qualified(.const, id(7)),
        35: .composite(
            keyword: .struct, name: "nest", byteSize: 4,
            members: [.init(name: "inner", type: id(35), byteOffset: 0, bitSize: nil, bitOffset: nil)],
            isDeclaration: false),
        36: .array(element: id(1), counts: [100]),
        37: .composite(keyword: .struct, name: "opaque", byteSize: nil, members: [], isDeclaration: true),
    ])
}
