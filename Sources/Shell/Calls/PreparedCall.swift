import WasmComponent
import WasmRuntime

/// A call ready to run: the component, the export and arguments checked against its WIT type.
struct PreparedCall {
    let component: SessionComponent
    let export: ExportedFunction
    let arguments: [ComponentValue]
}
