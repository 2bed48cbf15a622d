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
    /// The host memory that the values lifted out of the guest in one call may take (an export's
    /// result, a host call's arguments): strings count their bytes, every value its in-memory
    /// size, so a list of a million strings that all point at one buffer counts a million times.
    public var liftBytesPerCall: Int
    /// The most resource handles the component and the host may hold for it at once.
    public var liveHandles: Int

    public init(
        memoryBytes: Int = 256 << 20, tableElements: Int = 1 << 20, fuelPerCall: UInt64? = nil,
        callSeconds: Double? = 600, liftBytesPerCall: Int = 64 << 20, liveHandles: Int = 100_000
    ) {
        self.memoryBytes = memoryBytes
        self.tableElements = tableElements
        self.fuelPerCall = fuelPerCall
        self.callSeconds = callSeconds
        self.liftBytesPerCall = liftBytesPerCall
        self.liveHandles = liveHandles
    }

    public static let `default` = ComponentLimits()
}
