/// `wasi:io/error.error`: what went wrong with a stream operation, in words for a human.
final class WASIError: HostObject {
    let message: String
    /// The `error-code` case of the interface whose stream failed (a file's), if it had one.
    let code: String?
    var origin: String { "a failed stream operation" }

    init(message: String, code: String? = nil) {
        self.message = message
        self.code = code
    }
}
