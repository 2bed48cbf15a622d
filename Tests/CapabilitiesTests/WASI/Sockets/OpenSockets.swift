import Foundation

/// How many sockets the process has open: what the hosts hold must be given back.
enum OpenSockets {
    static func count() -> Int {
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: "/dev/fd")) ?? []
        let descriptors = listed.isEmpty ? Array(0..<1024) : listed.compactMap { Int32($0) }.map(Int.init)
        return descriptors.filter { fd in
            var status = stat()
            return fstat(Int32(fd), &status) == 0 && (status.st_mode & S_IFMT) == S_IFSOCK
        }.count
    }
}
