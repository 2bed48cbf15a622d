/// A file as the kernel knows it (device and inode): the same file under every name, hard links
/// and bind mounts included. Explicit denies are checked by identity, so no other name reaches them.
struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}
