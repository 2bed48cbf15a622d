/// A key read in a full-screen view (the terminal is in raw mode, so Ctrl-C is a key too).
public enum FullScreenKey: Equatable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, other than those with their own case: `.control("a")` for Ctrl-A.
    case control(Character)
    case interrupt  // Ctrl-C
    case endOfInput  // Ctrl-D, or the terminal closed
    case enter, tab, escape, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1 is `.function(1)`.
    case function(Int)
    /// The terminal changed size; `FullScreen.size` already has the new size: redraw.
    case resize
    /// `readKey(timeout:)` timed out.
    case timeout
    /// A key code with no case here (ncurses' `KEY_*` value).
    case other(Int32)
}
