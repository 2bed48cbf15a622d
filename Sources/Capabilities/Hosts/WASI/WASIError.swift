/// `wasi:io/error.error`: what went wrong with a stream operation, in words for a human.
final class WASIError: HostObject {
    let message: String
    var origin: String { "a failed stream operation" }

    init(message: String) { self.message = message }
}
