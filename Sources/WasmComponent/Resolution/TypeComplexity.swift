/// How big and how deep a resolved value type is. A type refers to earlier types by index, so a
/// few bytes can describe a type nested thousands deep (every walk over it recurses that deep)
/// or one with 2^40 leaves (every layout or printing of it takes that long). Both are bounded
/// when a type is defined, so that nothing downstream needs its own guard.
struct TypeComplexity: Sendable, Equatable {
    /// Nodes in the type's tree, counting a shared subtype once per use.
    var size: Int
    /// The longest path from the type to a leaf.
    var depth: Int

    static let leaf = TypeComplexity(size: 1, depth: 1)
    /// Far above any real interface, far below what takes noticeable time to walk.
    static let maxSize = 100_000
    /// Deep enough for any real type; shallow enough that recursive walks over types and
    /// values of them stay well within a thread's stack.
    static let maxDepth = 100

    /// A type with these direct subtypes, checked against the limits.
    static func node(over children: [TypeComplexity], offset: Int) throws(ComponentError) -> TypeComplexity {
        var size = 1
        var depth = 0
        for child in children {
            size += child.size
            depth = max(depth, child.depth)
        }
        return try TypeComplexity(size: size, depth: depth + 1).checked(offset: offset)
    }

    func checked(offset: Int) throws(ComponentError) -> TypeComplexity {
        guard depth <= Self.maxDepth else {
            throw ComponentError("type is nested more than \(Self.maxDepth) deep", offset: offset)
        }
        guard size <= Self.maxSize else {
            throw ComponentError("type is too large: more than \(Self.maxSize) nodes once expanded", offset: offset)
        }
        return self
    }
}
