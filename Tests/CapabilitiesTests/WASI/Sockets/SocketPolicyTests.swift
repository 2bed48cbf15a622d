import Testing

@testable import Capabilities

extension SocketSuites {
    /// How socket grants land on the interfaces of `wasi:sockets`, and how a socket's creation
    /// is decided (`ScopeRequest.anyGrant`).
    @Suite("policy")
    struct SocketPolicyTests {
        static let version = "@0.2.12"
        static let tcp = "wasi:sockets/tcp" + version
        static let udp = "wasi:sockets/udp" + version
        static let lookup = "wasi:sockets/ip-name-lookup" + version
        static let catalog = ImportCatalog(interfaces: [
            .init(name: "wasi:sockets/network" + version, functions: []),
            .init(name: "wasi:sockets/instance-network" + version, functions: ["instance-network"]),
            .init(name: "wasi:sockets/tcp-create-socket" + version, functions: ["create-tcp-socket"]),
            .init(name: tcp, functions: ["[method]tcp-socket.start-connect", "[method]tcp-socket.start-bind"]),
            .init(name: "wasi:sockets/udp-create-socket" + version, functions: ["create-udp-socket"]),
            .init(name: udp, functions: ["[method]udp-socket.start-bind"]),
            .init(name: lookup, functions: ["resolve-addresses"]),
        ])

        static func policy() throws -> Policy {
            try Policy(component: "client", catalog: catalog, root: "/work/session")
        }

        static func connect(_ host: String, _ port: UInt16) -> ScopeRequest {
            .socket(SocketRequest(use: .tcpConnect, host: host, port: port))
        }

        @Test("a package grant with a TCP scope lands on wasi:sockets/tcp alone")
        func packageGrantLandsOnTCP() throws {
            var policy = try Self.policy()
            try policy.grant("wasi:sockets", scopes: ["tcp:connect", "127.0.0.1:8080"])
            #expect(policy.grants.map(policy.describe) == ["tcp tcp:connect 127.0.0.1:8080"])
            #expect(policy.grants.map(\.interface) == [Self.tcp])
            #expect(
                policy.decide(
                    interface: Self.tcp, function: "[method]tcp-socket.start-connect",
                    request: Self.connect("127.0.0.1", 8080)
                )
                .isAllowed)
            #expect(
                !policy.decide(
                    interface: Self.tcp, function: "[method]tcp-socket.start-connect",
                    request: Self.connect("127.0.0.1", 8081)
                )
                .isAllowed)
            #expect(!policy.decide(interface: Self.lookup, function: "resolve-addresses").isAllowed)
        }

        @Test("each scope of a package grant goes to the protocol it names")
        func scopesByProtocol() throws {
            var policy = try Self.policy()
            try policy.grant(
                "wasi:sockets", scopes: ["tcp:connect", "[::1]:*", "udp:bind", "*:0", "udp:send", "127.0.0.1:53"])
            #expect(
                policy.grants.map(policy.describe) == [
                    "tcp tcp:connect [::1]:*", "udp udp:bind *:0", "udp udp:send 127.0.0.1:53",
                ])
            try policy.revoke("wasi:sockets", scopes: ["udp:send", "127.0.0.1:53"])
            #expect(policy.grants.map(policy.describe) == ["tcp tcp:connect [::1]:*", "udp udp:bind *:0"])
        }

        @Test("a short interface name takes socket scopes too, and an address of the other protocol is an error")
        func directGrants() throws {
            var policy = try Self.policy()
            try policy.grant("tcp", scopes: ["tcp:bind", "127.0.0.1:0"])
            #expect(policy.grants.map(policy.describe) == ["tcp tcp:bind 127.0.0.1:0"])
            #expect(throws: PolicyError.self) { try policy.grant("udp", scopes: ["tcp:connect", "1.2.3.4:80"]) }
            do {
                try policy.grant("udp", scopes: ["tcp:connect", "1.2.3.4:80"])
            } catch {
                #expect(
                    error.description
                        == "invalid scope 'tcp:connect 1.2.3.4:80': tcp:connect is a use of wasi:sockets/tcp, not of wasi:sockets/udp"
                )
            }
            #expect(throws: PolicyError.scopeNotApplicable(capability: "ip-name-lookup", text: "127.0.0.1:53")) {
                try policy.grant("ip-name-lookup", scopes: ["127.0.0.1:53"])
            }
        }

        @Test("a lookup needs its own grant: the unscoped package, or ip-name-lookup by name")
        func lookupGrant() throws {
            var whole = try Self.policy()
            try whole.grant("wasi:sockets")
            #expect(whole.decide(interface: Self.lookup, function: "resolve-addresses").isAllowed)
            var named = try Self.policy()
            try named.grant("ip-name-lookup")
            #expect(named.decide(interface: Self.lookup, function: "resolve-addresses").isAllowed)
            #expect(!named.decide(interface: Self.tcp, function: "create-tcp-socket", request: .anyGrant).isAllowed)
        }

        @Test(
            "a new socket needs any grant of its protocol, whatever its scope; only a whole-interface deny refuses it")
        func creation() throws {
            var policy = try Self.policy()
            #expect(
                policy.decide(interface: Self.tcp, function: "create-tcp-socket", request: .anyGrant)
                    == .deny(.missingCapability(interface: Self.tcp)))
            try policy.grant("wasi:sockets", scopes: ["tcp:connect", "10.0.0.1:443"])
            let allowed = policy.decide(interface: Self.tcp, function: "create-tcp-socket", request: .anyGrant)
            #expect(allowed.isAllowed)
            #expect(policy.basis(of: allowed) == "grant tcp tcp:connect 10.0.0.1:443")
            try policy.deny("wasi:sockets", scopes: ["tcp:connect", "10.0.0.1:443"])
            #expect(policy.decide(interface: Self.tcp, function: "create-tcp-socket", request: .anyGrant).isAllowed)
            try policy.deny("tcp")
            #expect(!policy.decide(interface: Self.tcp, function: "create-tcp-socket", request: .anyGrant).isAllowed)
            #expect(!policy.decide(interface: Self.udp, function: "create-udp-socket", request: .anyGrant).isAllowed)
        }

        @Test("a package none of whose interfaces takes a scope still refuses one")
        func unscopedPackage() throws {
            let catalog = ImportCatalog(interfaces: [
                .init(name: "wasi:random/random@0.2.12", functions: ["get-random-bytes"]),
                .init(name: "wasi:random/insecure@0.2.12", functions: ["get-insecure-random-bytes"]),
            ])
            var policy = try Policy(component: "dice", catalog: catalog, root: "/work/session")
            #expect(throws: PolicyError.scopeNotApplicable(capability: "wasi:random", text: "x")) {
                try policy.grant("wasi:random", scopes: ["x"])
            }
            #expect(policy.grants.isEmpty)
        }
    }
}
