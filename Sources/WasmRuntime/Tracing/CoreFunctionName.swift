/// A wasm function of a component, as the function stepper names it: by the name its core
/// module's `name` section gives it, else by core module and function index.
public struct CoreFunctionName: Hashable, Sendable, CustomStringConvertible {
    /// The core module's number in the component, in instantiation order, from 0.
    public let module: Int
    /// The function's index in that module (imported functions counted first).
    public let index: Int
    public let name: String?

    public init(module: Int, index: Int, name: String?) {
        self.module = module
        self.index = index
        self.name = name
    }

    /// A function of a core module wasmsh could not instrument: it runs, but cannot be named.
    public static let unknown = CoreFunctionName(module: -1, index: -1, name: nil)

    public var isKnown: Bool { module >= 0 }

    /// `malicious_run`, or `module 1 function 4` when unnamed.
    public var description: String {
        if let name { return name }
        return isKnown ? "module \(module) function \(index)" : "a function of an uninstrumented module"
    }

    /// `malicious_run (module 0 function 3)`: the name with where it is.
    public var detailedDescription: String {
        guard isKnown else { return description }
        return name.map { "\($0) (module \(module) function \(index))" } ?? description
    }
}
