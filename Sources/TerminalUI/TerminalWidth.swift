/// How wide a terminal is now: line output wraps to it (it may change between two commands).
public enum TerminalWidth {
    /// The columns of the terminal on `descriptor`, or nil when it is no terminal or does not say.
    public static func columns(descriptor: Int32 = STDOUT_FILENO) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
