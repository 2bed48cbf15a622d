import CNcurses

extension FullScreen {
    /// Runs `body` (work that may take long, such as a guest call) with Ctrl-C raising SIGINT
    /// again instead of arriving as a key, so that the program's interrupt handling can stop
    /// it; the view's raw mode is back when `body` returns or throws.
    public func allowingInterruptSignal<Result, Failure: Error>(
        _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        cbreak()  // like raw mode, but the terminal turns Ctrl-C into SIGINT
        defer { raw() }
        return try body()
    }

    /// Inside `allowingInterruptSignal`, runs `body` (a pause of that work that waits for keys)
    /// with Ctrl-C a key again; Ctrl-C raises SIGINT again when `body` returns or throws.
    public func takingInterruptAsKey<Result, Failure: Error>(
        _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        raw()
        defer { cbreak() }
        return try body()
    }
}
