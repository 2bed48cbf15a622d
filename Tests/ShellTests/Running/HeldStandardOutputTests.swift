import TerminalUI
import Testing

@testable import Shell

@Suite("Held standard output")
struct HeldStandardOutputTests {
    /// A pipe whose read end never blocks: what is not written yet reads as nothing.
    private final class Pipe {
        let readEnd: Int32
        let writeEnd: Int32

        init() throws {
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { throw ShellError("pipe failed") }
            (readEnd, writeEnd) = (ends[0], ends[1])
            _ = fcntl(readEnd, F_SETFL, O_NONBLOCK)
        }

        deinit {
            close(readEnd)
            close(writeEnd)
        }

        func available() -> String {
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                bytes += chunk[..<count]
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    private func hold(_ text: String, in output: HeldStandardOutput) {
        var text = text
        text.withUTF8 { output.hold($0) }
    }

    @Test("held lines go out together on flush, in order, and not before")
    func flushWritesInOrder() throws {
        let pipe = try Pipe()
        let output = HeldStandardOutput(descriptor: pipe.writeEnd, intervalMicroseconds: 10_000_000)
        hold("1\n", in: output)
        hold("2\n", in: output)
        #expect(pipe.available() == "")
        output.flush()
        #expect(pipe.available() == "1\n2\n")
        output.flush()
        #expect(pipe.available() == "")
    }

    @Test("what was held goes out before an error written to the same place")
    func errorsComeAfterHeldOutput() throws {
        let pipe = try Pipe()
        let output = HeldStandardOutput(descriptor: pipe.writeEnd, intervalMicroseconds: 10_000_000)
        hold("result\n", in: output)
        output.writingError { DescriptorWriter.write("Error: later\n", to: pipe.writeEnd) }
        #expect(pipe.available() == "result\nError: later\n")
    }

    @Test("output reaching the limit is written at once")
    func limitWritesAtOnce() throws {
        let pipe = try Pipe()
        let output = HeldStandardOutput(descriptor: pipe.writeEnd, limit: 8, intervalMicroseconds: 10_000_000)
        hold("1234", in: output)
        #expect(pipe.available() == "")
        hold("56789", in: output)
        #expect(pipe.available() == "123456789")
    }

    @Test("output held behind a long call reaches the reader within the interval")
    func flusherWritesLateOutput() async throws {
        let pipe = try Pipe()
        let output = HeldStandardOutput(descriptor: pipe.writeEnd, intervalMicroseconds: 5_000)
        hold("waiting\n", in: output)
        var seen = ""
        for _ in 0..<200 where seen.isEmpty {
            try await Task.sleep(for: .milliseconds(5))
            seen = pipe.available()
        }
        #expect(seen == "waiting\n")
    }
}
