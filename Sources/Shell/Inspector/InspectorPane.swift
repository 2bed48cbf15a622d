/// The five panes of the inspector, in Tab order.
enum InspectorPane: Int, CaseIterable, Sendable {
    case components
    case imports
    case exports
    case audit
    /// What guests wrote to their stdout and stderr (the terminal is the inspector's meanwhile).
    case output

    var title: String {
        switch self {
        case .components: return "Components"
        case .imports: return "Imports"
        case .exports: return "Exports"
        case .audit: return "Audit"
        case .output: return "Output"
        }
    }

    /// The pane Tab moves to.
    var next: InspectorPane {
        InspectorPane(rawValue: (rawValue + 1) % Self.allCases.count) ?? .components
    }

    var previous: InspectorPane {
        InspectorPane(rawValue: (rawValue + Self.allCases.count - 1) % Self.allCases.count) ?? .components
    }
}
