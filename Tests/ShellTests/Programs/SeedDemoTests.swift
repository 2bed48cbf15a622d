import Foundation
import Shell
import Synchronization
import Testing

@Suite("The seed demo")
struct SeedDemoTests {
    @Test("demo prints the seed's expected output byte for byte", arguments: ["malicious", "trusted"])
    func matchesSeed(name: String) throws {
        let expected = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Tests/ShellTests/Programs/SeedExpected/\(name).txt"),
            encoding: .utf8)
        let output = Mutex("")
        try SeedDemo.run(
            name, componentsDirectory: repositoryRoot.appendingPathComponent("components").path,
            manifestsDirectory: repositoryRoot.appendingPathComponent("manifests").path,
            root: repositoryRoot.path, output: { text in output.withLock { $0 += text } })
        #expect(output.withLock { $0 } == expected)
    }
}
