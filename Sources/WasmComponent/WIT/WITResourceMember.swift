/// A resource's constructor, method or static function, read from its component-model name:
/// `[constructor]cart`, `[method]cart.add-line`, `[static]cart.open`.
struct WITResourceMember {
    enum Kind {
        case constructor
        case method
        case staticFunction
    }
    var kind: Kind
    var resource: String
    /// The member's own name; empty for a constructor.
    var member: String

    /// Nil for a freestanding function name.
    init?(functionName name: String) {
        if let rest = Self.suffix(of: name, after: "[constructor]") {
            guard !rest.isEmpty else { return nil }
            self.init(kind: .constructor, resource: String(rest), member: "")
        } else if let rest = Self.suffix(of: name, after: "[method]") {
            self.init(kind: .method, qualified: rest)
        } else if let rest = Self.suffix(of: name, after: "[static]") {
            self.init(kind: .staticFunction, qualified: rest)
        } else {
            return nil
        }
    }

    private init(kind: Kind, resource: String, member: String) {
        self.kind = kind
        self.resource = resource
        self.member = member
    }

    /// `cart.add-line`: resource, dot, member.
    private init?(kind: Kind, qualified: Substring) {
        guard let dot = qualified.firstIndex(of: ".") else { return nil }
        let resource = qualified[..<dot]
        let member = qualified[qualified.index(after: dot)...]
        guard !resource.isEmpty, !member.isEmpty else { return nil }
        self.init(kind: kind, resource: String(resource), member: String(member))
    }

    private static func suffix(of name: String, after prefix: String) -> Substring? {
        name.hasPrefix(prefix) ? name.dropFirst(prefix.count) : nil
    }
}
