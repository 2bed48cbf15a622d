import DebugInfo

/// One wasm frame of a stepped call, as the tracer follows it.
public struct WasmFrame: Sendable, Equatable {
    public let function: CoreFunctionName
    /// Counts frames entered during the call, from 1: a frame entered later has a larger number.
    public let serial: Int
    /// Where the frame is: for the innermost, its current statement (or last instruction probed);
    /// for the others, the statement that made the call below. Nil when no probe told.
    public let position: CodeOffset?
}
