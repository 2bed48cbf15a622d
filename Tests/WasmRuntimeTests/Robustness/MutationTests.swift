import Foundation
import Testing
import WasmComponent
import WasmRuntime

/// Thousands of malformed variants of the committed components go through everything wasmsh
/// does with a component (`ComponentExercise`): each must end in a result or an error, never a
/// crash or a hang. Deterministic: the seed and the index of a mutant reproduce it
/// (`WASMSH_MUTATION_SEED`, `WASMSH_MUTATIONS` change the run, e.g. for a longer one).
@Suite("Malformed components")
struct MutationTests {
    static let defaultSeed: UInt64 = 0x7761_736D_7368  // "wasmsh"
    static let defaultCount = 4_000
    /// A single input taking longer than this is reported as a hang.
    static let slowInputSeconds = 10.0

    /// The fixtures of components/ and the hostile ones of components/hostile/, whose floods of
    /// memory, results and handles the exercise's limits keep to milliseconds.
    static func committedComponents(includingHostile: Bool = false) throws -> [(name: String, bytes: [UInt8])] {
        var components: [(name: String, bytes: [UInt8])] = []
        for folder in ["components"] + (includingHostile ? ["components/hostile"] : []) {
            let url = repositoryRoot.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
                .filter { $0.hasSuffix(".wasm") }.sorted()
            for name in names {
                components.append((name, [UInt8](try Data(contentsOf: url.appendingPathComponent(name)))))
            }
        }
        return components
    }

    @Test("every committed component loads and its callable exports answer, also loaded for debugging")
    func originalsRun() throws {
        let components = try Self.committedComponents()
        #expect(components.count >= 10)
        for (name, bytes) in components {
            for debuggable in [false, true] {
                let outcome = ComponentExercise.run(bytes, debuggable: debuggable)
                #expect(outcome.stage == .loaded, "\(name) did not load (debuggable: \(debuggable))")
                #expect(outcome.callsReturned > 0, "\(name): no export returned")
                #expect(outcome.silentErrors.isEmpty, "\(name): errors without a message: \(outcome.silentErrors)")
            }
        }
    }

    @Test("the hostile fixtures, each export called under the exercise's limits, end in a result or an error")
    func hostileFixturesRun() throws {
        let hostile = try Self.committedComponents(includingHostile: true).filter { $0.name.hasPrefix("hostile-") }
        #expect(hostile.count >= 15)
        for (name, bytes) in hostile {
            for debuggable in [false, true] {
                let outcome = ComponentExercise.run(bytes, debuggable: debuggable)
                #expect(
                    outcome.callsReturned + outcome.callsFailed > 0 || outcome.stage != .loaded,
                    "\(name): nothing called")
                #expect(outcome.silentErrors.isEmpty, "\(name): errors without a message: \(outcome.silentErrors)")
            }
        }
    }

    @Test("thousands of flipped, truncated, grown and spliced components end in a result or an error")
    func mutantsNeverCrashOrHang() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["WASMSH_MUTATION_SEED"].flatMap { UInt64($0) } ?? Self.defaultSeed
        let count = environment["WASMSH_MUTATIONS"].flatMap { Int($0) } ?? Self.defaultCount
        var mutator = ComponentMutator(sources: try Self.committedComponents(), seed: seed)

        var stages: [ComponentExercise.Stage: Int] = [:]
        var loadedByKind: [ComponentMutator.Kind: (loaded: Int, made: Int)] = [:]
        var callsReturned = 0
        var callsFailed = 0
        var slowest = (seconds: 0.0, summary: "")
        let clock = ContinuousClock()
        // `WASMSH_MUTATION_ONLY=N` runs mutant N alone (the mutants before it are still made).
        let only = environment["WASMSH_MUTATION_ONLY"].flatMap { Int($0) }
        for index in 0..<count {
            let mutant = mutator.next()
            if let only, index != only { continue }
            let started = clock.now
            // One mutant in four is loaded for function stepping, tracer on.
            let outcome = ComponentExercise.run(mutant.bytes, debuggable: index % 4 == 3)
            let seconds = (clock.now - started) / .seconds(1)
            if seconds > slowest.seconds { slowest = (seconds, "#\(index) \(mutant.summary)") }
            stages[outcome.stage, default: 0] += 1
            loadedByKind[mutant.kind, default: (0, 0)].made += 1
            if outcome.stage == .loaded { loadedByKind[mutant.kind, default: (0, 0)].loaded += 1 }
            callsReturned += outcome.callsReturned
            callsFailed += outcome.callsFailed
            #expect(outcome.silentErrors.isEmpty, "mutant #\(index) (\(mutant.summary)): errors without a message")
        }
        let summary = ComponentExercise.Stage.allCases.map { "\($0.rawValue) \(stages[$0, default: 0])" }
            .joined(separator: ", ")
        print(
            "mutation test (seed \(seed), \(count) mutants): \(summary); calls returned \(callsReturned), "
                + "failed \(callsFailed); slowest \(String(format: "%.3f", slowest.seconds)) s (\(slowest.summary)); loaded by kind: "
                + ComponentMutator.Kind.allCases.map {
                    "\($0.rawValue) \(loadedByKind[$0]?.loaded ?? 0)/\(loadedByKind[$0]?.made ?? 0)"
                }
                .joined(separator: ", "))

        #expect(slowest.seconds < Self.slowInputSeconds, "mutant \(slowest.summary) took \(slowest.seconds) s")
        if only != nil { return }
        // The mutants must reach every stage, or the test would stop exercising the deep paths.
        for stage in ComponentExercise.Stage.allCases {
            #expect(
                stages[stage, default: 0] >= count / 50,
                "only \(stages[stage, default: 0]) mutants ended at '\(stage.rawValue)'")
        }
        #expect(callsReturned >= count, "too few calls returned a result: \(callsReturned)")
        #expect(callsFailed > 0)
    }
}
