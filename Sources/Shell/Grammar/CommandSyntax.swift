/// A command's syntax, declared once: one or more forms (`grants [COMPONENT] | grants --suggest
/// COMPONENT`). Parsing, completion and the usage `help` shows all come from it. A class: each
/// command line reaches its command's syntax, and a reference is one retain, not a copy.
final class CommandSyntax: Sendable {
    let forms: [[SyntaxElement]]
    /// What an unknown word is called in errors when a form takes only options: `limit` for
    /// `limits bogus 5`. Nil: such a word is simply not in the usage.
    let unknownWordNoun: String?
    /// Each form's shape, made once: every command line is matched against them.
    private let shapes: [FormShape]
    /// Literal one-character words stand alone even when written without spaces (`let x=call f()`).
    let separators: Set<Character>
    /// The argument of a first form that is one call and nothing else (`call C.F(ARGS)`): it
    /// takes the whole text as written, so such a line needs no splitting into words.
    private let wholeTextCall: Argument?

    init(_ forms: [SyntaxElement]..., unknownWordNoun: String? = nil) {
        self.forms = forms
        self.unknownWordNoun = unknownWordNoun
        shapes = forms.map(FormShape.init)
        var characters: Set<Character> = []
        for form in forms {
            for case .word(let word) in form where word.count == 1 && !(word.first?.isLetter ?? true) {
                if let first = word.first { characters.insert(first) }
            }
        }
        separators = characters
        if let first = forms.first, first.count == 1, case .argument(let argument) = first[0], argument.kind == .call {
            wholeTextCall = argument
        } else {
            wholeTextCall = nil
        }
    }

    /// `grants [COMPONENT] | grants --suggest COMPONENT`.
    func usage(command: String) -> String {
        forms.map { ([command] + $0.map(\.usage)).joined(separator: " ") }.joined(separator: " | ")
    }

    /// Matches `text` (what follows the command's name) against the forms, first match wins.
    /// When none matches, the most telling error: an unknown option, an option without its
    /// value, an unterminated quote, or else the usage.
    func parse(_ text: String, command: String) throws(ShellError) -> ParsedArguments {
        // What the walk below gives such a form: its call, from the first word to the end.
        if let wholeTextCall {
            let call = text.trimmingWhitespace()
            if !call.isEmpty {
                return ParsedArguments(wholeCall: call, as: wholeTextCall.placeholder)
            }
        }
        let scanner = ArgumentScanner(text, separators: separators)
        var telling: ShellError?
        for (index, shape) in shapes.enumerated() {
            for sequence in shape.sequences {
                let walk = shape.walk(
                    sequence, scanner: scanner, text: text, completing: false, unknownWordNoun: unknownWordNoun)
                switch walk {
                case .matched(let values, let flags, let options):
                    return ParsedArguments(form: index, values: values, flags: flags, options: options)
                case .failed(let error?):
                    if telling == nil { telling = error }
                case .failed(nil), .expecting:
                    continue
                }
            }
        }
        // Made only for an error: a command that parses never needs it.
        let usage = "usage: " + self.usage(command: command)
        if let telling {
            // A quote error stands alone; the others say how the command is used.
            throw telling.description == scanner.failure?.description
                ? telling : ShellError("\(telling.description); \(usage)")
        }
        throw ShellError(usage)
    }

    /// What may come next after the complete words of `text` (the word being typed excluded):
    /// literal words, flags, arguments, each with the argument values given so far.
    func expectations(after text: String) -> [Expectation] {
        let scanner = ArgumentScanner(text, separators: separators)
        var found: [Expectation] = []
        for shape in shapes {
            for sequence in shape.sequences {
                if case .expecting(let expectations) = shape.walk(
                    sequence, scanner: scanner, text: text, completing: true, unknownWordNoun: nil)
                {
                    for expectation in expectations where !found.contains(expectation) { found.append(expectation) }
                }
            }
        }
        return found
    }
}

/// Something that may come next on a command line, for completion.
struct Expectation: Sendable, Equatable {
    enum Item: Sendable, Equatable {
        case word(String)
        case flag(String)
        case argument(Argument)
    }

    let item: Item
    /// The arguments given before it (`COMPONENT` for a capability).
    let values: [String: [String]]
}

/// One form broken down for matching: its positional pieces unrolled into every sequence its
/// optional groups allow, and its flags and options, which may stand anywhere.
private struct FormShape: Sendable {
    enum Atom: Equatable {
        case word(String)
        case argument(Argument)
        /// One or more; the rest of the words.
        case repeated(Argument)
    }

    enum Walk {
        case matched(values: [String: [String]], flags: Set<String>, options: [String: String])
        /// Did not match; the error says why when it is more telling than the usage.
        case failed(ShellError?)
        /// Completing: the words so far fit, and these may follow.
        case expecting([Expectation])
    }

    let sequences: [[Atom]]
    let flagGroups: [[String]]
    let options: [String: Argument]
    /// Literal words of the form that look like flags (`grants --suggest C`).
    let dashedWords: Set<String>

