/// Where WAVE text goes as it is written: a `String`, or an output that keeps only a prefix and
/// summarises the rest (the audit), so that a huge value never becomes a huge string.
package protocol WAVEOutput {
    /// False once the output has all it wants: writing stops at the next element or character,
    /// and the text is then incomplete.
    var wantsMore: Bool { get }
    mutating func waveWrite(_ text: some StringProtocol)
    mutating func waveWrite(_ scalar: Unicode.Scalar)
}

extension String: WAVEOutput {
    package var wantsMore: Bool { true }
    package mutating func waveWrite(_ text: some StringProtocol) { self += text }
    package mutating func waveWrite(_ scalar: Unicode.Scalar) { unicodeScalars.append(scalar) }
}
