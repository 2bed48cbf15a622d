/// A benchmark that cannot run as set up (a missing fixture, an unexpected result): the harness
/// prints it and exits non-zero, as this is a real failure and not a slow timing.
struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
