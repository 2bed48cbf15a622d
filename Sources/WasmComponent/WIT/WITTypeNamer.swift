/// Spells value types the way WIT does inside one scope (an interface or the world): the one
/// type speller, for WIT text and for messages.
///
/// A type brought in with `use other.{cart as trolley}` keeps its identity (and so its original
/// name in the model) but is spelled by its local name here, as in `borrow<trolley>`.
struct WITTypeNamer {
    enum Spelling {
        /// As WIT source writes it: an owned handle as the bare resource name, names
        /// `%`-escaped where they are keywords, a nominal type without a name by its structure.
        case wit
        /// As messages name it: `own<cart>` beside `borrow<cart>` (as handles print), names as
        /// they are, a nominal type without a name by its kind (`record`).
        case message
        /// The shape alone, names of types left out: records, variants, enums and flags by their
        /// fields and cases, aliases by what they stand for, handles as `own<cart>`. Two types
        /// spelled alike lift and lower alike, which is what a host compares an import against.
        case structural
    }

    /// Spells every type by its shape.
    static let structural = WITTypeNamer(spelling: .structural)

    /// Names every type with no local names, as messages do.
    static let message = WITTypeNamer(spelling: .message)

    let spelling: Spelling
    /// Local names of resources, by identity.
    private var resourceNames: [ResourceType: String] = [:]
    /// Local names of records, variants, enums, flags and aliases renamed on their way in.
    private var nominalNames: [ValueType: String] = [:]

    /// A namer with no local names: every type prints under the name the model gives it.
    init(spelling: Spelling = .wit) {
        self.spelling = spelling
    }

    /// A namer for the scope whose type list is `types`; `resolveUse` finds what a `use` names.
    init(types: [NamedType], resolveUse: (_ interface: String, _ name: String) -> NamedType.Definition?) {
        spelling = .wit
        for type in types {
            switch type.definition {
            case .resource(let resource) where resource.name == type.name:
                if resourceNames[resource] == nil { resourceNames[resource] = type.name }
            case .use(let interface, let name):
                switch resolveUse(interface, name) {
                case .resource(let resource):
                    if resourceNames[resource] == nil { resourceNames[resource] = type.name }
                case .value(let value):
                    if let original = Self.nominalName(of: value), original != type.name {
                        nominalNames[value] = type.name
                    }
                case .use, .none:
                    break
                }
            default:
                break
            }
        }
    }

    /// `list<u8>`, `option<point>`, `result<_, string>`, `borrow<cart>`; a named type by its name.
    func name(of type: ValueType) -> String {
        var text = ""
        append(type, to: &text)
        return text
    }

    /// The resource's name in this scope, escaped.
    func name(of resource: ResourceType) -> String {
        escaped(resourceNames[resource] ?? resource.name)
    }

    private func escaped(_ name: String) -> String {
        spelling == .wit ? WITKeywords.escape(name) : name
    }

    /// `func(string) -> result<string, string>`: every type by its shape, parameter names left
    /// out (they do not change how a call lifts and lowers).
    package static func structuralSignature(of function: FunctionType) -> String {
        var text = "func("
        for (index, parameter) in function.parameters.enumerated() {
            if index > 0 { text += ", " }
            structural.append(parameter.type, to: &text)
        }
        text += ")"
        if let result = function.result {
            text += " -> "
            structural.append(result, to: &text)
        }
        return text
    }

    /// `(a: u32, b: u32) -> u32`-style pieces: parameters without the parentheses.
    func appendParameters(_ parameters: ArraySlice<FunctionType.Parameter>, to text: inout String) {
        var first = true
        for parameter in parameters {
            if !first { text += ", " }
            first = false
            text += WITKeywords.escape(parameter.name)
            text += ": "
            append(parameter.type, to: &text)
        }
    }

    /// `func(path: string) -> result<string, string>`.
    func signature(of function: FunctionType) -> String {
        var text = "func("
        appendParameters(function.parameters[...], to: &text)
        text += ")"
        if let result = function.result {
            text += " -> "
            append(result, to: &text)
        }
        return text
    }

