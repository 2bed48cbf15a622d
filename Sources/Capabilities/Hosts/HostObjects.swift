/// The objects a host keeps for one component, each known by a number (the `rep` of its handle in
/// the component's handle table). The runtime's handle limit bounds how many there are.
public final class HostObjects {
    private var objects: [UInt32: any HostObject] = [:]
    private var nextRep: UInt32 = 1

    public init() {}

    /// Keeps `object` and returns its number.
    public func insert(_ object: any HostObject) -> UInt32 {
        // Numbers are not reused while the component lives: a stale handle never finds a new object.
        let rep = nextRep
        nextRep &+= 1
        objects[rep] = object
        return rep
    }

    public func object(_ rep: UInt32) -> (any HostObject)? { objects[rep] }

    /// Forgets and releases the object `rep`.
    public func release(_ rep: UInt32) {
        objects.removeValue(forKey: rep)?.release()
    }

    /// Releases everything (the instance ended).
    public func releaseAll() {
        let all = objects.values
        objects.removeAll()
        for object in all { object.release() }
    }

    public var count: Int { objects.count }
}
