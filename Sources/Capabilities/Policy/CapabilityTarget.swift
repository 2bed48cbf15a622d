/// What a user's capability text (`filesystem`, `sandbox:skill/filesystem@0.1.0.read-file`) names once
/// resolved against a component's imports: one imported interface, and optionally one function of it.
public struct CapabilityTarget: Hashable, Sendable {
    /// The interface's full name exactly as the component imports it.
    public let interface: String
    /// One function of the interface, or nil for all of them.
    public let function: String?

    public init(interface: String, function: String?) {
        self.interface = interface
        self.function = function
    }
}
