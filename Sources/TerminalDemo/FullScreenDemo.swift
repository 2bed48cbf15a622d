import TerminalUI

/// A full-screen view for the TerminalUI tests; afterwards reports the terminal modes, which
/// must be back to normal whichever way the view ended.
enum FullScreenDemo {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "thrown from the full-screen body" }
    }

    static func run() -> Int32 {
        var status: Int32 = 0
        do {
            try FullScreen.run { screen in
                // Each event gets a row of its own, so that it reaches the terminal as whole
                // text rather than as ncurses' update of the previous message.
                var events: [String] = []
                func draw(_ message: String) {
                    let (rows, columns) = screen.size
                    events.append(message)
                    screen.clear()
                    screen.draw("full screen \(columns)x\(rows)", row: 0, column: 0, role: .bold)
                    screen.draw("q quits, e throws", row: 1, column: 0, role: .dim)
                    for (offset, event) in events.suffix(max(rows - 2, 1)).enumerated() {
                        screen.draw(event, row: 2 + offset, column: 0, role: .allowed)
                    }
                    screen.refresh()
                }
                draw("ready")
                while true {
                    let key = screen.readKey(timeout: .seconds(20))
                    switch key {
                    case .character("q"), .timeout, .endOfInput:
                        return
                    case .character("e"):
                        throw Failure()
                    case .resize:
                        draw("resized")
                    default:
                        draw("key: \(key)")
                    }
                }
            }
        } catch {
            print("error: \(error)")
            status = 1
        }
        var settings = termios()
        tcgetattr(STDIN_FILENO, &settings)
        let canonical = settings.c_lflag & tcflag_t(ICANON) != 0
        let echo = settings.c_lflag & tcflag_t(ECHO) != 0
        print("left full screen: canonical=\(canonical) echo=\(echo)")
        return status
    }
}
