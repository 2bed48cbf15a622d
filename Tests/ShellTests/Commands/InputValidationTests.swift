import Foundation
import Testing

@testable import Shell

/// Issue 15, findings 5 and 9: whatever is typed or handed over is checked before it is used.
@Suite("Inputs are validated")
struct InputValidationTests {
    private func failure(_ line: String, in session: Session) -> String? {
        do {
            try session.execute(line)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test(
        "limits out of range are refused with what is allowed",
        arguments: [
            ("limits time 1e99s", "time must be from 1ms to 7 days (10080m), not 1e99s"),
            ("limits time 18446744074s", "time must be from 1ms to 7 days (10080m), not 18446744074s"),
            ("limits time nans", "'nans' is not a duration; write e.g. 30s, 500ms, 2m or off"),
            ("limits memory 1", "memory must be from 64 KiB to 64 GiB, not 1 (one wasm page is 64 KiB)"),
            (
                "limits memory 9223372036854775807GiB",
                "'9223372036854775807GiB' is not a size; write e.g. 64MiB, 1GiB or a number of bytes"
            ),
            ("limits lift 10", "lift must be from 1 KiB to 4 GiB, not 10"),
            ("limits handles 0", "handles needs a number from 1 to 10000000, not '0'"),
            ("limits fuel -3", "fuel needs a positive number or off, not '-3'"),
            (
                "limits speed 3",
                "unknown limit 'speed'; usage: limits [memory SIZE] [time DURATION|off] [fuel N|off] [lift SIZE] [handles N]"
            ),
        ])
    func limits(line: String, message: String) throws {
        let (session, _) = try makeInspectorSession(loading: [])
        #expect(failure(line, in: session) == message)
        // Nothing changed.
        #expect(session.environment.limits == .default)
    }

    @Test("a limit a load then uses cannot overflow: the longest time and the largest memory load fine")
    func extremeButValidLimits() throws {
        let (session, _) = try makeInspectorSession(loading: [])
        try session.execute("limits time 10080m memory 64GiB lift 4GiB handles 10000000")
        try session.execute("load trusted")
        try session.execute("call trusted.run()")
    }

    @Test("components and scripts must be regular files: devices, FIFOs and directories are refused at once")
    func nonRegularFiles() throws {
        let (session, _) = try makeInspectorSession(loading: [])
        let fifo = NSTemporaryDirectory() + "wasmsh-fifo-\(UUID().uuidString)"
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        #expect(failure("load /dev/zero", in: session) == "'/dev/zero' is not a regular file (a character device)")
        #expect(failure("load \(fifo)", in: session) == "'\(fifo)' is not a regular file (a FIFO)")
        #expect(failure("source /dev/zero", in: session) == "'/dev/zero' is not a regular file (a character device)")
        #expect(failure("source \(fifo)", in: session) == "'\(fifo)' is not a regular file (a FIFO)")
        #expect(failure("load /tmp", in: session) == "'/tmp' is not a regular file (a directory)")
        #expect(throws: (any Error).self) { try WitProgram.text(of: "/dev/zero") }
    }

    @Test("a component or script larger than its limit is refused before it is read")
    func oversizedFiles() throws {
        let (session, _) = try makeInspectorSession(loading: [])
        let path = NSTemporaryDirectory() + "wasmsh-big-\(UUID().uuidString).wasm"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        defer { unlink(path) }
        #expect(truncate(path, off_t(300 << 20)) == 0)  // sparse: takes no disk
        #expect(
            failure("load \(path)", in: session)
                == "'\(path)' is 314572800 bytes, more than the limit of 268435456 bytes")
        #expect(
            failure("source \(path)", in: session)
                == "'\(path)' is 314572800 bytes, more than the limit of 16777216 bytes")
    }
}
