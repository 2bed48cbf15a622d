import ArgumentParser

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a command body; any error becomes `Error: MESSAGE` on stderr and exit status 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch {
        writeStandardError("Error: \(error)\n")
        throw ExitCode.failure
    }
}

func writeStandardError(_ text: String) {
    var text = text
    text.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
}

func writeStandardOutput(_ text: String) {
    var text = text
    text.withUTF8 { bytes in _ = write(1, bytes.baseAddress, bytes.count) }
}
