import WasmComponent
import WasmRuntime

/// `wasi:io`: errors, streams and polling. Nothing here gives authority of its own: a call works
/// on a handle the guest already holds, and a read or write needs the grant of whatever the
/// stream came from (standard output, a file), checked at every call.
enum IOHosts {
    static let streamError = "variant { last-operation-failed(own<error>), closed }"

    static var error: WASIHost {
        WASIHost(
            "wasi:io/error",
            [
                "[method]error.to-debug-string": .free("func(borrow<error>) -> string", "an error it holds") { call in
                    .string(try call.object(0, as: WASIError.self).message)
                }
            ])
    }

    static var poll: WASIHost {
        WASIHost(
            "wasi:io/poll",
            [
                "[method]pollable.ready": .free("func(borrow<pollable>) -> bool", "a pollable it holds") { call in
                    .bool(try PollWaiter.isReadyNow(try call.object(0, as: WASIPollable.self)))
                },
                "[method]pollable.block": .free("func(borrow<pollable>)", "a pollable it holds") { call in
                    _ = try PollWaiter.wait(
                        for: [try call.object(0, as: WASIPollable.self)], interruption: call.context.interruption)
                    return nil
                },
                "poll": .free("func(list<borrow<pollable>>) -> list<u32>", "pollables it holds") { call in
                    guard case .list(let handles) = try call.argument(0) else {
                        throw WASICall.malformed("poll needs a list of pollables")
                    }
                    // As wasmtime: an empty list would wait forever, and the list's length is a u32.
                    guard !handles.isEmpty else { throw HostError("poll was given no pollables") }
                    let pollables = try handles.map { value -> WASIPollable in
                        guard case .handle(let handle) = value else { throw WASICall.malformed("not a pollable") }
                        return try WASICall.object(handle, in: call.context, state: call.state, as: WASIPollable.self)
                    }
                    let ready = try PollWaiter.wait(for: pollables, interruption: call.context.interruption)
                    return .list(ready.map { .u32(UInt32($0)) })
                },
            ])
    }

