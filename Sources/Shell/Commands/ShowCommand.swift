import Capabilities
import WasmComponent

enum ShowCommand: ShellCommand {
    static let name = "show"
    static let syntax = CommandSyntax([.argument(Argument("$NAME", .binding)), .flag(rawFlag)])
    static let summary =
        "print a binding whole, in WAVE; --raw prints a string (or a list of strings, one per line) as text"
    static let example = "call trusted.run()\nshow $_ --raw\nlet passwd = call malicious.run()\nshow $passwd"
    static let rawFlag = "--raw"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        guard let word = arguments["$NAME"], word.hasPrefix("$") else { throw ShellError("usage: \(usage)") }
        let binding = try session.binding(String(word.dropFirst()))
        guard arguments.has(rawFlag) else {
            session.print(WAVEFormatter.format(binding.value, as: binding.type))
            return
        }
        let lines: [String]
        switch binding.value {
        case .string(let text):
            lines = [text]
        case .list(let elements) where elements.allSatisfy({ if case .string = $0 { true } else { false } }):
            lines = elements.compactMap { if case .string(let text) = $0 { text } else { nil } }
        case .result(.ok(.string(let text)?)), .result(.err(.string(let text)?)), .option(.string(let text)?):
            lines = [text]
        default:
            throw ShellError(
                "--raw shows text, and \(word) is a \(WITPrinter.typeName(binding.type)); 'show \(word)' prints it in WAVE")
        }
        for line in lines {
            // A guest chose these bytes: on a terminal, nothing but line breaks and tabs passes raw.
            session.output.write(session.settings.outputIsTerminal ? TerminalText.escapingControls(line) : line)
            if !line.hasSuffix("\n") { session.output.write("\n") }
        }
    }
}

/// Text from a guest, a component or a manifest, made safe for a terminal.
enum TerminalText {
    /// Control characters (C0 but line feed and tab, DEL, C1) written as `\u{1b}`, so that no
    /// escape sequence reaches the terminal.
    static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEscaped) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isEscaped(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }
}
