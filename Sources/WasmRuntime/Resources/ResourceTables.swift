import WasmComponent
import WasmKit

/// The resource handles of one loaded component: the guest's handle table (indices the guest
/// sees) and the host's (handles the shell holds between calls, e.g. `let c = call ...`).
///
/// The spec gives every component instance its own table; wasm-tools places all resource
/// definitions and lifts in the outermost component, so one table per loaded component is what
/// such components observe.
final class ResourceTables {
    struct Entry {
        var resource: ResourceType
        var rep: UInt32
        var isOwned: Bool
    }

    /// Guest-side table; index 0 is never used, as in the spec.
    private(set) var guest: [Entry?] = [nil]
    private var freeGuestSlots: [UInt32] = []
    /// Host-side handles by index.
    private(set) var host: [UInt32: Entry] = [:]
    private var nextHostIndex: UInt32 = 1
    /// Resources this component defines, with their destructors.
    private(set) var destructors: [ObjectIdentifier: Function?] = [:]
    /// The most handles both tables may hold together.
    let liveHandleLimit: Int
    /// Handles held now, in both tables.
    private(set) var liveHandles = 0

    init(liveHandleLimit: Int = ComponentLimits.default.liveHandles) {
        self.liveHandleLimit = liveHandleLimit
    }

    private func admitHandle() throws(ResourceLimitError) {
        guard liveHandles < liveHandleLimit else {
            throw ResourceLimitError(
                .handles,
                "handle limit exceeded: the component and the host already hold \(liveHandles) resource handles, "
                    + "the component's limit")
        }
        liveHandles += 1
    }

    /// The store's resource built-ins reach the tables weakly: the destructors here hold the
    /// store, so owning the tables would keep the store alive forever.
    static let unloaded = ResourceError("the component was unloaded")

    func define(_ resource: ResourceType, destructor: Function?) {
        destructors[ObjectIdentifier(resource)] = .some(destructor)
    }

    func implements(_ resource: ResourceType) -> Bool {
        destructors[ObjectIdentifier(resource)] != nil
    }

    // MARK: Guest table

    func addGuest(_ entry: Entry) throws(ResourceLimitError) -> UInt32 {
        try admitHandle()
        if let slot = freeGuestSlots.popLast() {
            guest[Int(slot)] = entry
            return slot
        }
        guest.append(entry)
        return UInt32(guest.count - 1)
    }

    func guestEntry(_ index: UInt32, _ resource: ResourceType) throws(ResourceError) -> Entry {
        guard Int(index) < guest.count, let entry = guest[Int(index)] else {
            throw ResourceError("unknown handle index \(index) for resource \(resource.name)")
        }
        guard entry.resource === resource else {
            throw ResourceError("handle index \(index) is a \(entry.resource.name), not a \(resource.name)")
        }
        return entry
    }

    func removeGuest(_ index: UInt32, _ resource: ResourceType) throws(ResourceError) -> Entry {
        let entry = try guestEntry(index, resource)
        guest[Int(index)] = nil
        freeGuestSlots.append(index)
        liveHandles -= 1
        return entry
    }

    // MARK: Host table

    func addHost(_ entry: Entry) throws(ResourceLimitError) -> ResourceHandle {
        try admitHandle()
        let index = nextHostIndex
        nextHostIndex += 1
        host[index] = entry
        return ResourceHandle(resource: entry.resource, index: index, isOwned: entry.isOwned)
    }

    func hostEntry(_ handle: ResourceHandle) throws(ResourceError) -> Entry {
        guard let entry = host[handle.index], entry.resource === handle.resource else {
            throw ResourceError("\(handle) is not a live handle (it was dropped or moved into a call)")
        }
        return entry
    }

    func removeHost(_ handle: ResourceHandle) throws(ResourceError) -> Entry {
        let entry = try hostEntry(handle)
        host[handle.index] = nil
        liveHandles -= 1
        return entry
    }

    /// Told when an owned handle of a host resource (one the component does not define) is
    /// dropped: the host releases the object behind the rep.
    var hostDestructor: ((ResourceType, UInt32) -> Void)?

    /// Runs the destructor of an owned resource that is being dropped: the guest's for its own
    /// resources, the host's for the host's.
    func destroy(_ entry: Entry) throws {
        switch destructors[ObjectIdentifier(entry.resource)] {
        case .some(.some(let destructor)): _ = try destructor.invoke([.i32(entry.rep)])
        case .some(.none): break
        case .none: hostDestructor?(entry.resource, entry.rep)
        }
    }
}

/// Misuse of a resource handle: it traps the guest, or fails the host's call.
public struct ResourceError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
