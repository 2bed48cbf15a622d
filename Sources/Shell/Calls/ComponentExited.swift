/// A component's guest called WASI's `exit`: the call ended there with `status`, and the
/// instance, left mid-call, must be reloaded before it runs again.
struct ComponentExited: Error, CustomStringConvertible {
    let component: String
    let status: Int32

    var description: String { "\(component) exited with status \(status)" }

    /// What to do next, said after the message.
    var hint: String { "'reload \(component)' to run it again" }
}
