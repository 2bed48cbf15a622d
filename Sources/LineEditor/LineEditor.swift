import CLibEdit

/// Reads lines from the terminal with editing, history and completion, on libedit's native API
/// (`el_init`/`el_gets`/`history`; not its readline emulation).
///
/// Threads and signals:
/// - A `LineEditor` belongs to the thread that made it (it is not `Sendable`). libedit calls
///   back into it (prompt, Tab, Ctrl-C) on that same thread from inside `el_gets`, finding the
///   object through `EL_CLIENTDATA`.
/// - While a line is being read the terminal runs with ISIG off (`EL_SETTY -d -isig`), so
///   Ctrl-C raises no SIGINT: it arrives as the byte 0x03, bound to `lineeditor-interrupt`,
///   which shows `^C`, abandons the line and starts a fresh prompt. When `el_gets` returns,
///   libedit puts the terminal back in its cooked mode, where Ctrl-C raises SIGINT again; use
///   `InterruptMonitor` to turn that into "interrupt the running command".
/// - `EL_SIGNAL` is on: during `el_gets` only, libedit installs its own handlers (SIGWINCH
///   resizes the line; SIGTSTP/SIGCONT and SIGINT/SIGTERM/SIGHUP restore the terminal first) and
///   puts the previous handlers back when it returns. An external `kill -INT` while a line is
///   read therefore also reaches `InterruptMonitor`.
/// - Tab, Ctrl-C and Ctrl-L (clear the screen) are bound after `~/.editrc` is read, in both the
///   editing and the vi command key maps, so that a `bind -v` in `.editrc` keeps them working.
public final class LineEditor {
    /// Given the line and cursor, the candidates and the range they replace; nil or no
    /// candidates beeps.
    public typealias CompletionHandler = (CompletionRequest) -> CompletionResult?

    /// Called on Tab. A single candidate is inserted with its terminator (the cursor then stands
    /// before its last `charactersAfterCursor` characters); several insert their common prefix
    /// and are listed below the line, then the prompt and line are redrawn.
    public var completionHandler: CompletionHandler?

    /// The last history load or save failure, cleared by the next successful save. History
    /// problems never stop the editor; show this once if it is set.
    public private(set) var historyError: LineEditorError?

    private let editLine: OpaquePointer
    private let history: LineHistory
    private let configuration: LineEditorConfiguration
    private var promptProvider: () -> String
    /// The prompt of the line being read, computed once per line (libedit asks for it on every
    /// redraw) and kept alive here because libedit reads it through a bare pointer.
    fileprivate private(set) var promptStorage: UnsafeMutablePointer<CChar>
    private var lineWasInterrupted = false

    /// Starts libedit on standard input and output. Throws `.notATerminal` when standard input
    /// is not a terminal: scripted input should be read without an editor.
    public init(configuration: LineEditorConfiguration, prompt: String = "> ") throws(LineEditorError) {
        guard isatty(STDIN_FILENO) == 1 else { throw .notATerminal }
        // Must precede el_init: libedit decides at start whether the terminal speaks UTF-8.
        TerminalLocale.adoptUTF8()
        let history = try LineHistory(size: configuration.historySize)
        guard let editLine = shim_el_init_stdio(configuration.programName) else {
            throw .initializationFailed("el_init returned NULL")
        }
        self.editLine = editLine
        self.history = history
        self.configuration = configuration
        self.promptProvider = { prompt }
        self.promptStorage = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
        self.promptStorage.initialize(to: 0)

        let setup: [(String, Int32)] = [
            ("EL_CLIENTDATA", shim_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())),
            ("EL_PROMPT_ESC", shim_el_set_prompt(editLine, lineEditorPrompt, Self.markerByte)),
            ("EL_EDITOR", shim_el_set_editor(editLine, configuration.editingMode.rawValue)),
            ("EL_SIGNAL", shim_el_set_signal(editLine, 1)),
            ("EL_HIST", shim_el_set_history(editLine, history.handle)),
            ("EL_SETTY -isig", shim_el_setty_clear(editLine, "-isig")),
            (
                "EL_ADDFN lineeditor-complete",
                shim_el_addfn(
                    editLine, "lineeditor-complete", "Complete the word before the cursor", lineEditorComplete)
            ),
            (
                "EL_ADDFN lineeditor-interrupt",
                shim_el_addfn(
                    editLine, "lineeditor-interrupt", "Abandon the line and show a fresh prompt", lineEditorInterrupt)
            ),
        ]
        if let failed = setup.first(where: { $0.1 != 0 }) {
            throw .initializationFailed("el_set \(failed.0) failed")
        }
        if configuration.readsEditrc {
            _ = el_source(editLine, nil)  // -1 when there is no .editrc: nothing to report
        }
        // After .editrc, so that a `bind -v` there (which resets the key maps) keeps them.
        _ = shim_el_bind(editLine, "^I", "lineeditor-complete")
        _ = shim_el_bind(editLine, "^C", "lineeditor-interrupt")
        _ = shim_el_bind_command_mode(editLine, "^C", "lineeditor-interrupt")
        // libedit's vi insert mode would insert a literal ^L: clear the screen in every mode.
        _ = shim_el_bind(editLine, "^L", "ed-clear-screen")
        _ = shim_el_bind_command_mode(editLine, "^L", "ed-clear-screen")

