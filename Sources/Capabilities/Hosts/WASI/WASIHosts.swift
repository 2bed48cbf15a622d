import WasmComponent

/// Every WASI 0.2 interface wasmsh serves. A component's imports of any 0.2.x version find them
/// by their name without version, and each function is served only when the component imports it
/// with the type the host implements.
public enum WASIHosts {
    public static var all: [any HostInterface] {
        [
            IOHosts.error, IOHosts.poll, IOHosts.streams,
            CLIHosts.environment, CLIHosts.exit, CLIHosts.input, CLIHosts.output(.stdout), CLIHosts.output(.stderr),
            ClockAndRandomHosts.monotonicClock, ClockAndRandomHosts.wallClock,
        ] + CLIHosts.terminals + ClockAndRandomHosts.random + SocketHosts.all
            + [FilesystemHosts.types, FilesystemHosts.preopens]
    }

    /// Per interface (without version), the functions that give nothing a grant could withhold:
    /// an import of only those needs no grant (`ImportCatalog.needsNoGrant`).
    static let ungatedFunctions: [String: Set<String>] = Dictionary(
        all.compactMap { host in
            (host as? WASIHost).map { (InterfaceName($0.interfaceName).unversioned, $0.ungatedFunctions) }
        },
        uniquingKeysWith: { first, _ in first })
}
