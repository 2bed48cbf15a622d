/// `wasm-tools addr2line` output, parsed: for each address, its frames as printed
/// (`name path:line:column`, innermost first), or none.
struct Addr2LineDump {
    var frames: [(address: UInt32, frames: [String])] = []

    init(_ text: String) {
        for line in text.split(separator: "\n").map(String.init) {
            if line.hasPrefix("\t") {
                guard !frames.isEmpty else { continue }
                frames[frames.count - 1].frames.append(String(line.dropFirst()))
                continue
            }
            guard line.hasPrefix("0x"), let colon = line.firstIndex(of: ":"),
                let address = UInt32(line[line.index(line.startIndex, offsetBy: 2)..<colon], radix: 16)
            else { continue }
            let rest = line[line.index(colon, offsetBy: 2)...]
            frames.append((address, rest == "no dwarf frames found for this address" ? [] : [String(rest)]))
        }
    }
}
