import Capabilities
import WasmRuntime

enum LimitsCommand: ShellCommand {
    static let name = "limits"
    static let syntax = CommandSyntax(
        [
            .option("memory", Argument("SIZE", .value)), .option("time", Argument("DURATION|off", .value)),
            .option("fuel", Argument("N|off", .value)), .option("lift", Argument("SIZE", .value)),
            .option("handles", Argument("N", .value)),
        ], unknownWordNoun: "limit")
    static let summary = "show or set the budgets of components loaded (or reloaded) from now on"
    static let example = "limits\nlimits memory 64MiB time 5s\nlimits fuel 100000000\nlimits lift 16MiB handles 10000"

    /// What each limit may be set to: wide enough for any real use, narrow enough that a value
    /// can never overflow what the runtime computes from it.
    static let memoryRange = (64 << 10)...(64 << 30)
    static let secondsRange = 0.001...(7 * 86_400.0)
    static let liftRange = (1 << 10)...(4 << 30)
    static let handlesRange = 1...10_000_000

    static func run(_ arguments: ParsedArguments, in session: Session) throws {
        var limits = session.environment.limits
        if let value = arguments.option("memory") {
            limits.memoryBytes = try parseBytes(
                value, in: memoryRange, for: "memory", note: " (one wasm page is 64 KiB)")
        }
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
        if let value = arguments.option("lift") {
            limits.liftBytesPerCall = try parseBytes(value, in: liftRange, for: "lift")
        }
        if let value = arguments.option("handles") {
            guard let count = Int(value), handlesRange.contains(count) else {
                throw ShellError(
                    "handles needs a number from \(handlesRange.lowerBound) to \(handlesRange.upperBound), not '\(value)'"
                )
            }
            limits.liveHandles = count
        }
        session.environment.limits = limits
        let time = limits.callSeconds.map { $0 == $0.rounded() ? "\(Int($0)) s" : "\($0) s" } ?? "unlimited"
        let fuel = limits.fuelPerCall.map { "\($0) per call" } ?? "unmetered"
        session.print(
            "limits for components loaded from now on: memory \(bytes(limits.memoryBytes)), time \(time) per call, "
                + "fuel \(fuel), lift \(bytes(limits.liftBytesPerCall)) per call, \(limits.liveHandles) handles")
    }

    static func bytes(_ count: Int) -> String {
        if count % (1 << 30) == 0 { return "\(count >> 30) GiB" }
        if count % (1 << 20) == 0 { return "\(count >> 20) MiB" }
        if count % (1 << 10) == 0 { return "\(count >> 10) KiB" }
        return "\(count) bytes"
    }

    /// `64MiB`, `1GiB`, `512KiB` or bytes, within `range`.
    static func parseBytes(_ text: String, in range: ClosedRange<Int>, for what: String, note: String = "")
        throws(ShellError) -> Int
    {
        var value: Int?
        for (suffix, scale) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where text.hasSuffix(suffix) {
            if let count = Int(text.dropLast(suffix.count)), count > 0, count <= Int.max / scale {
                value = count * scale
            }
        }
        if value == nil, let count = Int(text), count > 0 { value = count }
        guard let value else {
            throw ShellError("'\(text)' is not a size; write e.g. 64MiB, 1GiB or a number of bytes")
        }
        guard range.contains(value) else {
            throw ShellError(
                "\(what) must be from \(bytes(range.lowerBound)) to \(bytes(range.upperBound)), not \(text)\(note)")
        }
        return value
    }

    /// `30s`, `500ms`, `2m` or `off`, from a millisecond to a week.
    static func parseSeconds(_ text: String) throws(ShellError) -> Double? {
        if text == "off" { return nil }
        for (suffix, scale) in [("ms", 0.001), ("s", 1.0), ("m", 60.0)] where text.hasSuffix(suffix) {
            guard let value = Double(text.dropLast(suffix.count)), value.isFinite, value > 0 else { continue }
            let seconds = value * scale
            guard secondsRange.contains(seconds) else {
                throw ShellError("time must be from 1ms to 7 days (10080m), not \(text)")
            }
            return seconds
        }
        throw ShellError("'\(text)' is not a duration; write e.g. 30s, 500ms, 2m or off")
    }
}
