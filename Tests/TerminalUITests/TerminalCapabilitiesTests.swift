import Testing

@testable import TerminalUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The colour decision in-process, with a pseudo-terminal (or a pipe) as the output.
@Suite("Terminal capabilities")
struct TerminalCapabilitiesTests {
    /// Runs `body` with the follower side of a fresh pseudo-terminal.
    private func withTerminal(_ body: (Int32) throws -> Void) throws {
        var leader: Int32 = -1
        var follower: Int32 = -1
        guard openpty(&leader, &follower, nil, nil, nil) == 0 else {
            Issue.record("openpty failed: \(String(cString: strerror(errno)))")
            return
        }
        defer {
            close(leader)
            close(follower)
        }
        try body(follower)
    }

    @Test("xterm-256color on a terminal: colours on, escapes from terminfo")
    func coloursOn() throws {
        try withTerminal { terminal in
            let capabilities = TerminalCapabilities.detect(
                outputDescriptor: terminal, environment: ["TERM": "xterm-256color"])
            #expect(capabilities.usesColor)
            #expect(capabilities.colorCount == 256)
            #expect(capabilities.colorDisabledReason == nil)
            let style = capabilities.style
            #expect(style(.denied, "DENIED") == "\u{1B}[31mDENIED\u{1B}(B\u{1B}[m")
            #expect(style.apply(.allowed, to: "ALLOWED") == "\u{1B}[32mALLOWED\u{1B}(B\u{1B}[m")
            #expect(style(.error, "bad") == "\u{1B}[1m\u{1B}[31mbad\u{1B}(B\u{1B}[m")
            #expect(style(.dim, "0.2 ms") == "\u{1B}[2m0.2 ms\u{1B}(B\u{1B}[m")
            #expect(style(.bold, "b") == "\u{1B}[1mb\u{1B}(B\u{1B}[m")
        }
    }

    @Test("NO_COLOR with any non-empty value turns colours off")
    func noColor() throws {
        try withTerminal { terminal in
            for value in ["1", "0", "yes"] {
                let capabilities = TerminalCapabilities.detect(
                    outputDescriptor: terminal, environment: ["TERM": "xterm-256color", "NO_COLOR": value])
                #expect(!capabilities.usesColor)
                #expect(capabilities.colorDisabledReason == "NO_COLOR is set")
                #expect(capabilities.style(.denied, "DENIED") == "DENIED")
            }
        }
    }

    @Test("an empty NO_COLOR is ignored, as no-color.org specifies")
    func emptyNoColor() throws {
        try withTerminal { terminal in
            let capabilities = TerminalCapabilities.detect(
                outputDescriptor: terminal, environment: ["TERM": "xterm-256color", "NO_COLOR": ""])
            #expect(capabilities.usesColor)
        }
    }

    @Test("TERM dumb, unset, or unknown turns colours off with a reason")
    func terminalTypes() throws {
        try withTerminal { terminal in
            let dumb = TerminalCapabilities.detect(outputDescriptor: terminal, environment: ["TERM": "dumb"])
            #expect(!dumb.usesColor)
            #expect(dumb.colorDisabledReason == "TERM is dumb")
            let unset = TerminalCapabilities.detect(outputDescriptor: terminal, environment: [:])
            #expect(unset.colorDisabledReason == "TERM is not set")
            let unknown = TerminalCapabilities.detect(
                outputDescriptor: terminal, environment: ["TERM": "no-such-terminal-type"])
            #expect(!unknown.usesColor)
            #expect(unknown.colorDisabledReason == "no terminfo entry for TERM 'no-such-terminal-type'")
            let monochrome = TerminalCapabilities.detect(outputDescriptor: terminal, environment: ["TERM": "vt100"])
            #expect(!monochrome.usesColor)
            #expect(monochrome.colorDisabledReason == "terminal 'vt100' has no colours")
        }
    }

    @Test("output that is not a terminal gets no colours")
    func notATerminal() throws {
        var ends: [Int32] = [-1, -1]
        #expect(pipe(&ends) == 0)
        defer {
            close(ends[0])
            close(ends[1])
        }
        let capabilities = TerminalCapabilities.detect(
            outputDescriptor: ends[1], environment: ["TERM": "xterm-256color"])
        #expect(!capabilities.usesColor)
        #expect(capabilities.colorDisabledReason == "output is not a terminal")
        #expect(capabilities.style(.error, "e") == "e")
    }

    @Test("--no-color wins over everything")
    func flag() throws {
        try withTerminal { terminal in
            let capabilities = TerminalCapabilities.detect(
                noColorFlag: true, outputDescriptor: terminal, environment: ["TERM": "xterm-256color"])
            #expect(!capabilities.usesColor)
            #expect(capabilities.colorDisabledReason == "--no-color was given")
        }
    }

    @Test("the plain style leaves text alone")
    func plain() {
        #expect(!Style.plain.isEnabled)
        for role in Style.Role.allCases { #expect(Style.plain(role, "text") == "text") }
    }
}
