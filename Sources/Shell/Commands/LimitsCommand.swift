import Capabilities
import WasmRuntime

enum LimitsCommand: ShellCommand {
    static let name = "limits"
    static let syntax = CommandSyntax(
        [
            .option("memory", Argument("SIZE", .value)), .option("time", Argument("DURATION|off", .value)),
            .option("fuel", Argument("N|off", .value)),
        ], unknownWordNoun: "limit")
    static let summary = "show or set the budgets of components loaded (or reloaded) from now on"
    static let example = "limits\nlimits memory 64MiB time 5s\nlimits fuel 100000000"

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        var limits = session.environment.limits
        if let value = arguments.option("memory") { limits.memoryBytes = try parseBytes(value) }
        if let value = arguments.option("time") { limits.callSeconds = try parseSeconds(value) }
        if let value = arguments.option("fuel") {
            if value == "off" {
                limits.fuelPerCall = nil
            } else {
                guard let fuel = UInt64(value), fuel > 0 else {
                    throw ShellError("fuel needs a positive number or off, not '\(value)'")
                }
                limits.fuelPerCall = fuel
            }
        }
        session.environment.limits = limits
        let time = limits.callSeconds.map { $0 == $0.rounded() ? "\(Int($0)) s" : "\($0) s" } ?? "unlimited"
        let fuel = limits.fuelPerCall.map { "\($0) per call" } ?? "unmetered"
        session.print(
            "limits for components loaded from now on: memory \(bytes(limits.memoryBytes)), time \(time) per call, fuel \(fuel)"
        )
    }

    static func bytes(_ count: Int) -> String {
        if count % (1 << 30) == 0 { return "\(count >> 30) GiB" }
        if count % (1 << 20) == 0 { return "\(count >> 20) MiB" }
        if count % (1 << 10) == 0 { return "\(count >> 10) KiB" }
        return "\(count) bytes"
    }

    /// `64MiB`, `1GiB`, `512KiB` or bytes.
    static func parseBytes(_ text: String) throws(ShellError) -> Int {
        for (suffix, scale) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where text.hasSuffix(suffix) {
            if let value = Int(text.dropLast(suffix.count)), value > 0, value <= Int.max / scale {
                return value * scale
            }
        }
        if let value = Int(text), value > 0 { return value }
        throw ShellError("'\(text)' is not a size; write e.g. 64MiB, 1GiB or a number of bytes")
    }

    /// `30s`, `500ms`, `2m` or `off`.
    static func parseSeconds(_ text: String) throws(ShellError) -> Double? {
        if text == "off" { return nil }
        for (suffix, scale) in [("ms", 0.001), ("s", 1.0), ("m", 60.0)] where text.hasSuffix(suffix) {
            if let value = Double(text.dropLast(suffix.count)), value > 0, value.isFinite { return value * scale }
        }
        throw ShellError("'\(text)' is not a duration; write e.g. 30s, 500ms, 2m or off")
    }
}
