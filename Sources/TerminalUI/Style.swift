/// Wraps text in the terminal's escape sequences for a role; does nothing when colours are off.
public struct Style: Sendable {
    /// What a piece of text means; the terminal decides how it looks.
    public enum Role: Int, CaseIterable, Sendable {
        /// A capability check that passed (green).
        case allowed
        /// A capability check that refused (red).
        case denied
        /// An error message (bold red).
        case error
        /// A decision made by someone other than the policy: the user once, or watch mode (yellow).
        case caution
        /// Secondary text, such as timings (dim).
        case dim
        /// Emphasis (bold).
        case bold
        /// The selected item of a list in a full-screen view (reverse video); line output
        /// leaves it plain.
        case selected
    }

    /// No escapes at all: for NO_COLOR, dumb terminals, pipes and files.
    public static let plain = Style(starts: [], reset: "")

    /// The ECMA-48 (ANSI) sequences that every colour terminal understands, whatever its terminfo
    /// entry says: a fixed reference for tests.
    public static let ansi: Style = {
        var starts = [String](repeating: "", count: Role.allCases.count)
        starts[Role.allowed.rawValue] = "\u{1B}[32m"
        starts[Role.denied.rawValue] = "\u{1B}[31m"
        starts[Role.error.rawValue] = "\u{1B}[1m\u{1B}[31m"
        starts[Role.caution.rawValue] = "\u{1B}[33m"
        starts[Role.dim.rawValue] = "\u{1B}[2m"
        starts[Role.bold.rawValue] = "\u{1B}[1m"
        return Style(starts: starts, reset: "\u{1B}[0m")
    }()

    /// Start sequence per role (by raw value); empty when the terminal cannot show the role.
    private let starts: [String]
    private let reset: String

    init(starts: [String], reset: String) {
        self.starts = starts
        self.reset = reset
    }

    /// Whether any role produces escape sequences.
    public var isEnabled: Bool { starts.contains { !$0.isEmpty } }

    /// `text` between the role's start sequence and the terminal's reset.
    public func apply(_ role: Role, to text: String) -> String {
        guard role.rawValue < starts.count, !starts[role.rawValue].isEmpty else { return text }
        return starts[role.rawValue] + text + reset
    }

    /// Same as `apply(_:to:)`: `style(.denied, "DENIED")`.
    public func callAsFunction(_ role: Role, _ text: String) -> String {
        apply(role, to: text)
    }

    /// The style a terminfo entry supports: colours only with `setaf`, eight colours or more and
    /// a reset (`sgr0`); bold and dim whenever the entry has them.
    static func from(_ entry: TerminfoEntry, colors: Bool) -> Style {
        guard let reset = entry.reset, !reset.isEmpty else { return .plain }
        let useColour = colors && entry.colors >= 8 && entry.foreground.count >= 8
        let green = useColour ? entry.foreground[2] : ""
        let red = useColour ? entry.foreground[1] : ""
        let yellow = useColour ? entry.foreground[3] : ""
        let bold = entry.bold ?? ""
        var starts = [String](repeating: "", count: Role.allCases.count)
        starts[Role.allowed.rawValue] = green
        starts[Role.denied.rawValue] = red
        starts[Role.error.rawValue] = red.isEmpty ? bold : bold + red
        starts[Role.caution.rawValue] = yellow
        starts[Role.dim.rawValue] = entry.dim ?? ""
        starts[Role.bold.rawValue] = bold
        return Style(starts: starts, reset: reset)
    }
}
