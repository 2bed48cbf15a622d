import Foundation
import Testing
import WasmComponent
import WasmRuntime

/// Every line of `components/expected/invocations.tsv` (results computed by wasmtime-py),
/// replayed on our runtime: one instance per component, lines in order.
@Suite("Golden invocations against wasmtime")
struct GoldenInvocationTests {
    struct Line: Sendable, CustomStringConvertible {
        var component: String
        var call: String
        var expected: String
        var description: String { "\(component): \(call)" }
    }

    static let lines: [Line] = {
        let url = repositoryRoot.appendingPathComponent("components/expected/invocations.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { row in
            guard !row.hasPrefix("#") else { return nil }
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { return nil }
            return Line(component: fields[0], call: fields[1], expected: fields[2])
        }
    }()

    static var components: [String] {
        var seen: [String] = []
        for line in lines where !seen.contains(line.component) { seen.append(line.component) }
        return seen
    }

    @Test("the golden file is there and covers every fixture")
    func goldenFileIsComplete() {
        #expect(Self.lines.count > 400)
        #expect(
            Set(Self.components).isSuperset(of: ["values", "resources", "compute", "strings-utf16", "strings-latin1"]))
    }

    @Test("each component returns what wasmtime returned, line by line", arguments: components)
    func replay(component: String) throws {
        try replay(component, on: try loadFixture(component))
    }

    /// Loaded for debugging, with every function running its twin and every probe calling the
    /// tracer (as `stepi` everywhere does), the results are the same.
    @Test("stepped through every probe, each component still returns what wasmtime returned", arguments: components)
    func replayStepped(component: String) throws {
        let loaded = try LoadedComponent(
            bytes: try fixtureBytes(component), name: component, providedInterfaces: [], debuggable: true,
            hostCall: referenceHost(for: component))
        var probes = 0
        loaded.functionObserver = { if case .reached = $0 { probes += 1 } }
        loaded.runProbedCode(true)
        loaded.armProbes(inModules: Set(loaded.debugModules.map(\.number)))
        try replay(component, on: loaded)
        #expect(probes > 0, "\(component): no probe fired")
    }

    private func replay(_ component: String, on loaded: LoadedComponent) throws {
        var handles: [String: (ComponentValue, ValueType)] = [:]
        for line in Self.lines where line.component == component {
            if line.call.hasPrefix("drop $") {
                guard case .handle(let handle) = handles[String(line.call.dropFirst(6))]?.0 else {
                    Issue.record("\(line): unknown handle")
                    continue
                }
                try loaded.drop(handle)
                continue
            }
            let call = try CallExpression(line.call, in: loaded, variables: { handles[$0] })
            let result = try loaded.call(call.export, call.arguments)
            if line.expected.hasPrefix("$") {
                guard let result, let type = call.export.type.result else {
                    Issue.record("\(line): expected a handle")
                    continue
                }
                handles[String(line.expected.dropFirst())] = (result, type)
            } else {
                #expect((CallExpression.format(result, of: call.export) ?? "") == line.expected, "\(line)")
            }
        }
    }
}
