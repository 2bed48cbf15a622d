/// Bounds for showing a value: how deep into structs, how many array elements, how much of a
/// string behind a `char *`.
public struct ValueRenderOptions: Sendable {
    /// Structs nested deeper than this show as `{...}`.
    public var maximumDepth: Int
    /// Arrays show this many elements, then `... (N more)`.
    public var maximumElements: Int
    /// A `char *` shows at most this many bytes of the string it points to.
    public var maximumStringBytes: Int
    /// Every value shown counts one: a value larger than this is cut with `...`.
    public var maximumValues: Int

    public init(
        maximumDepth: Int = 4, maximumElements: Int = 16, maximumStringBytes: Int = 64, maximumValues: Int = 512
    ) {
        self.maximumDepth = maximumDepth
        self.maximumElements = maximumElements
        self.maximumStringBytes = maximumStringBytes
        self.maximumValues = maximumValues
    }
}
