import Capabilities
import WasmRuntime

/// The bottom-line prompt for a call's arguments: `call malicious.skill.run(` ARGS `)`, or
/// `step ...(` for a call to run under the stepper.
struct InspectorArgumentPrompt: Sendable {
    var component: String
    var export: ExportedFunction
    var input: InspectorLineInput
    var isStepped = false

    /// The text before the editable arguments.
    var prefix: String { "\(isStepped ? "step" : "call") \(component).\(export.qualifiedName)(" }
    let suffix = ")"

    /// What `call` would be given: `malicious.skill.run()`.
    var callText: String { "\(component).\(export.qualifiedName)(\(input.string))" }
}
