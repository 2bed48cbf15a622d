import ArgumentParser
import Shell

/// Runs a command body; any error becomes `Error: MESSAGE` on stderr and exit status 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch {
        StandardStreams().writeError("Error: \(error)\n")
        throw ExitCode.failure
    }
}
