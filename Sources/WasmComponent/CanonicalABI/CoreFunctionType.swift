/// A core WebAssembly function signature, as the canonical ABI derives it from a component
/// function type.
public struct CoreFunctionType: Hashable, Sendable, CustomStringConvertible {
    public var parameters: [CoreValueType]
    public var results: [CoreValueType]

    public init(parameters: [CoreValueType], results: [CoreValueType]) {
        self.parameters = parameters
        self.results = results
    }

    /// `(i32, i32) -> (i32)`
    public var description: String {
        let parameterList = parameters.map(\.description).joined(separator: ", ")
        let resultList = results.map(\.description).joined(separator: ", ")
        return "(\(parameterList)) -> (\(resultList))"
    }
}
