/// Something a host keeps for a guest behind a resource handle: a stream, a pollable, an open
/// file, a socket. Released when the guest drops its handle, when the instance ends (a trap,
/// an abort, an exit, an unload) or when the host replaces it.
public protocol HostObject: AnyObject {
    /// Where it came from, for the audit of calls that use it: `get-stdout`, `open-at ./data/a.txt`.
    var origin: String { get }
    /// Frees what the object holds (closes a descriptor). Called once.
    func release()
}

extension HostObject {
    public func release() {}
}
