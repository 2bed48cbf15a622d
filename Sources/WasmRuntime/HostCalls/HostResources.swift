import WasmComponent

/// One component's handle table as a host sees it: the host makes handles for its own objects
/// (a stream, a file descriptor), each known by a number, the `rep`, that the host chooses, and
/// reads the rep behind a handle the guest passes back. The objects themselves stay with the
/// host; the table only holds `(resource type, rep)`. When the guest drops an owned handle of a
/// host resource, the component's `HostCallHandler` is told (`hostResourceDropped`).
public final class HostResources: @unchecked Sendable {
    private weak var tables: ResourceTables?

    init(tables: ResourceTables) {
        self.tables = tables
    }

    private func table() throws(ResourceError) -> ResourceTables {
        guard let tables else { throw ResourceTables.unloaded }
        return tables
    }

    /// A new owned handle for the host object `rep`, of a resource type the component imports,
    /// for the host to return to the guest (which then owns it).
    public func own(_ type: ResourceType, rep: UInt32) throws -> ResourceHandle {
        let tables = try table()
        guard !tables.implements(type) else {
            throw ResourceError("\(type.name) is a resource of the component, not of the host")
        }
        return try tables.addHost(ResourceTables.Entry(resource: type, rep: rep, isOwned: true))
    }

    /// The rep behind a handle the guest passed in: a borrow (for the call) or an owned handle
    /// it moved to the host; the handle must be of `type`.
    public func rep(of handle: ResourceHandle, as type: ResourceType) throws -> UInt32 {
        let tables = try table()
        guard handle.resource === type else { throw ResourceError("\(handle) is not a \(type.name)") }
        return handle.isOwned ? try tables.hostEntry(handle).rep : try tables.guestEntry(handle.index, type).rep
    }

    /// Takes an owned handle the guest moved to the host out of the table: the host now owns
    /// the object behind it alone, and must release it itself.
    public func take(_ handle: ResourceHandle, as type: ResourceType) throws -> UInt32 {
        let tables = try table()
        guard handle.isOwned, handle.resource === type else {
            throw ResourceError("\(handle) is not an own<\(type.name)>")
        }
        return try tables.removeHost(handle).rep
    }
}