    init(_ form: [SyntaxElement]) {
        var groups: [[String]] = []
        var options: [String: Argument] = [:]
        var dashed: Set<String> = []
        func collect(_ elements: [SyntaxElement]) {
            for element in elements {
                switch element {
                case .flags(let names): groups.append(names)
                case .option(let name, let argument): options[name] = argument
                case .optional(let inner): collect(inner)
                case .word(let word) where word.hasPrefix("--"): dashed.insert(word)
                default: break
                }
            }
        }
        collect(form)
        flagGroups = groups
        self.options = options
        dashedWords = dashed
        sequences = Self.unroll(form[...])
    }

    /// Every positional sequence: each optional group taken or left out.
    private static func unroll(_ elements: ArraySlice<SyntaxElement>) -> [[Atom]] {
        guard let first = elements.first else { return [[]] }
        let rest = unroll(elements.dropFirst())
        switch first {
        case .word(let word): return rest.map { [.word(word)] + $0 }
        case .argument(let argument): return rest.map { [.argument(argument)] + $0 }
        case .repeated(let argument): return rest.map { [.repeated(argument)] + $0 }
        case .flags, .option: return rest
        case .optional(let inner):
            let taken = unroll(inner[...]).flatMap { head in rest.map { head + $0 } }
            return taken + rest
        }
    }

    func walk(
        _ sequence: [Atom], scanner: ArgumentScanner, text: String, completing: Bool, unknownWordNoun: String?
    ) -> Walk {
        let words = scanner.words
        var values: [String: [String]] = [:]
        var flags: Set<String> = []
        var optionValues: [String: String] = [:]
        var atom = 0
        var index = 0
        /// The option whose value the last word left to come (completing `--component `).
        var pendingOption: Argument?

        func restOfLine(from start: String.Index) -> String {
            String(text[start...]).trimmingWhitespace()
        }

        while index < words.count {
            let word = words[index]
            if atom < sequence.count, case .argument(let argument) = sequence[atom], argument.kind == .call {
                values[argument.placeholder] = [restOfLine(from: word.start)]
                atom += 1
                index = words.count
                break
            }
            let passesOn =
                if atom < sequence.count, case .repeated(let argument) = sequence[atom] {
                    argument.kind == .passedOn
                } else { false }
            if !word.isQuoted, !passesOn, let group = flagGroups.first(where: { $0.contains(word.text) }) {
                if let other = group.first(where: { $0 != word.text && flags.contains($0) }) {
                    return .failed(ShellError("\(other) and \(word.text) cannot be given together"))
                }
                flags.insert(word.text)
                index += 1
                continue
            }
            if !word.isQuoted, let argument = options[word.text] {
                guard index + 1 < words.count else {
                    if completing {
                        pendingOption = argument
                        index += 1
                        break
                    }
                    return .failed(ShellError("\(word.text) needs a value"))
                }
                optionValues[word.text] = words[index + 1].text
                index += 2
                continue
            }
            if !word.isQuoted, !passesOn, word.text.hasPrefix("--"), !dashedWords.contains(word.text) {
                return .failed(ShellError("unknown option '\(word.text)'"))
            }
            guard atom < sequence.count else {
                if let unknownWordNoun, sequence.isEmpty, !options.isEmpty {
                    return .failed(ShellError("unknown \(unknownWordNoun) '\(word.text)'"))
                }
                return .failed(nil)
            }
            switch sequence[atom] {
            case .word(let literal):
                guard word.text == literal else { return .failed(nil) }
                flags.insert(literal)
                atom += 1
            case .argument(let argument):
                guard word.isQuoted || !word.text.hasPrefix("--") else { return .failed(nil) }
                values[argument.placeholder] = [word.text]
                atom += 1
            case .repeated(let argument):
                values[argument.placeholder, default: []].append(word.text)
            }
            index += 1
        }
        // A call whose text could not be split into words is taken as written.
        if !completing, scanner.failure != nil, let start = scanner.failureStart, atom < sequence.count,
            case .argument(let argument) = sequence[atom], argument.kind == .call
        {
            values[argument.placeholder] = [restOfLine(from: start)]
            atom += 1
        } else if !completing, let failure = scanner.failure {
            return .failed(failure)
        }

        if completing {
            if let pendingOption {
                return .expecting([Expectation(item: .argument(pendingOption), values: values)])
            }
            var next: [Expectation] = []
            if atom < sequence.count {
                switch sequence[atom] {
                case .word(let literal): next.append(Expectation(item: .word(literal), values: values))
                case .argument(let argument), .repeated(let argument):
                    next.append(Expectation(item: .argument(argument), values: values))
                }
            }
            for group in flagGroups where !group.contains(where: flags.contains) {
                next += group.map { Expectation(item: .flag($0), values: values) }
            }
            for name in options.keys.sorted() where optionValues[name] == nil {
                next.append(Expectation(item: .flag(name), values: values))
            }
            return .expecting(next)
        }
        let satisfied =
            atom == sequence.count
            || (atom == sequence.count - 1
                && {
                    if case .repeated(let argument) = sequence[atom] { return values[argument.placeholder] != nil }
                    return false
                }())
        guard satisfied else { return .failed(nil) }
        return .matched(values: values, flags: flags, options: optionValues)
    }
}