    static var streams: WASIHost {
        func input(_ call: HostCallRequest) -> HostAuthority {
            (try? object(call, as: (any InputStreamObject).self))?.authority ?? .none(basis: "an unknown stream")
        }
        func output(_ call: HostCallRequest) -> HostAuthority {
            (try? object(call, as: (any OutputStreamObject).self))?.authority ?? .none(basis: "an unknown stream")
        }
        /// A refused write: dropped quietly for standard output, else `last-operation-failed`.
        func refusedWrite(_ call: HostCallRequest, _ message: String) throws -> ComponentValue? {
            let stream = try object(call, as: (any OutputStreamObject).self)
            if stream.droppedWhenRefused { return .result(.ok(call.function.contains("splice") ? .u64(0) : nil)) }
            return try refused(call, message)
        }
        /// A refused read or write (a file whose grant was revoked): the operation fails, with the
        /// refusal as its error, as a read or write the system refused would.
        func refused(_ call: HostCallRequest, _ message: String) throws -> ComponentValue? {
            let error = try WASICall.own(WASIError(message: message), "error", context: call.context, state: call.state)
            return .result(.err(.variant(caseName: "last-operation-failed", payload: error)))
        }
        func read(_ call: WASICall, blocking: Bool) throws -> ComponentValue {
            let stream = try call.object(0, as: (any InputStreamObject).self)
            let maximum = Int(clamping: min(try call.u64(1), readLimit))
            let result =
                blocking
                ? try stream.blockingRead(maximum, interruption: call.context.interruption) : stream.read(maximum)
            return try call.streamResult(result.map { WASICall.byteList($0) })
        }
        func skip(_ call: WASICall, blocking: Bool) throws -> ComponentValue {
            let stream = try call.object(0, as: (any InputStreamObject).self)
            let maximum = Int(clamping: min(try call.u64(1), readLimit))
            let result =
                blocking
                ? try stream.blockingRead(maximum, interruption: call.context.interruption) : stream.read(maximum)
            return try call.streamResult(result.map { .u64(UInt64($0.count)) })
        }
        func write(_ call: WASICall, _ bytes: [UInt8], flush: Bool) throws -> ComponentValue {
            let stream = try call.object(0, as: (any OutputStreamObject).self)
            var result = stream.write(bytes)
            if flush, case .success = result {
                result = try stream.blockingFlush(interruption: call.context.interruption)
            }
            return try call.streamResult(result.map { nil })
        }
        func splice(_ call: WASICall, blocking: Bool) throws -> ComponentValue {
            let destination = try call.object(0, as: (any OutputStreamObject).self)
            let source = try call.object(1, as: (any InputStreamObject).self)
            var maximum = Int(clamping: min(try call.u64(2), readLimit))
            if case .success(let room) = destination.checkWrite() { maximum = min(maximum, Int(clamping: room)) }
            let read =
                blocking
                ? try source.blockingRead(maximum, interruption: call.context.interruption) : source.read(maximum)
            switch read {
            case .failure(let error): return .result(.err(try call.streamError(error)))
            case .success(let bytes):
                return try call.streamResult(destination.write(bytes).map { .u64(UInt64(bytes.count)) })
            }
        }
        let result = "result<_, \(streamError)>"
        let readTraffic = traffic(.read) { _, result in
            switch result {
            case .result(.ok(.list(let bytes)?))?: UInt64(bytes.count)
            case .result(.ok(.u64(let count)?))?: count
            default: 0
            }
        }
        let writeTraffic = traffic(.write) { call, _ in
            switch call.arguments.dropFirst().first {
            case .list(let bytes)?: UInt64(bytes.count)
            case .u64(let count)?: count
            default: 0
            }
        }
        let spliceTraffic = traffic(.write) { call, result in
            if case .result(.ok(.u64(let count)?))? = result { return count }
            return 0
        }
        let otherTraffic = traffic(.other) { _, _ in 0 }
        return WASIHost(
            "wasi:io/streams",
            [
                "[method]input-stream.read": WASIHost.Function(
                    signature: "func(borrow<input-stream>, u64) -> result<list<u8>, \(streamError)>", authority: input,
                    traffic: readTraffic, denied: refused
                ) { try read($0, blocking: false) },
                "[method]input-stream.blocking-read": WASIHost.Function(
                    signature: "func(borrow<input-stream>, u64) -> result<list<u8>, \(streamError)>", authority: input,
                    traffic: readTraffic, denied: refused
                ) { try read($0, blocking: true) },
                "[method]input-stream.skip": WASIHost.Function(
                    signature: "func(borrow<input-stream>, u64) -> result<u64, \(streamError)>", authority: input,
                    traffic: readTraffic, denied: refused
                ) { try skip($0, blocking: false) },
                "[method]input-stream.blocking-skip": WASIHost.Function(
                    signature: "func(borrow<input-stream>, u64) -> result<u64, \(streamError)>", authority: input,
                    traffic: readTraffic, denied: refused
                ) { try skip($0, blocking: true) },
                "[method]input-stream.subscribe": .free(
                    "func(borrow<input-stream>) -> own<pollable>", "a stream it holds", traffic: otherTraffic
                ) { call in
                    let stream = try call.object(0, as: (any InputStreamObject).self)
                    return try call.own(
                        WASIPollable(origin: "subscribe") { [weak stream] in stream?.readiness ?? .ready }, "pollable")
                },
                "[method]output-stream.check-write": .free(
                    "func(borrow<output-stream>) -> result<u64, \(streamError)>", "a stream it holds",
                    traffic: otherTraffic
                ) { call in
                    try call.streamResult(
                        try call.object(0, as: (any OutputStreamObject).self).checkWrite().map { .u64($0) })
                },
                "[method]output-stream.write": WASIHost.Function(
                    signature: "func(borrow<output-stream>, list<u8>) -> \(result)", authority: output,
                    traffic: writeTraffic,
                    denied: refusedWrite
                ) { call in try write(call, try call.bytes(1), flush: false) },
                "[method]output-stream.blocking-write-and-flush": WASIHost.Function(
                    signature: "func(borrow<output-stream>, list<u8>) -> \(result)", authority: output,
                    traffic: writeTraffic,
                    denied: refusedWrite
                ) { call in
                    let bytes = try call.bytes(1)
                    // As WASI says and wasmtime does: more than 4 KiB at once is the guest's error.
                    guard bytes.count <= 4096 else {
                        throw HostError("blocking-write-and-flush was given \(bytes.count) bytes, more than 4096")
                    }
                    return try write(call, bytes, flush: true)
                },
                "[method]output-stream.flush": .free(
                    "func(borrow<output-stream>) -> \(result)", "a stream it holds", traffic: otherTraffic
                ) {
                    call in
                    try call.streamResult(try call.object(0, as: (any OutputStreamObject).self).flush().map { nil })
                },
                "[method]output-stream.blocking-flush": .free(
                    "func(borrow<output-stream>) -> \(result)", "a stream it holds", traffic: otherTraffic
                ) { call in
                    let stream = try call.object(0, as: (any OutputStreamObject).self)
                    return try call.streamResult(
                        try stream.blockingFlush(interruption: call.context.interruption).map { nil })
                },
                "[method]output-stream.subscribe": .free(
                    "func(borrow<output-stream>) -> own<pollable>", "a stream it holds", traffic: otherTraffic
                ) { call in
                    let stream = try call.object(0, as: (any OutputStreamObject).self)
                    return try call.own(
                        WASIPollable(origin: "subscribe") { [weak stream] in stream?.readiness ?? .ready }, "pollable")
                },
                "[method]output-stream.write-zeroes": WASIHost.Function(
                    signature: "func(borrow<output-stream>, u64) -> \(result)", authority: output,
                    traffic: writeTraffic, denied: refusedWrite
                ) { call in try write(call, zeroes(try call.u64(1)), flush: false) },
                "[method]output-stream.blocking-write-zeroes-and-flush": WASIHost.Function(
                    signature: "func(borrow<output-stream>, u64) -> \(result)", authority: output,
                    traffic: writeTraffic, denied: refusedWrite
                ) { call in try write(call, zeroes(try call.u64(1)), flush: true) },
                "[method]output-stream.splice": WASIHost.Function(
                    signature: "func(borrow<output-stream>, borrow<input-stream>, u64) -> result<u64, \(streamError)>",
                    authority: output, traffic: spliceTraffic, denied: refusedWrite
                ) { try splice($0, blocking: false) },
                "[method]output-stream.blocking-splice": WASIHost.Function(
                    signature: "func(borrow<output-stream>, borrow<input-stream>, u64) -> result<u64, \(streamError)>",
                    authority: output, traffic: spliceTraffic, denied: refusedWrite
                ) { try splice($0, blocking: true) },
            ])
    }

    /// The traffic of a call on the stream in its first argument, moving (or refused: trying to
    /// move) `bytes`.
    private static func traffic(
        _ direction: StreamTraffic.Direction, _ bytes: @escaping (HostCallRequest, ComponentValue?) -> UInt64
    ) -> (HostCallRequest, ComponentValue?) -> StreamTraffic? {
        { call, result in
            guard let stream = try? object(call, as: (any NamedStream).self) else { return nil }
            return StreamTraffic(channel: stream.channel, direction: direction, bytes: bytes(call, result))
        }
    }

    /// The most one read or write moves: what a guest asks for beyond it, it gets in pieces.
    static let readLimit: UInt64 = 1 << 20

    private static func zeroes(_ count: UInt64) throws -> [UInt8] {
        guard count <= 4096 else { throw HostError("write-zeroes was given \(count) bytes, more than 4096") }
        return [UInt8](repeating: 0, count: Int(count))
    }

    /// The object behind a call's first argument, before the call is decided.
    private static func object<T>(_ call: HostCallRequest, as type: T.Type) throws -> T {
        guard case .handle(let handle)? = call.arguments.first else { throw WASICall.malformed("no handle") }
        return try WASICall.object(handle, in: call.context, state: call.state, as: type)
    }
}
