/// The index spaces of a component (`sort` in the binary format).
package enum Sort: Hashable, Sendable, CustomStringConvertible {
    case core(CoreSort)
    case function, value, type, component, instance

    package var description: String {
        switch self {
        case .core(let sort): return "core \(sort)"
        case .function: return "func"
        case .value: return "value"
        case .type: return "type"
        case .component: return "component"
        case .instance: return "instance"
        }
    }
}

/// The core index spaces a component can refer to.
package enum CoreSort: Hashable, Sendable, CustomStringConvertible {
    case function, table, memory, global, tag, type, module, instance

    package var description: String {
        switch self {
        case .function: return "func"
        case .table: return "table"
        case .memory: return "memory"
        case .global: return "global"
        case .tag: return "tag"
        case .type: return "type"
        case .module: return "module"
        case .instance: return "instance"
        }
    }
}

package struct SortIndex: Hashable, Sendable {
    package var sort: Sort
    package var index: UInt32
}

package struct CoreSortIndex: Hashable, Sendable {
    package var sort: CoreSort
    package var index: UInt32
}
