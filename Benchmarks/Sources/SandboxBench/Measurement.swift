/// One figure of the harness, printed as one JSON line that Benchmarks/compare.py reads. The
/// `metric` keys are shared with wasmtime_bench.py, which measures the same workloads.
struct Measurement {
    let metric: String
    /// nil when the workload cannot run here (then `note` says why).
    let value: Double?
    let unit: String
    var note: String = ""

    func jsonLine() -> String {
        let number = value.map { $0.isFinite ? String($0) : "null" } ?? "null"
        return
            #"{"metric": \#(Self.quoted(metric)), "value": \#(number), "unit": \#(Self.quoted(unit)), "note": \#(Self.quoted(note))}"#
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
