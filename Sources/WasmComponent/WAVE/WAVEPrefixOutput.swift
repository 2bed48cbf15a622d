/// Keeps the first `limit` bytes of WAVE text (whole characters) and wants no more after them;
/// optionally counts every byte offered, so that a cut text can say how long the whole is
/// without the whole ever being held.
package struct WAVEPrefixOutput: WAVEOutput {
    package let limit: Int
    /// Keep writing after the limit, only counting (`totalBytes`).
    package let countsAll: Bool
    package private(set) var text = ""
    package private(set) var keptBytes = 0
    package private(set) var isCut = false
    package private(set) var totalBytes = 0

    package init(limit: Int, countsAll: Bool = false) {
        self.limit = limit
        self.countsAll = countsAll
    }

    package var wantsMore: Bool { countsAll || !isCut }

    package mutating func waveWrite(_ piece: some StringProtocol) {
        let bytes = piece.utf8.count
        totalBytes += bytes
        guard !isCut else { return }
        if keptBytes + bytes <= limit {
            text += piece
            keptBytes += bytes
            return
        }
        isCut = true
        for scalar in piece.unicodeScalars {
            let size = UTF8.width(scalar)
            if keptBytes + size > limit { break }
            text.unicodeScalars.append(scalar)
            keptBytes += size
        }
    }

    package mutating func waveWrite(_ scalar: Unicode.Scalar) { waveWrite(String(scalar)) }
}

extension WAVEFormatter {
    /// The first `limit` bytes of `value`'s WAVE text, whether that is all of it, and (when
    /// `measuring`) the whole text's length, counted without holding it.
    package static func prefix(of value: ComponentValue, as type: ValueType, limit: Int, measuring: Bool = false)
        -> (text: String, isComplete: Bool, totalBytes: Int?)
    {
        var output = WAVEPrefixOutput(limit: limit, countsAll: measuring)
        write(value, as: type, to: &output)
        return (output.text, !output.isCut, output.isCut && !measuring ? nil : output.totalBytes)
    }
}
