import Capabilities
import TerminalUI
import WasmComponent

/// A guest's standard output and error in the shell: whole lines, each after the component's
/// name (dimmed on a terminal), stdout to the shell's standard output and stderr to its standard
/// error. On a terminal the guest's control characters are shown escaped; elsewhere its bytes
/// pass as they are. A partial last line waits for the rest until the call ends; a line longer
/// than `longestLine` is shown in pieces, so a guest that never ends a line holds no more than
/// that in the shell. Each line is also kept in the session's `GuestOutputLog`, which the
/// inspector shows in its output pane while the terminal is its own.
final class PrefixedGuestOutput: GuestOutput {
    /// The most bytes of one line kept waiting for its end.
    static let longestLine = 16 << 10

    private let component: String
    private let output: SessionOutput
    private let log: GuestOutputLog
    private let style: Style
    private let escapesControls: Bool
    // Unchecked: looked at after every command (see `Session.components`).
    @exclusivity(unchecked) private var pending: [GuestStream: [UInt8]] = [:]

    init(component: String, output: SessionOutput, log: GuestOutputLog, style: Style, escapesControls: Bool) {
        self.component = component
        self.output = output
        self.log = log
        self.style = style
        self.escapesControls = escapesControls
    }

    func write(_ bytes: [UInt8], to stream: GuestStream) {
        var line = pending.removeValue(forKey: stream) ?? []
        var start = bytes.startIndex
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            line += bytes[start..<newline]
            show(line, on: stream)
            line.removeAll(keepingCapacity: true)
            start = newline + 1
        }
        line += bytes[start...]
        while line.count >= Self.longestLine {
            show(Array(line.prefix(Self.longestLine)), on: stream)
            line.removeFirst(Self.longestLine)
        }
        if !line.isEmpty { pending[stream] = line }
    }

    func flush() {
        // After every command: nearly always nothing waits.
        guard !pending.isEmpty else { return }
        for stream in [GuestStream.stdout, .stderr] {
            if let line = pending.removeValue(forKey: stream) { show(line, on: stream) }
        }
    }

    private func show(_ line: [UInt8], on stream: GuestStream) {
        let toError = stream == .stderr
        let escaped = ControlCharacterEscaper.escapingControls(String(decoding: line, as: UTF8.self))
        log.append(GuestOutputLog.Line(component: component, isError: toError, text: escaped))
        let label = stream == .stdout ? "\(component): " : "\(component) (stderr): "
        let prefix = style(.dim, ControlCharacterEscaper.escaped(label))
        output.writeGuestLine { target in
            if escapesControls {
                let text = prefix + escaped + "\n"
                if toError { target.writeError(text) } else { target.write(text) }
            } else {
                target.write(bytes: Array(prefix.utf8) + line + [UInt8(ascii: "\n")], toError: toError)
            }
        }
    }
}
