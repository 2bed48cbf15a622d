import WasmComponent

/// Who is calling a host function.
public struct HostCallContext: Sendable {
    public var component: String
    /// The imported interface's full name (`sandbox:skill/filesystem`, possibly `@version`).
    public var interface: String
    public var function: String
    public var type: WasmComponent.FunctionType
}
