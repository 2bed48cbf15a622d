import CLibEdit

/// Prepares a prompt for libedit's `EL_PROMPT_ESC`, so that colour escapes in a prompt do not
/// throw off cursor positioning.
///
/// libedit's rule (prompt.c, literal.c): the characters between two markers are written but
/// not counted, and are glued to the *next* character, which must be visible (positive width);
/// otherwise the whole run, and that character, are dropped. Hence:
/// - adjacent escape sequences share one marked run (`ESC(B ESC[m` of sgr0);
/// - a run followed by a newline, tab or combining mark moves past it to the next visible
///   character (SGR attributes do not change how those look);
/// - a run at the very end moves before the last visible character; end prompts with a plain
///   character (a space) after the last escape to keep that character's look.
enum PromptText {
    /// The marker libedit is told about (readline uses the same byte for the same purpose).
    static let invisibleMarker: Unicode.Scalar = "\u{01}"

    private enum Piece {
        case visible(Unicode.Scalar)
        case escape(ArraySlice<Unicode.Scalar>)
    }

    static func markingEscapeSequences(in prompt: String) -> String {
        var pieces = split(prompt)
        moveTrailingEscapesBeforeLastVisible(&pieces)
        var result = String.UnicodeScalarView()
        var pending: [Unicode.Scalar] = []
        for piece in pieces {
            switch piece {
            case .escape(let sequence):
                pending.append(contentsOf: sequence)
            case .visible(let scalar):
                if !pending.isEmpty, isVisible(scalar) {
                    result.append(invisibleMarker)
                    result.append(contentsOf: pending)
                    result.append(invisibleMarker)
                    pending.removeAll()
                }
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        wcwidth(wchar_t(bitPattern: scalar.value)) > 0
    }

    private static func moveTrailingEscapesBeforeLastVisible(_ pieces: inout [Piece]) {
        guard let last = pieces.lastIndex(where: { if case .visible(let s) = $0 { isVisible(s) } else { false } })
        else { return }
        let after = pieces[(last + 1)...]
        let escapes = after.filter { if case .escape = $0 { true } else { false } }
        guard !escapes.isEmpty else { return }
        let others = after.filter { if case .escape = $0 { false } else { true } }
        pieces = Array(pieces[..<last]) + escapes + [pieces[last]] + others
    }

    /// Splits into visible scalars and escape sequences; markers already present are dropped so
    /// that a stray one cannot hide the rest of the prompt.
    private static func split(_ prompt: String) -> [Piece] {
        let scalars = Array(prompt.unicodeScalars)
        var pieces: [Piece] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == invisibleMarker {
                index += 1
            } else if scalar == "\u{1B}" {
                let end = endOfEscapeSequence(in: scalars, startingAt: index)
                pieces.append(.escape(scalars[index..<end]))
                index = end
            } else {
                pieces.append(.visible(scalar))
                index += 1
            }
        }
        return pieces
    }

    /// Index just past the escape sequence starting at `start` (an ESC): CSI (`ESC [` ...
    /// final byte), OSC (`ESC ]` ... BEL or `ESC \`), or `ESC` intermediates final (`ESC ( B`).
    private static func endOfEscapeSequence(in scalars: [Unicode.Scalar], startingAt start: Int) -> Int {
        var index = start + 1
        guard index < scalars.count else { return index }
        switch scalars[index] {
        case "[":
            index += 1
            while index < scalars.count, (0x20...0x3F).contains(scalars[index].value) { index += 1 }
            return min(index + 1, scalars.count)
        case "]":
            index += 1
            while index < scalars.count {
                if scalars[index] == "\u{07}" { return index + 1 }
                if scalars[index] == "\u{1B}", index + 1 < scalars.count, scalars[index + 1] == "\\" {
                    return index + 2
                }
                index += 1
            }
            return index
        default:
            while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) { index += 1 }
            return min(index + 1, scalars.count)
        }
    }
}
