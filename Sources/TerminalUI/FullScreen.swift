import CNcurses
import Synchronization

/// A full-screen ncurses view, open only for the duration of `run`.
///
/// Terminal restoration: `run` ends curses (`endwin`, which puts back the terminal modes saved
/// at start, the cursor and the main screen) on every way out of the body: return, thrown
/// error, and Ctrl-C, which raw mode turns into `.interrupt` instead of a signal. SIGTERM and
/// SIGHUP are covered by ncurses' own handlers (installed when the disposition is the default),
/// which restore the terminal before exiting. SIGWINCH is handled by ncurses too: `readKey`
/// returns `.resize` with `size` already updated.
///
/// Not thread-safe: create, draw and read from the thread that called `run`.
public final class FullScreen {
    private let window: UnsafeMutablePointer<WINDOW>
    private let hasColors: Bool

    private static let isActive = Atomic<Bool>(false)

    private init(window: UnsafeMutablePointer<WINDOW>, hasColors: Bool) {
        self.window = window
        self.hasColors = hasColors
    }

    /// Opens the full screen on standard input and output, runs `body`, and restores the
    /// terminal whatever happens. Throws `FullScreenError` when the terminal cannot do it.
    /// - Parameter environment: the variables to consult (TERM); nil reads the process
    ///   environment.
    /// - Parameter outputDescriptor: where the screen is drawn: standard output, or a
    ///   duplicate of it when the caller points standard output elsewhere meanwhile (so that
    ///   stray prints cannot scribble over the screen).
    public static func run<Result>(
        environment: [String: String]? = nil,
        outputDescriptor: Int32 = STDOUT_FILENO,
        _ body: (FullScreen) throws -> Result
    ) throws -> Result {
        let term = environment.map { $0["TERM"] } ?? getenv("TERM").map { String(cString: $0) }
        try checkTerminal(
            inputIsTerminal: isatty(STDIN_FILENO) == 1, outputIsTerminal: isatty(outputDescriptor) == 1,
            term: term)
        guard let term else { throw FullScreenError.unsupportedTerminal("TERM is not set") }
        // Looked up first because newterm prints to stderr when the entry is missing.
        if case .failure(let failure) = TerminfoEntry.read(term: term, descriptor: outputDescriptor) {
            throw FullScreenError.unsupportedTerminal(failure.description)
        }
        guard isActive.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { throw FullScreenError.alreadyActive }
        defer { isActive.store(false, ordering: .releasing) }

        adoptUTF8Locale()
        guard let outputFile = outputFile(for: outputDescriptor) else {
            throw FullScreenError.notATerminal("descriptor \(outputDescriptor)")
        }
        defer { if outputDescriptor != STDOUT_FILENO { fclose(outputFile) } }
        guard let screen = newterm(term, outputFile, shim_stdin_file()) else {
            throw FullScreenError.unsupportedTerminal("ncurses could not start on TERM '\(term)'")
        }
        let previousScreen = set_term(screen)
        defer {
            endwin()
            set_term(previousScreen)
            delscreen(screen)
            fflush(outputFile)
        }
        guard let window = shim_stdscr() else {
            throw FullScreenError.unsupportedTerminal("ncurses has no standard screen")
        }
        raw()
        noecho()
        keypad(window, true)
        set_escdelay(25)  // Esc alone is a key; wait only briefly for an escape sequence
        curs_set(0)
        let hasColors = has_colors()
        if hasColors {
            start_color()
            use_default_colors()
            init_pair(ColorPair.green, Int16(COLOR_GREEN), -1)
            init_pair(ColorPair.red, Int16(COLOR_RED), -1)
            init_pair(ColorPair.yellow, Int16(COLOR_YELLOW), -1)
        }
        return try body(FullScreen(window: window, hasColors: hasColors))
    }

    /// A stdio stream on `descriptor` for ncurses to write to: `stdout` itself, or one on a
    /// duplicate of `descriptor` (closed with the stream).
    private static func outputFile(for descriptor: Int32) -> UnsafeMutablePointer<FILE>? {
        if descriptor == STDOUT_FILENO { return shim_stdout_file() }
        let duplicate = dup(descriptor)
        guard duplicate >= 0 else { return nil }
        guard let file = fdopen(duplicate, "w") else {
            close(duplicate)
            return nil
        }
        return file
    }

    /// The checks `run` makes before touching the terminal.
    static func checkTerminal(inputIsTerminal: Bool, outputIsTerminal: Bool, term: String?) throws(FullScreenError) {
        guard inputIsTerminal else { throw .notATerminal("standard input") }
        guard outputIsTerminal else { throw .notATerminal("standard output") }
        guard let term, !term.isEmpty else { throw .unsupportedTerminal("TERM is not set") }
        guard term != "dumb" else { throw .unsupportedTerminal("TERM is 'dumb'") }
    }

