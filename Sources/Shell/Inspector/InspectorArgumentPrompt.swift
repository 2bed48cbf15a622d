import Sandbox

/// The bottom-line prompt for a call's arguments: `call malicious.skill.run(` ARGS `)`.
struct InspectorArgumentPrompt: Sendable {
    var component: String
    var export: ExportedFunction
    var input: InspectorLineInput

    /// The text before the editable arguments.
    var prefix: String { "call \(component).\(export.qualifiedName)(" }
    let suffix = ")"

    /// What `call` would be given: `malicious.skill.run()`.
    var callText: String { "\(component).\(export.qualifiedName)(\(input.string))" }
}
