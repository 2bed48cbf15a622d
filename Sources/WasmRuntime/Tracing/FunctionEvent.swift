/// A wasm function entry or exit during a stepped call, or a probe reached (a statement of a
/// module with DWARF, an instruction of one without). Depth 1 is the outermost wasm frame.
public enum FunctionEvent: Sendable, Equatable {
    case entering(CoreFunctionName, depth: Int)
    case leaving(CoreFunctionName, depth: Int)
    /// A probe fired, before the instruction at `stop.offset`; only while its module is armed.
    case reached(ProbeStop, depth: Int)

    public var function: CoreFunctionName {
        switch self {
        case .entering(let function, _), .leaving(let function, _): function
        case .reached(let stop, _): stop.function
        }
    }

    public var depth: Int {
        switch self {
        case .entering(_, let depth), .leaving(_, let depth), .reached(_, let depth): depth
        }
    }
}
