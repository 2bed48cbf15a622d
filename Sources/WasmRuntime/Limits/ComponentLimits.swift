/// What one loaded component may use. Memory is always bounded; fuel only when asked for, as
/// metering slows every instruction down.
public struct ComponentLimits: Sendable, Equatable {
    /// The largest size, in bytes, that any one linear memory of the component may have: a
    /// memory declared larger fails the load, and `memory.grow` beyond it traps.
    public var memoryBytes: Int
    /// The largest number of elements any one table may have (a table is 8 bytes per element
    /// in the engine).
    public var tableElements: Int
    /// The fuel of one call (about one unit per executed instruction), or nil for no limit.
    public var fuelPerCall: UInt64?
    /// The longest one call may run (wall clock) before it is interrupted, or nil for no limit.
    public var callSeconds: Double?

    public init(
        memoryBytes: Int = 256 << 20, tableElements: Int = 1 << 20, fuelPerCall: UInt64? = nil,
        callSeconds: Double? = 600
    ) {
        self.memoryBytes = memoryBytes
        self.tableElements = tableElements
        self.fuelPerCall = fuelPerCall
        self.callSeconds = callSeconds
    }

    public static let `default` = ComponentLimits()
}
