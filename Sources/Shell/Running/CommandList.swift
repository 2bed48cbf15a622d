/// Splits `wasmsh -c 'load trusted; call trusted.run()'` into commands at `;` outside quotes
/// (so a WAVE string may contain one).
enum CommandList {
    static func split(_ text: String) -> [String] {
        var commands: [String] = []
        var current = ""
        var quote: Character?
        var escaped = false
        for character in text {
            defer { escaped = quote != nil && character == "\\" && !escaped }
            if let open = quote {
                if character == open && !escaped { quote = nil }
                current.append(character)
            } else if character == "\"" || character == "'" {
                quote = character
                current.append(character)
            } else if character == ";" {
                commands.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        commands.append(current)
        return commands.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}

extension ScriptRunner {
    /// Runs `wasmsh -c` text; errors name the command's position (`near line 2` is the second command).
    public func run(commandList text: String) -> Bool {
        run(lines: CommandList.split(text))
    }
}
