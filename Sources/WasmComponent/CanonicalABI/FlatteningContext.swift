/// Which side of the canonical ABI a core function signature is computed for
/// (the spec's `context` argument of `flatten_functype`).
package enum FlatteningContext: Hashable, Sendable {
    /// `canon lift`: the core function implements a component export. Results that do not fit
    /// in one core value are returned as one `i32` pointer into guest memory.
    case lift
    /// `canon lower`: the core function is what the guest imports. Results that do not fit in one
    /// core value are written through a return pointer the guest passes as an extra last parameter.
    case lower
}
