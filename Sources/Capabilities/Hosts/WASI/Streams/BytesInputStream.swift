import WasmRuntime

/// An input stream over bytes already in memory: a guest's standard input from a file the user
/// named, or none at all (closed at once).
final class BytesInputStream: InputStreamObject {
    private let bytes: [UInt8]
    private var offset = 0
    let origin: String
    let authority: HostAuthority

    init(_ bytes: [UInt8], origin: String, authority: HostAuthority) {
        self.bytes = bytes
        self.origin = origin
        self.authority = authority
    }

    func read(_ maximum: Int) -> Result<[UInt8], StreamError> {
        guard offset < bytes.count else { return .failure(.closed) }
        let end = min(bytes.count, offset + max(0, maximum))
        defer { offset = end }
        return .success(Array(bytes[offset..<end]))
    }

    func blockingRead(_ maximum: Int, interruption: CallInterruption?) -> Result<[UInt8], StreamError> {
        read(maximum)
    }

    var readiness: PollReadiness { .ready }
}
