import WasmComponent

/// A word written so that the shell reads it back as one word (`ArgumentScanner`): as it is
/// when nothing in it is special, else in double quotes with `"` and `\` escaped. What a terminal
/// could act on is shown escaped: such a word can be read, not typed back.
enum ShellWord {
    static func quoted(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && !word.unicodeScalars.contains {
                $0 == "\"" || $0 == "'" || $0 == "\\" || $0 == " " || $0 == "#" || $0.properties.isWhitespace
                    || ControlCharacterEscaper.needsEscape($0)
            }
        if plain { return word }
        var text = "\""
        for scalar in word.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case " ": text += " "
            default: ControlCharacterEscaper.append(scalar, to: &text)
            }
        }
        return text + "\""
    }
}
