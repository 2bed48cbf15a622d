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
            session.printWhole(binding.value, as: binding.type, binding: String(word.dropFirst()))
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
                "--raw shows text, and \(word) is a \(WITPrinter.typeName(binding.type)); 'show \(word)' prints it in WAVE"
            )
        }
        for line in lines {
            // A guest chose these bytes: on a terminal, nothing but line breaks and tabs passes raw.
            session.output.write(
                session.settings.outputIsTerminal ? ControlCharacterEscaper.escapingControls(line) : line)
            if !line.hasSuffix("\n") { session.output.write("\n") }
        }
    }
}
