/// A command line matched against its command's syntax: argument values by placeholder, the
/// flags given, option values.
struct ParsedArguments: Sendable {
    /// Which of the syntax's forms matched (0 for the first).
    let form: Int
    private let values: [String: [String]]
    private let flags: Set<String>
    private let options: [String: String]
    /// The one value of a form that is a call and nothing else (`call C.F(ARGS)`), kept without
    /// a dictionary: such a form is matched on every scripted call line.
    private let wholeCall: (placeholder: String, text: String)?

    init(form: Int, values: [String: [String]], flags: Set<String>, options: [String: String]) {
        self.form = form
        self.values = values
        self.flags = flags
        self.options = options
        wholeCall = nil
    }

    /// The first form, when it is one call: its text.
    init(wholeCall text: String, as placeholder: String) {
        form = 0
        values = [:]
        flags = []
        options = [:]
        wholeCall = (placeholder, text)
    }

    /// The value of an argument (`COMPONENT`), or nil when an optional one was left out.
    subscript(_ placeholder: String) -> String? {
        if let wholeCall { return wholeCall.placeholder == placeholder ? wholeCall.text : nil }
        return values[placeholder]?.first
    }

    /// Every value of a repeated argument (`PATH...`), in order.
    func all(_ placeholder: String) -> [String] {
        if let wholeCall { return wholeCall.placeholder == placeholder ? [wholeCall.text] : [] }
        return values[placeholder] ?? []
    }

    /// Whether a flag or a literal word of the matched form was given.
    func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// An option's value (the last, if given twice).
    func option(_ name: String) -> String? { options[name] }

    /// The argument `COMPONENT`, which every form that reaches here has.
    var component: String { self["COMPONENT"] ?? "" }
}

extension ParsedArguments {
    /// The text of the argument that takes the rest of the line (a call), whichever form matched.
    var callText: String {
        self[CallCommand.componentCall.placeholder] ?? self[CallCommand.handleCall.placeholder] ?? ""
    }
}
