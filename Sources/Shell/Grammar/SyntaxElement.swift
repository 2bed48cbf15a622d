/// A piece of a command's syntax. Positional pieces (words, arguments, optional groups) match in
/// order; flags and options may stand anywhere on the line.
indirect enum SyntaxElement: Sendable, Equatable {
    /// A literal word: `as`, `log`, `off`, `=`.
    case word(String)
    case argument(Argument)
    /// One or more of an argument (`PATH...`); zero or more inside `optional`. Takes the rest of
    /// the words, so it comes last.
    case repeated(Argument)
    /// Elements that may be left out together: `[as ALIAS]`.
    case optional([SyntaxElement])
    /// Flags of which at most one may be given: `[--debug | --no-debug]`; one flag alone: `[--write]`.
    case flags([String])
    /// A name followed by its value: `[--last N]`, `[memory SIZE]`. Given twice, the last wins.
    case option(String, Argument)

    static func flag(_ name: String) -> SyntaxElement { .flags([name]) }

    /// How `help` and usage errors show it.
    var usage: String {
        switch self {
        case .word(let word): word
        case .argument(let argument): argument.placeholder
        case .repeated(let argument): argument.placeholder + "..."
        case .optional(let elements): "[" + elements.map(\.usage).joined(separator: " ") + "]"
        case .flags(let names): "[" + names.joined(separator: " | ") + "]"
        case .option(let name, let argument): "[\(name) \(argument.placeholder)]"
        }
    }
}
