import Testing
import WasmRuntime

@Suite("Malformed modules give errors, never crashes")
struct InstrumentationRobustnessTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    /// Truncations, byte flips, byte overwrites and splices of each fixture: every input must be
    /// answered by instrumented bytes or an `InstrumentationError`. When instrumenting succeeds,
    /// the output must itself be fully decodable (instrumenting it again under another name
    /// succeeds), so a mutation can never make the instrumenter write something it cannot read.
    @Test(
        "thousands of mutated modules are each instrumented or refused",
        arguments: InterruptFixtures.names + ["compute"])
    func mutations(name: String) throws {
        let original = name == "compute" ? try InterruptFixtures.computeCoreModule() : try InterruptFixtures.bytes(name)
        var random = SplitMix64(state: UInt64(name.utf8.reduce(0) { $0 &* 31 &+ Int($1) }))
        let instrumenter = CoreModuleInstrumenter()
        let again = CoreModuleInstrumenter(exportName: "again")
        var instrumented = 0
        var refused = 0
        for round in 0..<2_000 {
            var bytes = original
            switch round % 4 {
            case 0:
                bytes = Array(bytes.prefix(random.below(bytes.count)))
            case 1:
                for _ in 0...random.below(3) { bytes[random.below(bytes.count)] ^= UInt8(1 << random.below(8)) }
            case 2:
                for _ in 0...random.below(3) {
                    bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next())
                }
            default:
                let start = random.below(bytes.count)
                let length = random.below(min(64, bytes.count - start) + 1)
                let chunk = Array(original[start..<start + length])
                let at = random.below(bytes.count + 1)
                bytes.insert(contentsOf: chunk, at: at)
            }
            do {
                let output = try instrumenter.instrument(bytes)
                instrumented += 1
                do {
                    _ = try again.instrument(output)
                } catch {
                    Issue.record("round \(round): output of a mutated \(name) is not decodable: \(error)")
                }
            } catch {
                refused += 1
                #expect(error.offset >= 0 && error.offset <= bytes.count)
            }
        }
        #expect(instrumented + refused == 2_000)
        #expect(refused > 0)
    }

    @Test("every prefix of a module is refused unless it ends between sections")
    func everyTruncation() throws {
        let original = try InterruptFixtures.bytes("loops")
        // loops.wasm: header, then sections type (to 46), function (59), global (81),
        // export (195), code (548) and name (817). A prefix ending after the header, the type
        // section or the code section is a smaller module; one declaring functions without
        // their code section is not.
        let sectionEnds: Set = [8, 46, 548]
        for length in 0..<original.count {
            let prefix = Array(original.prefix(length))
            if sectionEnds.contains(length) {
                #expect(throws: Never.self) { try CoreModuleInstrumenter().instrument(prefix) }
            } else {
                #expect(throws: InstrumentationError.self) { try CoreModuleInstrumenter().instrument(prefix) }
            }
        }
    }

    @Test("a slice that does not start at index 0 reports offsets from its own start")
    func sliceOffsets() throws {
        let original = try InterruptFixtures.bytes("loops")
        let padded = [0xFF, 0xFF, 0xFF] + original
        #expect(try CoreModuleInstrumenter().instrument(padded[3...]) == CoreModuleInstrumenter().instrument(original))
        let truncated = padded[3..<(padded.count - 5)]
        let error = #expect(throws: InstrumentationError.self) { try CoreModuleInstrumenter().instrument(truncated) }
        #expect((error?.offset ?? -1) <= original.count - 5)
    }
}