    /// Rows and columns of the terminal, updated on resize.
    public var size: (rows: Int, columns: Int) {
        (Int(shim_lines()), Int(shim_cols()))
    }

    /// Blanks the whole screen (shown at the next `refresh`).
    public func clear() {
        werase(window)
    }

    /// Writes `text` at a position, cut at the right edge, in the look of `role`.
    public func draw(_ text: String, row: Int, column: Int, role: Style.Role? = nil) {
        let (rows, columns) = size
        guard row >= 0, row < rows, column >= 0, column < columns else { return }
        let visible = Self.prefix(of: text, fittingIn: columns - column)
        let attributes = role.map(attributes(for:)) ?? shim_attr_normal()
        wattrset(window, Int32(bitPattern: attributes))
        mvwaddstr(window, Int32(row), Int32(column), visible)
        wattrset(window, Int32(bitPattern: shim_attr_normal()))
    }

    /// Makes the next `refresh` repaint the whole terminal, not only what changed: Ctrl-L, for a
    /// screen something else wrote over.
    public func repaintAll() {
        clearok(window, true)
    }

    /// Shows what was drawn since the last refresh.
    public func refresh() {
        wrefresh(window)
    }

    /// Waits for a key; nil `timeout` waits for ever.
    ///
    /// ncurses notices a resize only when a read begins or is interrupted, so a SIGWINCH that
    /// lands just before it blocks would go unseen until the next key. Hence the wait here is
    /// our own `poll` in short slices, each followed by a non-blocking ncurses read that picks
    /// up a pending resize (or a key). A hang-up of the terminal ends input.
    public func readKey(timeout: Duration? = nil) -> FullScreenKey {
        let deadline = timeout.map { ContinuousClock.now + $0 }
        wtimeout(window, 0)
        while true {
            var value: wint_t = 0
            switch wget_wch(window, &value) {
            case OK:
                return Self.key(forCharacter: UInt32(value))
            case KEY_CODE_YES:
                let code = Int32(bitPattern: UInt32(value))
                // After a resize the terminal's contents are unknown (many terminals reflow
                // them): repaint everything at the next refresh rather than only what changed.
                if code == KEY_RESIZE { clearok(window, true) }
                return Self.key(forCode: code)
            default:
                break
            }
            var wait = Self.resizeCheckInterval
            if let deadline {
                let remaining = deadline - ContinuousClock.now
                if remaining <= .zero { return .timeout }
                wait = min(wait, remaining)
            }
            let (seconds, attoseconds) = wait.components
            let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            if poll(&input, 1, milliseconds) > 0, input.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                return .endOfInput
            }
        }
    }

    private static let resizeCheckInterval = Duration.milliseconds(100)

    private static func key(forCharacter value: UInt32) -> FullScreenKey {
        switch value {
        case 3: return .interrupt
        case 4: return .endOfInput
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        default:
            guard let scalar = Unicode.Scalar(value) else { return .other(Int32(bitPattern: value)) }
            return .character(Character(scalar))
        }
    }

    private static func key(forCode code: Int32) -> FullScreenKey {
        switch code {
        case KEY_RESIZE: return .resize
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return .other(code)
        }
    }

    private func attributes(for role: Style.Role) -> attr_t {
        switch role {
        case .allowed: return hasColors ? shim_color_pair(ColorPair.green) : shim_attr_normal()
        case .denied: return hasColors ? shim_color_pair(ColorPair.red) : shim_attr_bold()
        case .error: return hasColors ? shim_color_pair(ColorPair.red) | shim_attr_bold() : shim_attr_bold()
        case .caution: return hasColors ? shim_color_pair(ColorPair.yellow) : shim_attr_normal()
        case .dim: return shim_attr_dim()
        case .bold: return shim_attr_bold()
        case .selected: return shim_attr_reverse()
        }
    }

    /// The longest prefix of `text` that fits in `width` columns.
    public static func prefix(of text: String, fittingIn width: Int) -> String {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let columns = text[index].unicodeScalars.reduce(0) { total, scalar in
                let width = wcwidth(wchar_t(bitPattern: scalar.value))
                return total + (width < 0 ? 1 : Int(width))
            }
            if used + columns > width { break }
            used += columns
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    /// ncursesw measures and draws multibyte text by the C library's LC_CTYPE.
    private static func adoptUTF8Locale() {
        func isUTF8() -> Bool {
            guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
            let name = String(cString: codeset).lowercased()
            return name == "utf-8" || name == "utf8"
        }
        if isUTF8() { return }
        _ = setlocale(LC_CTYPE, "")
        if !isUTF8() { _ = setlocale(LC_CTYPE, "C.UTF-8") }
    }

    private enum ColorPair {
        static let green: Int16 = 1
        static let red: Int16 = 2
        static let yellow: Int16 = 3
    }
}
