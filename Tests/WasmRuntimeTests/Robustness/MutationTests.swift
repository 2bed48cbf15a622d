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

    static func committedComponents() throws -> [(name: String, bytes: [UInt8])] {
        let folder = repositoryRoot.appendingPathComponent("components")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".wasm") }.sorted()
        return try names.map { name in
            (name, [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
        }
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
