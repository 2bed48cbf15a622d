/// Why an instance's interrupt flag could not be found.
package enum InterruptFlagError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The instance at `instance` (position in the list given) exports nothing under `name`: its
    /// module was not instrumented.
    case missingExport(name: String, instance: Int)
    /// The export exists but is not a mutable i32 global.
    case notAMutableI32(name: String, instance: Int)

    package var description: String {
        switch self {
        case .missingExport(let name, let instance):
            "core instance \(instance) has no interrupt flag export '\(name)' (its module was not instrumented)"
        case .notAMutableI32(let name, let instance):
            "core instance \(instance) exports '\(name)', but not as a mutable i32 global"
        }
    }
}
