/// Every type of a module's DWARF, by id, with C names and sizes.
public struct DebugTypeTable: Sendable {
    /// Typedef, qualifier, pointer and array chains longer than this are cut (a hostile file
    /// can make them cyclic).
    static let maximumChain = 64

    private let types: [DebugTypeID: DebugType]

    init(_ types: [DebugTypeID: DebugType]) {
        self.types = types
    }

    public subscript(id: DebugTypeID) -> DebugType? {
        types[id]
    }

    public var count: Int { types.count }

    /// The type with typedefs and qualifiers stripped; nil for `void` or an unknown id.
    public func resolved(_ id: DebugTypeID?) -> DebugType? {
        var current = id
        for _ in 0..<Self.maximumChain {
            guard let next = current, let type = types[next] else { return nil }
            switch type.kind {
            case .typedef(_, let target), .qualified(_, let target): current = target
            default: return type
            }
        }
        return nil
    }

    /// The size of a value of the type in bytes; nil when unknown (void, functions, `int x[]`).
    public func byteSize(of id: DebugTypeID?) -> Int? {
        byteSize(of: id, depth: 0)
    }

    private func byteSize(of id: DebugTypeID?, depth: Int) -> Int? {
        guard depth < Self.maximumChain, let id, let type = types[id] else { return nil }
        switch type.kind {
        case .base(_, _, let size), .pointer(_, let size), .reference(_, let size, _):
            return size
        case .typedef(_, let target), .qualified(_, let target):
            return byteSize(of: target, depth: depth + 1)
        case .composite(_, _, let size, _, _):
            return size
        case .enumeration(_, let underlying, let size, _):
            return size ?? byteSize(of: underlying, depth: depth + 1)
        case .array(let element, let counts):
            guard var total = byteSize(of: element, depth: depth + 1) else { return nil }
            for count in counts {
                guard let count else { return nil }
                let (product, overflow) = total.multipliedReportingOverflow(by: count)
                guard !overflow else { return nil }
                total = product
            }
            return total
        case .function, .unspecified:
            return nil
        }
    }

    /// The type as C writes it: `unsigned int`, `struct point *`, `const char *`, `int32_t[4]`,
    /// `int (*)(int)`. nil is `void`.
    public func name(of id: DebugTypeID?) -> String {
        var budget = Self.maximumNameParts
        return declaration(of: id, declarator: "", depth: 0, budget: &budget)
    }

    /// Function types name their parameters' types: a hostile file can make that branch
    /// exponentially, so a name is built from at most this many types.
    static let maximumNameParts = 256

    /// C's inside-out declarator syntax: a pointer adds `*` to the declarator, an array or
    /// function adds a suffix (parenthesizing a pointer declarator first), and the innermost
    /// named type comes first.
    private func declaration(of id: DebugTypeID?, declarator: String, depth: Int, budget: inout Int) -> String {
        budget -= 1
        guard depth < Self.maximumChain, budget >= 0 else { return Self.joined("...", declarator) }
        guard let id else { return Self.joined("void", declarator) }
        guard let type = types[id] else { return Self.joined("<unknown type>", declarator) }
        switch type.kind {
        case .base(let name, _, _), .typedef(let name, _):
            return Self.joined(name, declarator)
        case .composite(let keyword, let name, _, _, _):
            return Self.joined("\(keyword.rawValue) \(name ?? "<anonymous>")", declarator)
        case .enumeration(let name, _, _, _):
            return Self.joined("enum \(name ?? "<anonymous>")", declarator)
        case .unspecified(let name):
            return Self.joined(name ?? "void", declarator)
        case .pointer(let pointee, _):
            return declaration(of: pointee, declarator: "*" + declarator, depth: depth + 1, budget: &budget)
        case .reference(let referee, _, let isRvalue):
            return declaration(
                of: referee, declarator: (isRvalue ? "&&" : "&") + declarator, depth: depth + 1, budget: &budget)
        case .qualified(let qualifier, let target):
            // A qualified pointer puts the qualifier after its star: `char *const`.
            if let target, let inner = types[target], case .pointer(let pointee, _) = inner.kind {
                let rest = declarator.isEmpty ? "" : " " + declarator
                return declaration(
                    of: pointee, declarator: "*\(qualifier.rawValue)" + rest, depth: depth + 1, budget: &budget)
            }
            return qualifier.rawValue + " "
                + declaration(of: target, declarator: declarator, depth: depth + 1, budget: &budget)
        case .array(let element, let counts):
            let suffix = counts.map { "[\($0.map(String.init) ?? "")]" }.joined()
            return declaration(
                of: element, declarator: Self.grouped(declarator) + suffix, depth: depth + 1, budget: &budget)
        case .function(let returns, let parameters, let isVariadic):
            var names: [String] = []
            for parameter in parameters {
                names.append(declaration(of: parameter, declarator: "", depth: depth + 1, budget: &budget))
            }
            if isVariadic { names.append("...") }
            let list = names.isEmpty ? "void" : names.joined(separator: ", ")
            return declaration(
                of: returns, declarator: Self.grouped(declarator) + "(\(list))", depth: depth + 1, budget: &budget)
        }
    }

    private static func grouped(_ declarator: String) -> String {
        declarator.hasPrefix("*") || declarator.hasPrefix("&") ? "(\(declarator))" : declarator
    }

    private static func joined(_ base: String, _ declarator: String) -> String {
        if declarator.isEmpty { return base }
        return declarator.hasPrefix("[") ? base + declarator : base + " " + declarator
    }
}
