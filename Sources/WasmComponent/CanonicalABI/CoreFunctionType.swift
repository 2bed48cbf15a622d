/// A core WebAssembly function signature, as the canonical ABI derives it from a component
/// function type.
package struct CoreFunctionType: Hashable, Sendable, CustomStringConvertible {
    package var parameters: [CoreValueType]
    package var results: [CoreValueType]

    package init(parameters: [CoreValueType], results: [CoreValueType]) {
        self.parameters = parameters
        self.results = results
    }

    /// `(i32, i32) -> (i32)`
    package var description: String {
        let parameterList = parameters.map(\.description).joined(separator: ", ")
        let resultList = results.map(\.description).joined(separator: ", ")
        return "(\(parameterList)) -> (\(resultList))"
    }
}
