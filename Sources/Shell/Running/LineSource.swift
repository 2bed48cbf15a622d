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

/// Lines from standard input as they arrive, each at most `lineLimit` bytes: what is piped in
/// may be anything (`wasmsh < /dev/zero`), and a line is held whole before it runs.
final class StandardInputLineSource: LineSource {
    /// The longest line read; a longer one is cut there and the rest of it skipped.
    static let lineLimit = 1 << 20

    private var number = 0
    /// Called before a read that may block: held output goes out first.
    private let beforeWaiting: () -> Void
    // Unchecked: read or changed on every scripted line (a dynamic exclusivity check is about
    // 150 instructions), and never touched while a change of it is under way.
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// Set when a line was cut: the caller's next line reports it.
    private(set) var cutLine: Int?

    init(beforeWaiting: @escaping () -> Void = {}) {
        self.beforeWaiting = beforeWaiting
    }

    func nextLine() -> (number: Int, text: String)? {
        // A whole line in the buffer (nearly every line): its text made straight from there.
        if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")), newline - start <= Self.lineLimit {
            let end = newline > start && buffer[newline - 1] == UInt8(ascii: "\r") ? newline - 1 : newline
            let text = String(decoding: buffer[start..<end], as: UTF8.self)
            start = newline + 1
            number += 1
            return (number, text)
        }
        var line: [UInt8] = []
        var skipping = false
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                if !skipping { line += buffer[start..<newline] }
                start = newline + 1
                break
            }
            if !skipping { line += buffer[start...] }
            buffer.removeAll(keepingCapacity: true)
            start = 0
            if line.count > Self.lineLimit {
                line.removeSubrange(Self.lineLimit...)
                skipping = true
                cutLine = number + 1
            }
            if !atEnd { fill() }
            if atEnd && buffer.isEmpty {
                if line.isEmpty && !skipping { return nil }
                break
            }
        }
        number += 1
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return (number, String(decoding: line, as: UTF8.self))
    }

    private func fill() {
        beforeWaiting()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                atEnd = true
                return
            }
            buffer += chunk[..<count]
            return
        }
    }
}