        if let path = configuration.historyFile {
            do { try history.load(from: path) } catch { historyError = error }
        }
    }

    deinit {
        el_end(editLine)  // also restores the terminal settings
        promptStorage.deallocate()
    }

    /// A fixed prompt. Colour escape sequences in it are fine (see `PromptText`).
    public func setPrompt(_ text: String) {
        promptProvider = { text }
    }

    /// A prompt computed afresh for every line read.
    public func setPrompt(_ provider: @escaping () -> String) {
        promptProvider = provider
    }

    /// Reads one line, without its newline. Ctrl-C abandons the line being typed and starts
    /// over with a fresh prompt; Ctrl-D on an empty line returns nil (end of input). Non-blank
    /// lines go to the history (and its file) when `recordsHistory` is set.
    public func readLine() throws(LineEditorError) -> String? {
        while true {
            preparePrompt()
            lineWasInterrupted = false
            var count: Int32 = 0
            let raw = el_gets(editLine, &count)
            if lineWasInterrupted { continue }
            guard let raw else {
                if count == 0 {
                    // libedit leaves the cursor after the echoed ^D; end the line for the caller.
                    fputs("\n", shim_el_output(editLine) ?? stdoutFile)
                    fflush(shim_el_output(editLine) ?? stdoutFile)
                    return nil
                }
                let code = errno
                if code == EINTR { continue }
                throw .readFailed(errno: code)
            }
            var line = String(cString: raw)
            if line.unicodeScalars.last == "\n" { line.unicodeScalars.removeLast() }
            if configuration.recordsHistory { addToHistory(line) }
            return line
        }
    }

    /// Adds a non-blank line to the history and rewrites the history file.
    public func addToHistory(_ line: String) {
        guard line.contains(where: { !$0.isWhitespace }) else { return }
        history.add(line)
        guard let path = configuration.historyFile else { return }
        do {
            try history.save(to: path)
            historyError = nil
        } catch {
            historyError = error
        }
    }

    /// The history, oldest first.
    public var historyEntries: [String] { history.entries }

    private var stdoutFile: UnsafeMutablePointer<FILE> { shim_stdout_file() }

    private static let markerByte = CChar(bitPattern: UInt8(PromptText.invisibleMarker.value))

    private func preparePrompt() {
        let marked = PromptText.markingEscapeSequences(in: promptProvider())
        let bytes = marked.utf8CString
        let storage = UnsafeMutableBufferPointer<CChar>.allocate(capacity: bytes.count)
        _ = storage.initialize(from: bytes)
        guard let start = storage.baseAddress else { return }  // never: capacity is at least 1
        promptStorage.deallocate()
        promptStorage = start
    }

    // MARK: Tab

    fileprivate func complete() -> UInt8 {
        guard let handler = completionHandler, let info = el_wline(editLine)?.pointee else {
            return UInt8(CC_REFRESH_BEEP)
        }
        let (line, cursorOffset) = Self.lineAndCursor(of: info)
        let scalars = line.unicodeScalars
        let cursor = scalars.index(scalars.startIndex, offsetBy: cursorOffset)
        guard let result = handler(CompletionRequest(line: line, cursor: cursor)),
            !result.candidates.isEmpty,
            let lower = Self.scalarOffset(of: result.replacing.lowerBound, in: line),
            let upper = Self.scalarOffset(of: result.replacing.upperBound, in: line)
        else {
            return UInt8(CC_REFRESH_BEEP)
        }
        let replaced = lower..<upper
        if result.candidates.count == 1 {
            let only = result.candidates[0]
            let inserted = only.text + only.terminator
            replace(replaced, cursorOffset: cursorOffset, with: inserted)
            let back = min(max(0, only.charactersAfterCursor), inserted.unicodeScalars.count)
            if back > 0 { _ = el_cursor(editLine, Int32(clamping: -back)) }
            return UInt8(CC_REFRESH)
        }
        let typed = String(line[result.replacing])
        let prefix = Self.commonPrefix(of: result.candidates.map(\.text))
        if prefix.count > typed.count, prefix.hasPrefix(typed) {
            replace(replaced, cursorOffset: cursorOffset, with: prefix)
        }
        listBelowLine(result.candidates)
        // Redraws prompt and line on the fresh line below the list.
        return UInt8(CC_REDISPLAY)
    }

    /// Replaces the scalars `range` of the line (libedit counts wide characters, which are
    /// Unicode scalars) and leaves the cursor after the new text.
    private func replace(_ range: Range<Int>, cursorOffset: Int, with text: String) {
        _ = el_cursor(editLine, Int32(clamping: range.upperBound - cursorOffset))
        if !range.isEmpty { el_deletestr(editLine, Int32(clamping: range.count)) }
        if !text.isEmpty { _ = el_insertstr(editLine, text) }
    }

    private func listBelowLine(_ candidates: [CompletionCandidate]) {
        let limit = max(1, configuration.maximumListedCandidates)
        let columns = Int(shim_el_columns(editLine))
        let lines = CandidateListLayout.lines(
            for: candidates.prefix(limit).map(\.display), width: columns > 0 ? columns : 80)
        var text = "\n" + lines.joined(separator: "\n") + "\n"
        if candidates.count > limit {
            text += "(\(candidates.count - limit) more not shown)\n"
        }
        let output = shim_el_output(editLine) ?? stdoutFile
        fputs(text, output)
        fflush(output)
    }

    // MARK: Ctrl-C

    /// Moves to the end, shows `^C`, and feeds a newline so that libedit finishes the line the
    /// normal way (cursor below the line); `readLine` then discards it and prompts again.
    fileprivate func interruptLine() -> UInt8 {
        lineWasInterrupted = true
        if let info = el_wline(editLine)?.pointee {
            _ = el_cursor(editLine, Int32(clamping: info.cursor.distance(to: info.lastchar)))
        }
        _ = el_insertstr(editLine, "^C")
        el_push(editLine, "\n")
        return UInt8(CC_REFRESH)
    }

    // MARK: Helpers

    private static func lineAndCursor(of info: LineInfoW) -> (String, Int) {
        var scalars = String.UnicodeScalarView()
        guard let start = info.buffer, let end = info.lastchar, let cursor = info.cursor else {
            return ("", 0)
        }
        var position = start
        while position < end {
            scalars.append(Unicode.Scalar(UInt32(bitPattern: Int32(position.pointee))) ?? "\u{FFFD}")
            position += 1
        }
        return (String(scalars), start.distance(to: cursor))
    }

    /// The position of `index` in Unicode scalars, or nil when it is not a scalar boundary of
    /// `line` (an index of another string, say).
    private static func scalarOffset(of index: String.Index, in line: String) -> Int? {
        guard index >= line.startIndex, index <= line.endIndex,
            let aligned = index.samePosition(in: line.unicodeScalars)
        else { return nil }
        return line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: aligned)
    }

    static func commonPrefix(of texts: [String]) -> String {
        guard let first = texts.first else { return "" }
        var prefix = Substring(first)
        for text in texts.dropFirst() {
            var end = prefix.startIndex
            var other = text.startIndex
            while end < prefix.endIndex, other < text.endIndex, prefix[end] == text[other] {
                end = prefix.index(after: end)
                other = text.index(after: other)
            }
            prefix = prefix[..<end]
        }
        return String(prefix)
    }
}

// libedit calls these C function pointers; each finds its editor through EL_CLIENTDATA.

private func editor(of editLine: OpaquePointer?) -> LineEditor? {
    guard let editLine, let data = shim_el_get_clientdata(editLine) else { return nil }
    return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
}

private func lineEditorPrompt(_ editLine: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
    editor(of: editLine)?.promptStorage
}

private func lineEditorComplete(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
    editor(of: editLine)?.complete() ?? UInt8(CC_ERROR)
}

private func lineEditorInterrupt(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
    editor(of: editLine)?.interruptLine() ?? UInt8(CC_ERROR)
}
