import Capabilities
import TerminalUI
import WasmComponent
import WasmRuntime

/// Everything one shell session knows: loaded components with their policies, bindings, the
/// audit trail, the command history, and where output goes.
public final class Session {
    public let settings: SessionSettings
    /// Where messages and audit lines go: the output given at start, or the inspector's while it is open.
    let output: SessionOutput
    let style: Style
    let environment: SandboxEnvironment
    // Unchecked, like the other properties every scripted line reads or changes: a dynamic
    // exclusivity check is about 150 instructions, and none of them is touched while a change
    // of it is under way (no closure reaches back into the session mid-change).
    @exclusivity(unchecked) var components: [SessionComponent] = []
    @exclusivity(unchecked) var bindings: [String: Binding] = [:]
    /// Commands as entered, for `history`.
    /// The session's command lines, the latest `historyLimit` of them at least (kept whole, a
    /// long script would hold every line it ran); `historyDropped` counts those let go.
    @exclusivity(unchecked) private(set) var history: [String] = []
    private(set) var historyDropped = 0
    static let historyLimit = 1000
    /// The command the last line named, by the word it was named with: a script repeats one
    /// command line after line.
    @exclusivity(unchecked) private var lastCommand: (word: String, command: any ShellCommand.Type)?
    /// Set by `quit`: the runner stops reading.
    var quitRequested = false
    /// Nested `source` depth, to refuse a script that sources itself forever.
    var sourceDepth = 0
    /// The audit as lines among the output (stream operations summed up per call).
    let auditLines: LineAuditSink
    /// What guests wrote lately, for the inspector's output pane.
    let guestLines = GuestOutputLog()
    /// The JSONL sink `audit log FILE` or `--audit-log` opened, if any.
    @exclusivity(unchecked) var auditFile: (path: String, sink: JSONLinesAuditSink)?
    /// Reads one answer at a stepper pause (the argument is the prompt): the next script line,
    /// or a line typed at `step> `. Nil when there is none (the step is then aborted).
    var readStepAnswer: ((String) -> String?)?
    /// The component of the stepped call at a pause (for completing step answers), else nil.
    var steppingComponent: SessionComponent?
    /// Functions the stepper stops at, by component name (kept across `reload`).
    var breakpoints: [String: [Breakpoint]] = [:]
    /// Where the `step` command's calls pause (the inspector gives its calls its own console).
    lazy var stepConsole: StepConsole = LineStepConsole(session: self)
    /// Manifests `save` wrote in this session: written over again without --force.
    var savedManifests: Set<String> = []
    /// Finds the source files of components' DWARF on the host (`list`, line pauses).
    lazy var sources = SourceLocator(directories: settings.sourceDirectories)
    /// `audit clear` hides events up to this sequence number (the log itself keeps them).
    var auditClearedThrough: UInt64 = 0

    public init(settings: SessionSettings, output: any ShellOutput, style: Style = .plain) throws {
        self.settings = settings
        let routed = SessionOutput(output)
        self.output = routed
        self.style = style
        let formatter = AuditLineFormatter(style: style)
        auditLines = LineAuditSink(
            formatter: formatter, summarizingTraffic: true, emit: { line in routed.writeAuditLine(line + "\n") })
        let audit = AuditLog(sinks: [auditLines])
        self.environment = try SandboxEnvironment(root: settings.root, audit: audit)
        let guestLines = self.guestLines
        environment.guestOutput = { component in
            PrefixedGuestOutput(
                component: component, output: routed, log: guestLines, style: style,
                escapesControls: settings.outputIsTerminal)
        }
        if let path = settings.auditLogPath {
            let sink = try JSONLinesAuditSink(path: path)
            audit.add(sink)
            auditFile = (path, sink)
        }
    }

    var audit: AuditLog { environment.audit }

    func print(_ text: String) { output.write(text + "\n") }

    func component(named name: String) throws(ShellError) -> SessionComponent {
        if let found = components.first(where: { $0.name == name }) { return found }
        let loaded = components.map(\.name)
        var message = "no component named '\(name)' is loaded"
        let file = "\(settings.componentsDirectory)/\(name).wasm"
        if ComponentName.isValid(name), access(file, F_OK) == 0 {
            message += "; 'load \(name)' loads \(file)"
        } else if let suggestion = Suggestions.didYouMean(name, among: loaded) {
            message += "; \(suggestion)"
        } else if loaded.isEmpty {
            message += "; load one with 'load NAME'"
        }
        if !loaded.isEmpty { message += " (loaded: \(loaded.joined(separator: ", ")))" }
        throw ShellError(message)
    }

