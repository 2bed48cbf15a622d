import Foundation
import Testing
import WasmComponent

@testable import Capabilities

extension SocketSuites {
    /// The parts of the socket hosts that need no guest: names, addresses, and a TCP
    /// connection's buffering over a socket pair.
    @Suite("host parts")
    struct SocketHostUnitTests {
        @Test(
            "resolve-addresses reads names as wasmtime does",
            arguments: [
                ("127.0.0.1", "ipv4 127.0.0.1"), ("::1", "ipv6 ::1"), ("[::1]", "ipv6 ::1"),
                ("127.1", "ipv4 127.0.0.1"),
                ("0x7f.0.0.1", "ipv4 127.0.0.1"), ("10.0.0.1.", "ipv4 10.0.0.1"), ("example.com", "name example.com"),
                ("localhost", "name localhost"), ("[127.0.0.1]", "invalid-argument"), ("1.2.3.256", "invalid-argument"),
                ("", "invalid-argument"), ("a b", "invalid-argument"), ("a/b", "invalid-argument"),
                ("x\u{0}y", "invalid-argument"), ("bücher.de", "not-supported"),
                (String(repeating: "a.", count: 127), "name-unresolvable"),
            ])
        func hostNames(_ text: String, _ expected: String) {
            let described: String =
                switch HostName.parse(text) {
                case .success(.address(let address)): "\(address.family) \(address.hostText)"
                case .success(.name(let name)): "name \(name)"
                case .failure(let error): error.rawValue
                }
            #expect(described == expected)
        }

        @Test("an ip-socket-address survives the trip through WASI values and sockaddr")
        func addressRoundTrip() throws {
            let v6 = SocketAddress(
                family: .ipv6, bytes: [0x20, 0x01, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 11) + [7], port: 443,
                flowInfo: 5, scopeID: 0)
            for address in [SocketAddress(family: .ipv4, bytes: [127, 0, 0, 1], port: 8080), v6] {
                #expect(SocketAddress(address.value) == address)
                var storage = sockaddr_storage()
                SocketCalls.withSockaddr(address) { pointer, length in
                    withUnsafeMutableBytes(of: &storage) {
                        $0.copyMemory(from: UnsafeRawBufferPointer(start: pointer, count: Int(length)))
                    }
                }
                #expect(SocketCalls.address(storage) == address)
            }
            #expect(v6.description == "[2001:db8::7]:443")
            #expect(v6.request(.tcpConnect) == SocketRequest(use: .tcpConnect, host: "2001:db8::7", port: 443))
            #expect(SocketAddress(.variant(caseName: "ipv4", payload: .record([]))) == nil)
        }

        @Test("which addresses a socket may use, as wasmtime decides")
        func addressRules() {
            let mapped = SocketAddress(
                family: .ipv6, bytes: [UInt8](repeating: 0, count: 10) + [0xff, 0xff, 127, 0, 0, 1], port: 1)
            let compatible = SocketAddress(
                family: .ipv6, bytes: [UInt8](repeating: 0, count: 12) + [10, 0, 0, 1], port: 1)
            let loopback6 = SocketAddress(family: .ipv6, bytes: [UInt8](repeating: 0, count: 15) + [1], port: 1)
            #expect(!mapped.suits(.ipv6) && !compatible.suits(.ipv6) && loopback6.suits(.ipv6))
            #expect(!loopback6.suits(.ipv4))
            #expect(SocketAddress(family: .ipv4, bytes: [224, 0, 0, 1], port: 1).isMulticastOrBroadcast)
            #expect(SocketAddress(family: .ipv4, bytes: [255, 255, 255, 255], port: 1).isMulticastOrBroadcast)
            #expect(!SocketAddress(family: .ipv4, bytes: [0, 0, 0, 0], port: 80).isValidRemote)
            #expect(!SocketAddress(family: .ipv4, bytes: [127, 0, 0, 1], port: 0).isValidRemote)
        }

        private func failure(_ result: Result<Void, StreamError>) -> StreamError? {
            if case .failure(let error) = result { return error }
            return nil
        }

        /// Two connected, non-blocking Unix stream sockets: a TCP connection's stand-in.
        private func socketPair() throws -> (TCPConnection, Int32) {
            var fds: [Int32] = [0, 0]
            try #require(socketpair(AF_UNIX, LoopbackPeer.stream, 0, &fds) == 0)
            for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
            return (TCPConnection(SocketDescriptor(fds[0])), fds[1])
        }

        @Test("a peer that does not read makes writes wait, and what waits is bounded")
        func pendingWritesAreBounded() throws {
            let (connection, peer) = try socketPair()
            defer { close(peer) }
            let chunk = [UInt8](repeating: 7, count: TCPConnection.chunk)
            var written = 0
            // Fill the system's buffers until check-write says wait.
            while case .success(let permitted) = connection.checkWrite(), permitted > 0, written < 64 << 20 {
                #expect(failure(connection.write(chunk)) == nil)
                written += chunk.count
            }
            #expect(connection.checkWrite() == .success(0))
            if case .descriptor(_, let events) = connection.writeReadiness {
                #expect(events == Int16(POLLOUT))
            } else {
                Issue.record("a write that waits is ready when the socket takes bytes again")
            }
            // A guest that writes on regardless is refused before the host holds more.
            var refused = false
            for _ in 0..<3 where !refused {
                if case .failed(let message)? = failure(connection.write(chunk)) {
                    #expect(message == "a write of \(chunk.count) bytes that check-write did not permit")
                    refused = true
                }
            }
            #expect(refused)
            // Once the peer reads, everything written goes out.
            let expected = written
            let done = DispatchSemaphore(value: 0)
            let reader = Thread {
                var buffer = [UInt8](repeating: 0, count: 65536)
                var drained = 0
                while drained < expected {
                    let count = recv(peer, &buffer, buffer.count, 0)
                    if count > 0 { drained += count } else { usleep(1000) }
                }
                done.signal()
            }
            reader.start()
            #expect(failure(try connection.blockingFlush(interruption: nil)) == nil)
            #expect(connection.checkWrite() == .success(UInt64(TCPConnection.chunk)))
            #expect(done.wait(timeout: .now() + 5) == .success, "the peer received every byte written")
        }

        @Test("reads: nothing yet, then bytes, then the end; writes to a closed peer close the stream")
        func readsAndClosing() throws {
            let (connection, peer) = try socketPair()
            #expect(connection.read(100) == .success([]))
            #expect(send(peer, "hi", 2, 0) == 2)
            #expect(try connection.blockingRead(100, interruption: nil) == .success(Array("hi".utf8)))
            #expect(connection.read(0) == .success([]))
            close(peer)
            #expect(try connection.blockingRead(100, interruption: nil) == .failure(.closed))
            #expect(connection.read(100) == .failure(.closed))
            var result = failure(connection.write([1]))
            for _ in 0..<10 where result == nil { result = failure(connection.write([1])) }
            #expect(result == .closed)
            #expect(connection.checkWrite() == .failure(.closed))
        }
    }
}
