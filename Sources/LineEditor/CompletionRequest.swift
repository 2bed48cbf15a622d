/// The line being edited when the user pressed Tab.
public struct CompletionRequest: Sendable {
    /// The whole line as typed so far.
    public let line: String
    /// Where the cursor is in `line` (a Unicode scalar boundary).
    public let cursor: String.Index

    public init(line: String, cursor: String.Index) {
        self.line = line
        self.cursor = cursor
    }

    /// The text from the start of the line to the cursor.
    public var textBeforeCursor: Substring { line[..<cursor] }

    /// The range of the word that ends at the cursor (back to the previous space or tab); empty
    /// at the cursor when the character before it is a space.
    public var wordBeforeCursor: Range<String.Index> {
        var start = cursor
        while start > line.startIndex {
            let previous = line.unicodeScalars.index(before: start)
            let scalar = line.unicodeScalars[previous]
            if scalar == " " || scalar == "\t" { break }
            start = previous
        }
        return start..<cursor
    }
}
