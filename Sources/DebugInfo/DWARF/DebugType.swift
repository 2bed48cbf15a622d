/// A type from the DWARF: what a variable's bytes mean and how C writes its name.
public struct DebugType: Sendable {
    public enum Qualifier: String, Sendable {
        case const
        case volatile
        case restrict
        case atomic = "_Atomic"
    }

    public enum CompositeKeyword: String, Sendable {
        case `struct`
        case union
        case `class`
    }

    public struct Member: Sendable {
        public let name: String?
        public let type: DebugTypeID?
        /// From the start of the containing struct or union.
        public let byteOffset: Int
        /// For bit fields: the width, and the first bit from the start of the containing type.
        public let bitSize: Int?
        public let bitOffset: Int?
    }

    public struct Enumerator: Sendable {
        public let name: String
        public let value: Int64
    }

    public indirect enum Kind: Sendable {
        case base(name: String, encoding: BaseTypeEncoding, byteSize: Int)
        /// `pointee` nil: `void *`.
        case pointer(pointee: DebugTypeID?, byteSize: Int)
        /// C++ `&` and `&&`.
        case reference(referee: DebugTypeID?, byteSize: Int, isRvalue: Bool)
        case qualified(Qualifier, DebugTypeID?)
        case typedef(name: String, DebugTypeID?)
        case composite(keyword: CompositeKeyword, name: String?, byteSize: Int?, members: [Member], isDeclaration: Bool)
        case enumeration(name: String?, underlying: DebugTypeID?, byteSize: Int?, enumerators: [Enumerator])
        /// `counts` has one entry per dimension, outermost first; nil for an unknown bound (`int x[]`).
        case array(element: DebugTypeID?, counts: [Int?])
        case function(returns: DebugTypeID?, parameters: [DebugTypeID?], isVariadic: Bool)
        case unspecified(name: String?)
    }

    public let id: DebugTypeID
    public let kind: Kind
}
