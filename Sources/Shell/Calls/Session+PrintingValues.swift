import WasmComponent

extension Session {
    /// Prints `leading`, a value's whole WAVE text, then `trailing`, the text written out as it
    /// is made. Ctrl-C (an interrupt of the session's guests, as during a call) stops it between
    /// two pieces, saying so.
    func printWhole(
        _ value: ComponentValue, as type: ValueType, binding: String, leading: String = "", trailing: String = ""
    ) {
        // A short text is written at once; only a long one is streamed, stoppable by Ctrl-C.
        let short = WAVEFormatter.prefix(of: value, as: type, limit: Self.shortResultBytes)
        if short.isComplete {
            output.write(leading + short.text + trailing + "\n")
            return
        }
        let stop = StreamedWAVEOutput.Stop()
        let key = environment.interrupts.register { stop.request() }
        defer { environment.interrupts.unregister(key) }
        var out = StreamedWAVEOutput(stop: stop) { [output] in output.write($0) }
        out.waveWrite(leading)
        WAVEFormatter.write(value, as: type, to: &out)
        out.flush()
        guard stop.isRequested else {
            output.write(trailing + "\n")
            return
        }
        output.write("…\n")
        print(style(.dim, "(printing stopped by Ctrl-C; 'show $\(binding)' prints it again)"))
    }

    /// The most of a result's text written without streaming it (formatted in microseconds).
    static let shortResultBytes = 4096

    /// A bound value as `let` and `vars` show it: whole where the output is no terminal; on a
    /// terminal its first `terminalResultBytes`, saying how to see the rest.
    func printBinding(_ name: String, _ value: ComponentValue, as type: ValueType, trailing: String = "") {
        let leading = "$\(name): \(WITPrinter.typeName(type)) = "
        guard settings.outputIsTerminal else {
            printWhole(value, as: type, binding: name, leading: leading, trailing: trailing)
            return
        }
        printCut(value, as: type, leading: leading, trailing: trailing, seeing: "'show $\(name)' prints it whole")
    }

    /// On a terminal: `leading`, the first `terminalResultBytes` of a value's WAVE text, then
    /// `trailing`; when that is not all, its whole length and `seeing` (how to see the rest).
    func printCut(_ value: ComponentValue, as type: ValueType, leading: String, trailing: String, seeing: String) {
        let prefix = WAVEFormatter.prefix(of: value, as: type, limit: Self.terminalResultBytes, measuring: true)
        print(leading + prefix.text + (prefix.isComplete ? "" : "…") + trailing)
        if !prefix.isComplete, let total = prefix.totalBytes {
            print(style(.dim, "(\(total) bytes of WAVE in all; \(seeing))"))
        }
    }
}
