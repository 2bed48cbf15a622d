/// Where a script's lines come from. The step command reads its answers from the same source,
/// so a scripted `step` takes its `allow`/`deny` from the lines that follow it.
protocol LineSource: AnyObject {
    /// The next line and its 1-based number, or nil at the end.
    func nextLine() -> (number: Int, text: String)?
}

final class ArrayLineSource: LineSource {
    private let lines: [String]
    private var index = 0
    private let firstNumber: Int

    init(_ lines: [String], firstNumber: Int = 1) {
        self.lines = lines
        self.firstNumber = firstNumber
    }

    func nextLine() -> (number: Int, text: String)? {
        guard index < lines.count else { return nil }
        defer { index += 1 }
        return (firstNumber + index, lines[index])
    }
}

final class StandardInputLineSource: LineSource {
    private var number = 0

    func nextLine() -> (number: Int, text: String)? {
        guard let line = readLine(strippingNewline: true) else { return nil }
        number += 1
        return (number, line.hasSuffix("\r") ? String(line.dropLast()) : line)
    }
}
