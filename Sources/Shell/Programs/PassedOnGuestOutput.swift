import Capabilities

/// A guest's standard output and error passed on as they are, to wasmsh's own (`wasmsh run`,
/// `wasmsh invoke`: whoever runs a program decides where its output goes, as with `wasmtime run`).
final class PassedOnGuestOutput: GuestOutput {
    private let output: any ShellOutput

    init(_ output: any ShellOutput) {
        self.output = output
    }

    func write(_ bytes: [UInt8], to stream: GuestStream) {
        output.write(bytes: bytes, toError: stream == .stderr)
    }

    func flush() {}
}