    func append(_ type: ValueType, to text: inout String) {
        switch type {
        case .bool: text += "bool"
        case .s8: text += "s8"
        case .u8: text += "u8"
        case .s16: text += "s16"
        case .u16: text += "u16"
        case .s32: text += "s32"
        case .u32: text += "u32"
        case .s64: text += "s64"
        case .u64: text += "u64"
        case .f32: text += "f32"
        case .f64: text += "f64"
        case .char: text += "char"
        case .string: text += "string"
        case .list(let element):
            text += "list<"
            append(element, to: &text)
            text += ">"
        case .tuple(let elements):
            text += "tuple<"
            appendList(elements, to: &text)
            text += ">"
        case .option(let payload):
            text += "option<"
            append(payload, to: &text)
            text += ">"
        case .result(let ok, let err):
            appendResult(ok: ok, err: err, to: &text)
        case .own(let resource):
            if spelling != .wit { text += "own<" }
            text += name(of: resource)
            if spelling != .wit { text += ">" }
        case .borrow(let resource):
            text += "borrow<"
            text += name(of: resource)
            text += ">"
        case .alias(_, let target) where spelling == .structural:
            append(target, to: &text)
        case .alias(let name, _):
            text += escaped(localName(of: type) ?? name)
        case .record(let record):
            appendNominal(type, declaredName: record.name, to: &text) {
                $0 += "record { "
                for (index, field) in record.fields.enumerated() {
                    if index > 0 { $0 += ", " }
                    $0 += WITKeywords.escape(field.name) + ": "
                    append(field.type, to: &$0)
                }
                $0 += " }"
            }
        case .variant(let variant):
            appendNominal(type, declaredName: variant.name, to: &text) {
                $0 += "variant { "
                for (index, variantCase) in variant.cases.enumerated() {
                    if index > 0 { $0 += ", " }
                    $0 += WITKeywords.escape(variantCase.name)
                    if let payload = variantCase.payload {
                        $0 += "("
                        append(payload, to: &$0)
                        $0 += ")"
                    }
                }
                $0 += " }"
            }
        case .enumeration(let enumeration):
            appendNominal(type, declaredName: enumeration.name, to: &text) {
                $0 += "enum { " + enumeration.cases.map(WITKeywords.escape).joined(separator: ", ") + " }"
            }
        case .flags(let flags):
            appendNominal(type, declaredName: flags.name, to: &text) {
                $0 += "flags { " + flags.flags.map(WITKeywords.escape).joined(separator: ", ") + " }"
            }
        }
    }

    private func appendList(_ types: [ValueType], to text: inout String) {
        for (index, type) in types.enumerated() {
            if index > 0 { text += ", " }
            append(type, to: &text)
        }
    }

    private func appendResult(ok: ValueType?, err: ValueType?, to text: inout String) {
        switch (ok, err) {
        case (nil, nil):
            text += "result"
        case (let ok?, nil):
            text += "result<"
            append(ok, to: &text)
            text += ">"
        case (nil, let err?):
            text += "result<_, "
            append(err, to: &text)
            text += ">"
        case (let ok?, let err?):
            text += "result<"
            append(ok, to: &text)
            text += ", "
            append(err, to: &text)
            text += ">"
        }
    }

    /// A nominal type prints by name; one without a name (which no valid component has) prints
    /// its structure so that nothing is lost.
    private func appendNominal(
        _ type: ValueType, declaredName: String?, to text: inout String,
        structure: (inout String) -> Void
    ) {
        if spelling != .structural, let name = localName(of: type) ?? declaredName {
            text += escaped(name)
        } else if spelling == .message {
            text += Self.kind(of: type)
        } else {
            structure(&text)
        }
    }

    private func localName(of type: ValueType) -> String? {
        nominalNames.isEmpty ? nil : nominalNames[type]
    }

    /// `record`, `variant`, `enum` or `flags`.
    static func kind(of type: ValueType) -> String {
        switch type {
        case .variant: return "variant"
        case .enumeration: return "enum"
        case .flags: return "flags"
        default: return "record"
        }
    }

    /// The name a record, variant, enum, flags or alias type carries in the model.
    static func nominalName(of type: ValueType) -> String? {
        switch type {
        case .record(let record): return record.name
        case .variant(let variant): return variant.name
        case .enumeration(let enumeration): return enumeration.name
        case .flags(let flags): return flags.name
        case .alias(let name, _): return name
        default: return nil
        }
    }
}
