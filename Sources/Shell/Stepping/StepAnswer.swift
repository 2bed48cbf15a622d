/// One answer at a `step>` pause, declared once: the word and its short forms, its arguments,
/// where it applies, and its line in `help`. `StepSession` acts on it, the completer offers it,
/// and the help text is rendered from the table.
struct StepAnswer: Sendable {
    enum Action: Sendable {
        case allow, deny, grant, revoke, args
        case into, line, next, finish, stepInstruction, `continue`, `break`, delete, functions, backtrace
        case list, locals, print, abort, help
    }

    enum Place: Sendable {
        /// Only while a host call waits for a decision.
        case hostCall
        /// At every pause (a host call pending is then decided by the policy).
        case anywhere
    }

    let word: String
    let aliases: [String]
    let action: Action
    let place: Place
    /// Needs the component loaded with --debug (function and source stepping).
    let needsDebug: Bool
    /// The arguments after the word.
    let syntax: CommandSyntax
    let help: String

    init(
        _ word: String, aliases: [String] = [], _ action: Action, _ place: Place, needsDebug: Bool = false,
        _ elements: [SyntaxElement] = [], help: String
    ) {
        self.word = word
        self.aliases = aliases
        self.action = action
        self.place = place
        self.needsDebug = needsDebug
        self.syntax = CommandSyntax(elements)
        self.help = help
    }

    /// `into (s, step)`, `grant [PATH...] [--write]`: the left column of `help`.
    var label: String {
        syntax.usage(command: aliases.isEmpty ? word : "\(word) (\(aliases.joined(separator: ", ")))")
    }

    static let all: [StepAnswer] = [
        StepAnswer("allow", aliases: ["a"], .allow, .hostCall, help: "run this call once, whatever the policy says"),
        StepAnswer("deny", aliases: ["d"], .deny, .hostCall, help: "refuse this call once, whatever the policy says"),
        StepAnswer(
            "grant", .grant, .hostCall, [.optional([.repeated(PolicyRequest.path)]), .flag(PolicyRequest.writeFlag)],
            help: "grant the interface (scoped to PATH), then decide by the policy"),
        StepAnswer(
            "revoke", .revoke, .hostCall, [.optional([.repeated(PolicyRequest.path)]), .flag(PolicyRequest.writeFlag)],
            help: "revoke the interface's grant (or one scope), then decide by the policy"),
        StepAnswer("args", .args, .hostCall, help: "show the arguments in full"),
        StepAnswer(
            "into", aliases: ["s", "step"], .into, .anywhere, needsDebug: true,
            help: "run to the next function entry or exit, or host call"),
        StepAnswer(
            "line", aliases: ["l"], .line, .anywhere, needsDebug: true,
            help: "run to the next source line, into calls (code with DWARF)"),
        StepAnswer(
            "next", aliases: ["n"], .next, .anywhere, needsDebug: true,
            help: "the next line of this function, over calls (without lines: the next entry or exit at this depth)"),
        StepAnswer(
            "finish", aliases: ["f"], .finish, .anywhere, needsDebug: true,
            help: "run until the current function returns"),
        StepAnswer(
            "stepi", aliases: ["si"], .stepInstruction, .anywhere, needsDebug: true,
            help: "run to the next wasm instruction (code without DWARF; with DWARF, the next statement)"),
        StepAnswer(
            "continue", aliases: ["c"], .continue, .anywhere,
            help: "stop pausing but at breakpoints; the policy decides host calls"),
        StepAnswer(
            "break", aliases: ["b"], .break, .anywhere, needsDebug: true,
            [.optional([.argument(Breakpoint.argument)])],
            help: "stop at FILE:LINE or a C function's first line (DWARF), or on entering FUNC; alone: list them"),
        StepAnswer(
            "delete", .delete, .anywhere, [.argument(Argument("TARGET", .breakpoint))], help: "remove a breakpoint"),
        StepAnswer(
            "functions", .functions, .anywhere, needsDebug: true, [.optional([.argument(Argument("TEXT", .value))])],
            help: "list the functions (whose name contains TEXT)"),
        StepAnswer(
            "list", .list, .anywhere, needsDebug: true, [.optional([.argument(Argument("LINE|FILE:LINE", .value))])],
            help: "show the source around the current line (or LINE)"),
        StepAnswer(
            "locals", .locals, .anywhere, needsDebug: true,
            help: "show the current function's wasm locals and source variables"),
        StepAnswer(
            "print", aliases: ["p"], .print, .anywhere, needsDebug: true,
            [.argument(Argument("VAR", .sourceVariable))], help: "show a source variable (local, parameter or global)"),
        StepAnswer("bt", .backtrace, .anywhere, help: "show the guest's wasm call stack, with source lines"),
        StepAnswer("abort", .abort, .anywhere, help: "end the call now with an error"),
        StepAnswer("help", aliases: ["?"], .help, .anywhere, help: "this list"),
    ]

    /// The answer a typed word names (its word or a short form), if any.
    static func find(_ word: String) -> StepAnswer? {
        all.first { $0.word == word || $0.aliases.contains(word) }
    }

    /// The help text, grouped by where the answers apply.
    static let helpText: String = {
        let width = (all.map(\.label.count).max() ?? 0) + 2
        func lines(_ place: Place) -> [String] {
            all.filter { $0.place == place }.map {
                "  " + $0.label.padding(toLength: width, withPad: " ", startingAt: 0) + $0.help
            }
        }
        let debugWords = all.filter(\.needsDebug).map(\.word)
        let debugList = debugWords.dropLast().joined(separator: ", ") + " and " + (debugWords.last ?? "")
        return
            (["at a host call:"] + lines(.hostCall)
            + ["anywhere (a host call pending is then decided by the policy):"] + lines(.anywhere)
            + [
                "\(debugList) need the component loaded with --debug;",
                "line, list, locals and print need DWARF (C built with -g).",
            ]).joined(separator: "\n")
    }()
}
