import Foundation
import Testing

@testable import Shell

@Suite("One-shot programs in-process")
struct InvokeProgramTests {
    private func path(_ file: String) -> String { repositoryRoot.appendingPathComponent(file).path }

    @Test("invoke prints the WAVE result alone on standard output")
    func invokePrintsResult() throws {
        let output = BufferedOutput()
        try InvokeProgram(file: path("components/values.wasm"), expression: "add(1, 2)").run(output: output)
        #expect(output.standardOutput == "3\n")
        #expect(output.standardError.isEmpty)
    }

    @Test("invoke: a --grant flag lets the host call through, and its audit line goes to standard error")
    func invokeWithGrant() throws {
        let output = BufferedOutput()
        var program = InvokeProgram(file: path("components/trusted.wasm"), expression: "run()")
        program.grants = ["filesystem=./demo.txt"]
        program.root = repositoryRoot.path
        try program.run(output: output)
        #expect(output.standardOutput.hasPrefix("\"SUCCESS: Read demo.txt content:\\nHello from the sandbox!"))
        #expect(output.standardError.hasPrefix("[ALLOWED] trusted     filesystem.read-file(\"./demo.txt\")"))
    }

    @Test("invoke: a malformed --grant flag is an error before anything loads")
    func invokeBadGrant() {
        var program = InvokeProgram(file: path("components/trusted.wasm"), expression: "run()")
        program.grants = ["=./x"]
        #expect(throws: ShellError("--grant needs a capability, e.g. --grant filesystem")) {
            try program.run(output: BufferedOutput())
        }
    }

    @Test("wit gives the world as WIT")
    func wit() throws {
        let expected = try String(contentsOfFile: path("components/expected/trusted.wit"), encoding: .utf8)
        #expect(try WitProgram.text(of: path("components/trusted.wasm")) == expected)
    }
}
