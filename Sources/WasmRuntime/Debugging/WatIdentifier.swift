/// A name from a module's `name` section written as a text-format identifier, the way
/// `wasm-tools print` (1.262) writes it: `$name` when every character may appear in an
/// identifier, `$"..."` otherwise, and `$"#func3 name"` when the name is empty, starts with `#`
/// or was taken by an earlier item of the same kind. In quotes, everything but printable ASCII
/// (and `"` and `\`) is written `\u{hex}`, so a name never reaches a terminal raw.
struct WatIdentifier: Sendable, Equatable {
    let text: String

    /// `group` is the kind's word in synthetic names (`func`, `local`, `global`, ...); `used`
    /// collects the names taken so far in the item's namespace, when names there must be unique.
    init(_ name: String, index: UInt32, group: String, used: inout Set<String>?) {
        var synthetic = name.isEmpty || name.hasPrefix("#")
        if !synthetic, used != nil, used?.insert(name).inserted == false { synthetic = true }
        if synthetic {
            text = "$\"#\(group)\(index) " + Self.quoted(name) + "\""
        } else if name.unicodeScalars.allSatisfy(Self.isIdentifierCharacter) {
            text = "$" + name
        } else {
            text = "$\"" + Self.quoted(name) + "\""
        }
    }

    private static func quoted(_ name: String) -> String {
        var text = ""
        for scalar in name.unicodeScalars {
            if (0x20..<0x7F).contains(scalar.value) && scalar != "\"" && scalar != "\\" {
                text.unicodeScalars.append(scalar)
            } else {
                text += "\\u{" + String(scalar.value, radix: 16) + "}"
            }
        }
        return text
    }

    /// The spec's `idchar`.
    private static func isIdentifierCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", "a"..."z", "A"..."Z": true
        case "!", "#", "$", "%", "&", "'", "*", "+", "-", ".", "/", ":", "<", "=", ">", "?", "@", "\\", "^", "_",
            "`", "|", "~":
            true
        default: false
        }
    }
}
