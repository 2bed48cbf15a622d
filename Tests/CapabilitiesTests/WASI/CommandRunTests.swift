import Capabilities
import Testing

@Suite("WASI commands")
struct CommandRunTests {
    @Test("hello prints on stdout and stderr when both are granted")
    func helloGranted() throws {
        let hello = try WASIFixture("hello", grants: [GrantRequest("stdout"), GrantRequest("stderr")])
        #expect(try hello.run() == .returned(ok: true))
        #expect(hello.output.stdoutText == "hello from wasi\n")
        #expect(hello.output.stderrText == "hello on stderr\n")
    }

    @Test("hello's output is dropped without a grant, and the run still succeeds")
    func helloDenied() throws {
        let hello = try WASIFixture("hello")
        #expect(try hello.run() == .returned(ok: true))
        #expect(hello.output.stdout.isEmpty)
        #expect(hello.output.stderr.isEmpty)
    }
}
