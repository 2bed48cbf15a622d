/// Whatever ended a call while the guest's frames were on the stack (a trap, a failed host call,
/// an abort): the instance is left mid-call and cannot be entered again. `LoadedComponent`
/// unwraps it, poisons the instance and rethrows what it carries.
struct GuestCallFailed: Error {
    let underlying: any Error
    init(_ underlying: any Error) { self.underlying = (underlying as? GuestCallFailed)?.underlying ?? underlying }
}
