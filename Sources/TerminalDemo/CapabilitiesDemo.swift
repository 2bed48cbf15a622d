import TerminalUI

/// Prints the colour decision so that tests can check it on a real terminal.
enum CapabilitiesDemo {
    static func run(noColor: Bool) -> Int32 {
        let capabilities = TerminalCapabilities.detect(noColorFlag: noColor)
        print(
            "color: \(capabilities.usesColor ? "on" : "off") count: \(capabilities.colorCount) reason: \(capabilities.colorDisabledReason ?? "-")"
        )
        print("sample: " + capabilities.style(.denied, "DENIED") + " " + capabilities.style(.allowed, "ALLOWED"))
        return 0
    }
}