    func replace(_ old: SessionComponent, with new: SessionComponent) {
        if let index = components.firstIndex(where: { $0 === old }) { components[index] = new }
    }

    /// Runs one command line (without `#` comments or blank lines, which callers skip).
    public func execute(_ line: String) throws {
        let trimmed = line.trimmingWhitespace()
        guard !trimmed.isEmpty else { return }
        history.append(trimmed)
        // Let go of the oldest in batches: once per `historyLimit` lines, not a shift per line.
        if history.count >= 2 * Self.historyLimit {
            // One more than the limit: `history` shows that many before its own line.
            let dropped = history.count - Self.historyLimit - 1
            history.removeFirst(dropped)
            historyDropped += dropped
        }
        let (word, rest) = trimmed.splitFirstWord()
        let command: any ShellCommand.Type
        if let last = lastCommand, last.word == word {
            command = last.command
        } else {
            command = try CommandTable.find(word)
            lastCommand = (word, command)
        }
        defer { callsEnded() }
        try command.run(line: rest, in: self)
    }

    /// Calls ended (a result is about to be shown, or a command is done): what the guests wrote
    /// without ending the line, and the summary of their stream operations, are shown now.
    func callsEnded() {
        for component in components { component.sandboxed.gate.state.output.flush() }
        auditLines.flushTraffic()
        // Records of clock and random calls wait for the JSONL file's next write: at the latest
        // they are written when the command ends. A failure shows at the next decision.
        if auditFile != nil { try? audit.flush() }
    }

    public var isFinished: Bool { quitRequested }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        // Ends that are ASCII and no whitespace (a line trimmed before): nothing to trim, and
        // no pass over the bytes.
        // Read through the contiguous bytes: `utf8.last` alone cost 230 instructions.
        if let string = self as? String,
            string.utf8.withContiguousStorageIfAvailable({ bytes in
                guard let first = bytes.first, let last = bytes.last else { return false }
                return first < 0x80 && last < 0x80 && !first.isASCIIWhitespace && !last.isASCIIWhitespace
            }) == true
        {
            return string
        }
        // A command line is nearly always ASCII: trimmed by its bytes, with no Unicode property
        // look-ups (Characters and bytes agree on ASCII, "\r\n" included).
        var text = Substring(self)
        if let ascii = text.asciiTrimmedBounds() { return String(text[ascii]) }
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }

    /// The first whitespace-separated word and the rest, trimmed.
    func splitFirstWord() -> (String, String) {
        let text = Substring(self)
        // An ASCII line in one pass over its bytes (see `trimmingWhitespace`).
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> (word: String, rest: String)? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var start = 0
            var end = bytes.count
            while start < end, bytes[start].isASCIIWhitespace { start += 1 }
            while end > start, bytes[end - 1].isASCIIWhitespace { end -= 1 }
            var wordEnd = start
            while wordEnd < end, !bytes[wordEnd].isASCIIWhitespace { wordEnd += 1 }
            var restStart = wordEnd
            while restStart < end, bytes[restStart].isASCIIWhitespace { restStart += 1 }
            // Made from the bytes: no string indices to compute.
            func piece(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            return (piece(start..<wordEnd), piece(restStart..<end))
        }
        if let found = ascii, let pieces = found { return pieces }
        let trimmed = trimmingWhitespace()
        guard let space = trimmed.firstIndex(where: \.isWhitespace) else { return (trimmed, "") }
        return (String(trimmed[..<space]), trimmed[space...].trimmingWhitespace())
    }
}

extension Substring {
    /// The range of the text without its leading and trailing ASCII whitespace, when the text
    /// is all ASCII; nil otherwise.
    fileprivate func asciiTrimmedBounds() -> Range<Index>? {
        let offsets = utf8.withContiguousStorageIfAvailable { bytes -> Range<Int>? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            guard let first = bytes.firstIndex(where: { !$0.isASCIIWhitespace }),
                let last = bytes.lastIndex(where: { !$0.isASCIIWhitespace })
            else { return 0..<0 }
            return first..<(last + 1)
        }
        guard let offsets = offsets ?? nil else { return nil }
        let lower = utf8.index(startIndex, offsetBy: offsets.lowerBound)
        return lower..<utf8.index(lower, offsetBy: offsets.count)
    }
}

extension UInt8 {
    /// Space, tab, line feed, vertical tab, form feed, carriage return: what `Character.isWhitespace`
    /// says of ASCII.
    fileprivate var isASCIIWhitespace: Bool { self == 0x20 || (0x09...0x0D).contains(self) }
}
