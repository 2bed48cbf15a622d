/// Where the scanner plants probes in one function body.
struct ProbeSites {
    let placement: ProbeRequest.Placement
    /// The Code section payload's position in the module's bytes: code offsets count from it.
    let codeStart: Int
    /// The body's first byte (its local declarations) and first instruction, as code offsets.
    let bodyStart: UInt32
    let firstInstruction: UInt32

    /// The code offset of the instruction at `position` when a probe goes before it.
    func probe(before position: Int) -> UInt32? {
        let offset = UInt32(truncatingIfNeeded: position - codeStart)
        switch placement {
        case .everyInstruction:
            return offset
        case .statements(let offsets):
            if offsets.contains(offset) { return offset }
            // DWARF's low_pc (the local declarations) stands for the first instruction.
            if offset == firstInstruction && offsets.contains(bodyStart) { return offset }
            return nil
        }
    }
}
