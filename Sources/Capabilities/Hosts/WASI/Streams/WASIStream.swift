import WasmRuntime

/// Why a stream operation gives no bytes.
enum StreamError: Error, Equatable {
    /// The stream ended; nothing more will come (or go).
    case closed
    /// It failed; the message becomes an `error` resource.
    case failed(String)
    /// It failed with an `error-code` of the interface the stream came from (a file's), which
    /// that interface's `filesystem-error-code` hands back from the `error` resource.
    case failedWithCode(String, code: String)
}

/// A stream as the user knows it, for the audit's traffic summary: `stdout`, `stdin`,
/// `./data/a.txt`, `tcp 127.0.0.1:8080`.
protocol NamedStream: HostObject {
    var channel: String { get }
}

extension NamedStream {
    var channel: String { origin }
}

/// A `wasi:io/streams.input-stream` as a host object.
protocol InputStreamObject: NamedStream {
    /// Up to `maximum` bytes that are available now (none when none are), or why none will come.
    func read(_ maximum: Int) -> Result<[UInt8], StreamError>
    /// Up to `maximum` bytes, waiting for at least one (or the end); stops when `interruption` asks.
    func blockingRead(_ maximum: Int, interruption: CallInterruption?) throws -> Result<[UInt8], StreamError>
    /// When bytes (or the end) are there to read.
    var readiness: PollReadiness { get }
    /// What a call on this stream needs: a grant of what it came from.
    var authority: HostAuthority { get }
}

/// A `wasi:io/streams.output-stream` as a host object.
protocol OutputStreamObject: NamedStream {
    /// How many bytes `write` accepts now; 0 when it must wait.
    func checkWrite() -> Result<UInt64, StreamError>
    func write(_ bytes: [UInt8]) -> Result<Void, StreamError>
    /// Begins pushing out what was written; `blockingFlush` waits until it is out.
    func flush() -> Result<Void, StreamError>
    func blockingFlush(interruption: CallInterruption?) throws -> Result<Void, StreamError>
    /// When `checkWrite` will be positive again.
    var readiness: PollReadiness { get }
    /// What a write needs: a grant of what the stream came from.
    var authority: HostAuthority { get }
    /// What a refused write gives the guest: `ok` when the bytes are dropped quietly (standard
    /// output without a grant), else nil (the write fails).
    var droppedWhenRefused: Bool { get }
}
