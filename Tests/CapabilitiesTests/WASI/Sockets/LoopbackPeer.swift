import Foundation

/// The other end of a socket test, on 127.0.0.1, served from a thread of the test with plain
/// blocking sockets (each with a 5 s timeout, so a failing test never hangs). Ports are the
/// system's choice: nothing is fixed.
final class LoopbackPeer: @unchecked Sendable {
    let port: UInt16
    private let fd: Int32
    private let finished = DispatchSemaphore(value: 0)
    private let released = DispatchSemaphore(value: 0)

    private init(fd: Int32, port: UInt16) {
        self.fd = fd
        self.port = port
    }

    /// Accepts one connection, reads the request until the client shuts down its side, answers
    /// `prefix` + request and closes (the oracle's TCP server).
    static func tcpEcho(prefix: String) throws -> LoopbackPeer {
        let peer = try listening()
        peer.serve {
            let connection = try peer.acceptOne()
            defer { close(connection) }
            let request = try readAll(connection)
            try writeAll(connection, Array(prefix.utf8) + request)
        }
        return peer
    }

    /// Accepts one connection, reads until the client shuts down its side, and then says
    /// nothing, holding the connection open until `stop()`.
    static func silentTCP() throws -> LoopbackPeer {
        let peer = try listening()
        peer.serve {
            let connection = try peer.acceptOne()
            defer { close(connection) }
            _ = try readAll(connection)
            peer.released.wait()
        }
        return peer
    }

    /// Answers one datagram with `prefix` + datagram (the oracle's UDP server).
    static func udpEcho(prefix: String) throws -> LoopbackPeer {
        let fd = socket(AF_INET, Self.datagram, 0)
        let peer = LoopbackPeer(fd: fd, port: try bindLoopback(fd))
        peer.serve {
            var buffer = [UInt8](repeating: 0, count: 65536)
            var sender = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let count = withUnsafeMutablePointer(to: &sender) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    recvfrom(fd, &buffer, buffer.count, 0, $0, &length)
                }
            }
            guard count >= 0 else { throw PeerError("recvfrom: errno \(errno)") }
            let answer = Array(prefix.utf8) + buffer[0..<count]
            _ = withUnsafePointer(to: &sender) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(fd, answer, answer.count, 0, $0, length) }
            }
        }
        return peer
    }

    /// A client of a guest that listens on `port`: it connects (trying again until the guest
    /// listens), sends `request`, shuts down its side and keeps what it reads until the guest
    /// closes (`received`, once `join()` returned).
    static func tcpClient(port: UInt16, request: String) -> LoopbackPeer {
        let fd = socket(AF_INET, Self.stream, 0)
        let peer = LoopbackPeer(fd: fd, port: port)
        peer.serve {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
            address.sin_port = port.bigEndian
            let deadline = Date().addingTimeInterval(5)
            while true {
                let connected = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
                if connected == 0 { break }
                guard errno == ECONNREFUSED, Date() < deadline else { throw PeerError("connect: errno \(errno)") }
                usleep(10_000)
            }
            prepare(fd)
            try writeAll(fd, Array(request.utf8))
            shutdown(fd, Int32(SHUT_WR))
            let answer = try readAll(fd)
            peer.received = String(decoding: answer, as: UTF8.self)
        }
        return peer
    }

    /// What a client peer received.
    private(set) var received: String?

    /// A port nothing listens on (bound by the system, then closed).
    static func closedPort() throws -> UInt16 {
        let fd = socket(AF_INET, Self.stream, 0)
        defer { close(fd) }
        return try bindLoopback(fd)
    }

    /// Lets a silent peer go, wakes one still waiting for a client, waits for its thread and
    /// closes its socket.
    func stop() {
        guard !isStopped else { return }
        isStopped = true
        released.signal()
        shutdown(fd, Int32(SHUT_RDWR))
        if !hasFinished { _ = finished.wait(timeout: .now() + 5) }
        close(fd)
    }

    /// Waits (at most 5 s) for a peer that ends by itself, such as a client, to end.
    func join() {
        guard !hasFinished else { return }
        hasFinished = finished.wait(timeout: .now() + 5) == .success
    }

    private var isStopped = false
    private var hasFinished = false

    deinit { stop() }

    // MARK: Plumbing

    #if os(Linux)
        static let stream = Int32(SOCK_STREAM.rawValue)
        static let datagram = Int32(SOCK_DGRAM.rawValue)
        private static let noSignal = Int32(MSG_NOSIGNAL)
    #else
        static let stream = SOCK_STREAM
        static let datagram = SOCK_DGRAM
        private static let noSignal: Int32 = 0
    #endif

    /// Sets the 5 s timeout on `fd`'s reads and, where `send` has no `MSG_NOSIGNAL`, keeps a
    /// write to a closed guest from killing the test process with SIGPIPE.
    private static func prepare(_ fd: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        #if !os(Linux)
            var on: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    private struct PeerError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    private static func listening() throws -> LoopbackPeer {
        let fd = socket(AF_INET, Self.stream, 0)
        let port = try bindLoopback(fd)
        guard listen(fd, 4) == 0 else { throw PeerError("listen: errno \(errno)") }
        return LoopbackPeer(fd: fd, port: port)
    }

    /// Binds `fd` to 127.0.0.1, port 0, with a 5 s timeout on its calls; the port given.
    private static func bindLoopback(_ fd: Int32) throws -> UInt16 {
        guard fd >= 0 else { throw PeerError("socket: errno \(errno)") }
        prepare(fd)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else { throw PeerError("bind: errno \(errno)") }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    private func acceptOne() throws -> Int32 {
        let connection = accept(fd, nil, nil)
        guard connection >= 0 else { throw PeerError("accept: errno \(errno)") }
        Self.prepare(connection)
        return connection
    }

    private static func readAll(_ fd: Int32) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count >= 0 else { throw PeerError("recv: errno \(errno)") }
            if count == 0 { return bytes }
            bytes += buffer[0..<count]
        }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, noSignal) }
            guard count > 0 else { throw PeerError("send: errno \(errno)") }
            sent += count
        }
    }

    private func serve(_ body: @escaping @Sendable () throws -> Void) {
        let finished = finished
        Thread.detachNewThread {
            defer { finished.signal() }
            // A peer that fails shows in what the guest received; one stopped unused fails too.
            try? body()
        }
    }
}
