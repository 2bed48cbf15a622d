import CNcurses
import Synchronization

/// The few terminfo capabilities colour decisions need, read without starting a full screen.
struct TerminfoEntry: Sendable {
    /// `colors`: how many colours `setaf` takes; -1 when the terminal has none.
    var colors: Int
    /// `setaf` expanded for the eight standard colours (index = ANSI colour number).
    var foreground: [String]
    var reset: String?
    var bold: String?
    var dim: String?

    /// terminfo keeps its current terminal in a C global (`cur_term`), which libedit's
    /// `tgetent` also sets; every read goes through this lock and puts the old one back.
    private static let lock = Mutex<Void>(())

    /// Reads the entry for `term`, or says why it could not.
    static func read(term: String, descriptor: Int32) -> Result<TerminfoEntry, TerminfoLookupFailure> {
        lock.withLock { _ in
            let previous = shim_cur_term()
            var status: Int32 = 0
            guard setupterm(term, descriptor, &status) == OK else {
                let current = shim_cur_term()
                if let current, current != previous {
                    set_curterm(previous)
                    del_curterm(current)
                }
                return .failure(TerminfoLookupFailure(term: term, status: status))
            }
            let loaded = shim_cur_term()
            defer {
                // setupterm reuses the current entry when it already describes `term`.
                if let loaded, loaded != previous {
                    set_curterm(previous)
                    del_curterm(loaded)
                }
            }
            let setaf = string("setaf")
            let foreground: [String] =
                setaf.map { capability in
                    (0..<8).map { colour in
                        shim_tiparm1(capability, Int32(colour)).map { String(cString: $0) } ?? ""
                    }
                } ?? []
            return .success(
                TerminfoEntry(
                    colors: Int(tigetnum("colors")), foreground: foreground,
                    reset: string("sgr0"), bold: string("bold"), dim: string("dim")))
        }
    }

    private static func string(_ name: String) -> String? {
        guard let value = tigetstr(name), shim_is_capability_string(value) != 0 else { return nil }
        return String(cString: value)
    }
}

/// Why `setupterm` found no usable entry.
struct TerminfoLookupFailure: Error, Sendable, CustomStringConvertible {
    var term: String
    /// setupterm's status: 0 no entry for `term`, -1 no terminfo database.
    var status: Int32

    var description: String {
        status == -1
            ? "no terminfo database found"
            : "no terminfo entry for TERM '\(term)'"
    }
}
