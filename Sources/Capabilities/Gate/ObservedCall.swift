/// A host call seen in watch mode: what was asked, and what the policy would have said.
public struct ObservedCall: Sendable, Equatable {
    public var interface: String
    public var function: String
    public var request: ScopeRequest
    public var wouldAllow: Bool
}
