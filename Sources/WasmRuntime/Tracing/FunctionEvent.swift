/// A wasm function entry or exit during a stepped call. Depth 1 is the outermost wasm frame.
public enum FunctionEvent: Sendable, Equatable {
    case entering(CoreFunctionName, depth: Int)
    case leaving(CoreFunctionName, depth: Int)

    public var function: CoreFunctionName {
        switch self {
        case .entering(let function, _), .leaving(let function, _): function
        }
    }

    public var depth: Int {
        switch self {
        case .entering(_, let depth), .leaving(_, let depth): depth
        }
    }
}
