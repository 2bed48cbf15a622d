import WasmComponent
import WasmRuntime

/// `wasi:cli`: the program's environment, arguments, exit, and its standard streams.
enum CLIHosts {
    static var environment: WASIHost {
        WASIHost(
            "wasi:cli/environment",
            [
                // Only the variables granted: by name (wasmsh's own value) or name and value; an
                // unscoped grant passes wasmsh's whole environment. Refused: none at all.
                "get-environment": WASIHost.Function(
                    signature: "func() -> list<tuple<string, string>>", authority: { _ in .capability(.listing) },
                    denied: { _, _ in .list([]) }
                ) { call in
                    .list(variables(granted: call.authorization).map { .tuple([.string($0.name), .string($0.value)]) })
                },
                "get-arguments": .given("func() -> list<string>", "the arguments it was run with") { call in
                    .list(call.state.arguments.map { .string($0) })
                },
                // As wasmtime: a guest has no working directory unless one is given it.
                "initial-cwd": .given("func() -> option<string>", "no authority") { _ in .option(nil) },
            ])
    }

    /// The variables `authorization`'s grants pass, in grant order (all of wasmsh's for an
    /// unscoped grant, in the order the system lists them), less those denied.
    static func variables(granted authorization: HostAuthorization) -> [(name: String, value: String)] {
        let grants = authorization.grants()
        var variables: [(name: String, value: String)] = []
        if grants.contains(where: { $0.detail == nil }) {
            variables = ProcessEnvironment.all()
        } else {
            // In the order they were granted, as the user gave them.
            for rule in grants.sorted(by: { $0.ordinal < $1.ordinal }) {
                switch rule.detail {
                case .variable(let name, let value?)?: variables.append((name, value))
                case .variable(let name, nil)?:
                    if let value = getenv(name) { variables.append((name, String(cString: value))) }
                case .socket?, nil: continue
                }
            }
        }
        let context = authorization.context
        return variables.filter {
            authorization.allows(context.interface, function: context.function, .variable($0.name))
        }
    }

    static var exit: WASIHost {
        WASIHost(
            "wasi:cli/exit",
            [
                "exit": .free("func(result)", "no authority") { call in
                    guard case .result(let result) = try call.argument(0) else {
                        throw WASICall.malformed("exit needs a result")
                    }
                    if case .ok = result { throw GuestExit(status: 0) }
                    throw GuestExit(status: 1)
                },
                "exit-with-code": .free("func(u8)", "no authority") { call in
                    guard case .u8(let code) = try call.argument(0) else { throw WASICall.malformed("not a u8") }
                    throw GuestExit(status: Int32(code))
                },
            ])
    }

    /// `wasi:cli/stdout` or `stderr`: the stream is always given; what is written to it reaches
    /// the session only with the grant (`GuestOutputStream`).
    static func output(_ stream: GuestStream) -> WASIHost {
        WASIHost(
            "wasi:cli/\(stream.rawValue)",
            [
                "get-\(stream.rawValue)": .free(
                    "func() -> own<output-stream>", "a stream whose writes need wasi:cli/\(stream.rawValue)"
                ) { call in
                    try call.own(
                        GuestOutputStream(
                            stream: stream, capability: call.context.interface, component: call.context.component,
                            state: call.state), "output-stream")
                }
            ])
    }

    /// `wasi:cli/stdin`: the input the user named for the run, or a stream closed at once.
    static var input: WASIHost {
        WASIHost(
            "wasi:cli/stdin",
            [
                "get-stdin": .free("func() -> own<input-stream>", "the input it was given (or none)") { call in
                    try call.own(StandardInputStream(call.state.standardInput), "input-stream")
                }
            ])
    }

    /// `wasi:cli/terminal-*`: wasmsh never tells a guest it writes to a terminal, so that it
    /// sends no terminal controls of its own (its output is shown line by line, escaped).
    static var terminals: [WASIHost] {
        [
            WASIHost("wasi:cli/terminal-input", [:]),
            WASIHost("wasi:cli/terminal-output", [:]),
            WASIHost(
                "wasi:cli/terminal-stdin",
                [
                    "get-terminal-stdin": .free("func() -> option<own<terminal-input>>", "no authority") { _ in
                        .option(nil)
                    }
                ]),
            WASIHost(
                "wasi:cli/terminal-stdout",
                [
                    "get-terminal-stdout": .free("func() -> option<own<terminal-output>>", "no authority") { _ in
                        .option(nil)
                    }
                ]),
            WASIHost(
                "wasi:cli/terminal-stderr",
                [
                    "get-terminal-stderr": .free("func() -> option<own<terminal-output>>", "no authority") { _ in
                        .option(nil)
                    }
                ]),
        ]
    }
}

/// wasmsh's own environment, as the C library holds it.
enum ProcessEnvironment {
    static func all() -> [(name: String, value: String)] {
        var variables: [(name: String, value: String)] = []
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                variables.append((String(text[..<equals]), String(text[text.index(after: equals)...])))
            }
            entry += 1
        }
        return variables
    }
}
