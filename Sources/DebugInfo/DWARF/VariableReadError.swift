/// Why a variable's value cannot be read at this point: optimized out, outside linear memory,
/// a local the frame does not have, an expression this reader does not evaluate, ...
public struct VariableReadError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
