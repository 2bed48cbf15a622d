import WasmComponent
import WasmRuntime

/// `wasi:clocks` and `wasi:random`: granted by default to a component loaded without a manifest
/// (`InterfaceFamily.isGrantedByDefault`); revoked, a call traps naming the grant to give.
enum ClockAndRandomHosts {
    /// Reading a clock, summed up on the terminal as `clocks: N calls`.
    static var clockTraffic: (HostCallRequest, ComponentValue?) -> StreamTraffic? {
        WASIHost.Function.traffic("clocks", .other) { _ in 0 }
    }

    /// Random bytes handed out, summed up as `random: N reads, B bytes`.
    static func randomTraffic(bytes: @escaping (HostCallRequest) -> UInt64)
        -> (HostCallRequest, ComponentValue?) -> StreamTraffic?
    {
        WASIHost.Function.traffic("random", .read, bytes: bytes)
    }

    static var randomByteTraffic: (HostCallRequest, ComponentValue?) -> StreamTraffic? {
        randomTraffic { call in
            if case .u64(let count)? = call.arguments.first { return count }
            return 0
        }
    }

    static var monotonicClock: WASIHost {
        WASIHost(
            "wasi:clocks/monotonic-clock",
            [
                "now": .granted("func() -> u64", traffic: clockTraffic) { _ in .u64(MonotonicClock.now()) },
                "resolution": .granted("func() -> u64", traffic: clockTraffic) { _ in .u64(1) },
                "subscribe-instant": .granted("func(u64) -> own<pollable>", traffic: clockTraffic) { call in
                    let instant = try call.u64(0)
                    return try call.own(WASIPollable(origin: "subscribe-instant") { .deadline(instant) }, "pollable")
                },
                "subscribe-duration": .granted("func(u64) -> own<pollable>", traffic: clockTraffic) { call in
                    let now = MonotonicClock.now()
                    let (deadline, overflow) = now.addingReportingOverflow(try call.u64(0))
                    let instant = overflow ? UInt64.max : deadline
                    return try call.own(WASIPollable(origin: "subscribe-duration") { .deadline(instant) }, "pollable")
                },
            ])
    }

    static let datetime = "record { seconds: u64, nanoseconds: u32 }"

    static var wallClock: WASIHost {
        WASIHost(
            "wasi:clocks/wall-clock",
            [
                "now": .granted("func() -> \(datetime)", traffic: clockTraffic) { _ in
                    var time = timespec()
                    clock_gettime(CLOCK_REALTIME, &time)
                    return datetimeValue(seconds: UInt64(max(0, time.tv_sec)), nanoseconds: UInt32(time.tv_nsec))
                },
                "resolution": .granted("func() -> \(datetime)", traffic: clockTraffic) { _ in
                    datetimeValue(seconds: 0, nanoseconds: 1)
                },
            ])
    }

    static func datetimeValue(seconds: UInt64, nanoseconds: UInt32) -> ComponentValue {
        .record([
            ComponentValue.RecordField(name: "seconds", value: .u64(seconds)),
            ComponentValue.RecordField(name: "nanoseconds", value: .u32(nanoseconds)),
        ])
    }

    /// The most random bytes one call hands out: a guest asking for more traps, rather than make
    /// the host allocate what it asks (as wasmtime's `max_random_size`).
    static let randomByteLimit: UInt64 = 1 << 20

    static func randomBytes(_ call: WASICall) throws -> ComponentValue {
        let count = try call.u64(0)
        guard count <= randomByteLimit else {
            throw HostError(
                "\(call.context.function) asked for \(count) bytes, more than the limit of \(randomByteLimit)")
        }
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(count))
        while bytes.count < Int(count) {
            withUnsafeBytes(of: generator.next() as UInt64) { word in
                bytes.append(contentsOf: word.prefix(Int(count) - bytes.count))
            }
        }
        return WASICall.byteList(bytes)
    }

    static var random: [WASIHost] {
        [
            WASIHost(
                "wasi:random/random",
                [
                    "get-random-bytes": .granted("func(u64) -> list<u8>", traffic: randomByteTraffic, randomBytes),
                    "get-random-u64": .granted("func() -> u64", traffic: randomTraffic { _ in 8 }) { _ in
                        var generator = SystemRandomNumberGenerator()
                        return .u64(generator.next())
                    },
                ]),
            WASIHost(
                "wasi:random/insecure",
                [
                    "get-insecure-random-bytes": .granted(
                        "func(u64) -> list<u8>", traffic: randomByteTraffic, randomBytes),
                    "get-insecure-random-u64": .granted("func() -> u64", traffic: randomTraffic { _ in 8 }) { _ in
                        var generator = SystemRandomNumberGenerator()
                        return .u64(generator.next())
                    },
                ]),
            WASIHost(
                "wasi:random/insecure-seed",
                [
                    "insecure-seed": .granted("func() -> tuple<u64, u64>", traffic: randomTraffic { _ in 16 }) { _ in
                        var generator = SystemRandomNumberGenerator()
                        return .tuple([.u64(generator.next()), .u64(generator.next())])
                    }
                ]),
        ]
    }
}
