import Capabilities
import WasmComponent
import WasmRuntime

/// One line of the exports pane: an exported function and its WIT signature.
struct InspectorExportRow: Sendable {
    var export: ExportedFunction
    /// `skill.run: func() -> string`
    var text: String

    init(_ export: ExportedFunction) {
        self.export = export
        text = "\(export.qualifiedName): \(WITPrinter.signature(of: export.type))"
    }

    /// The arguments the prompt starts with: one WAVE placeholder per parameter.
    var placeholderArguments: String {
        export.type.parameters.map { WAVEPlaceholder.text(for: $0.type) }.joined(separator: ", ")
    }
}
