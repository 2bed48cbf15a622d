import WasmRuntime

/// The text after `Error:` for any error a command ends with: the error's own message, and
/// where the shell knows a way on, the command that takes it.
enum ErrorMessage {
    static func text(for error: any Error) -> String {
        switch error {
        case let unusable as InstanceUnusable:
            return "\(unusable); 'reload \(unusable.component)' to start afresh"
        case let exited as ComponentExited:
            return "\(exited); \(exited.hint)"
        case let lookup as ExportLookupError where lookup.listsOnlyACount && lookup.component != nil:
            return "\(lookup); 'exports \(lookup.component ?? "")' lists them"
        default:
            return "\(error)"
        }
    }
}
