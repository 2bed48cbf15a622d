/// Whether, and how, output may be styled: decided once at start from the environment, the
/// output descriptor and terminfo.
public struct TerminalCapabilities: Sendable {
    /// Whether the file descriptor is a terminal.
    public static func isTerminal(descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    /// True when styles produce escape sequences.
    public let usesColor: Bool
    /// terminfo's `colors` (0 when styling is off).
    public let colorCount: Int
    /// Why styling is off, for `--verbose` style diagnostics; nil when it is on.
    public let colorDisabledReason: String?
    /// The styles to use: `Style.plain` when styling is off.
    public let style: Style

    /// Decides colour use. Off when `noColorFlag` is set (`--no-color`), `NO_COLOR` is set to
    /// a non-empty value (no-color.org), `TERM` is unset, empty or `dumb`, the output is not a
    /// terminal, or terminfo has no entry or no colours; otherwise styles come from terminfo's
    /// `setaf`, `bold`, `dim` and `sgr0`.
    /// - Parameter environment: the variables to consult; nil reads the process environment.
    public static func detect(
        noColorFlag: Bool = false,
        outputDescriptor: Int32 = STDOUT_FILENO,
        environment: [String: String]? = nil
    ) -> TerminalCapabilities {
        func variable(_ name: String) -> String? {
            if let environment { return environment[name] }
            return getenv(name).map { String(cString: $0) }
        }
        if noColorFlag { return .off("--no-color was given") }
        if let noColor = variable("NO_COLOR"), !noColor.isEmpty { return .off("NO_COLOR is set") }
        guard let term = variable("TERM"), !term.isEmpty else { return .off("TERM is not set") }
        if term == "dumb" { return .off("TERM is dumb") }
        guard isatty(outputDescriptor) == 1 else { return .off("output is not a terminal") }
        switch TerminfoEntry.read(term: term, descriptor: outputDescriptor) {
        case .failure(let failure):
            return .off(failure.description)
        case .success(let entry):
            let style = Style.from(entry, colors: true)
            guard entry.colors >= 8, style.isEnabled else {
                return .off("terminal '\(term)' has no colours")
            }
            return TerminalCapabilities(
                usesColor: true, colorCount: entry.colors, colorDisabledReason: nil, style: style)
        }
    }

    private static func off(_ reason: String) -> TerminalCapabilities {
        TerminalCapabilities(usesColor: false, colorCount: 0, colorDisabledReason: reason, style: .plain)
    }
}
