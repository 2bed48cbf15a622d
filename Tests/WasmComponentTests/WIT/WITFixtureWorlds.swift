@testable import WasmComponent

/// Hand-built models of the components behind Fixtures/*, in the order the components list
/// their imports, exports, instance types and functions (read off `wasm-tools print`).
enum WITFixtureWorlds {
    typealias M = WITModel

    static func skill() -> ComponentWorld {
        ComponentWorld(
            imports: [
                .interface(
                    M.interface(
                        "sandbox:skill/filesystem",
                        functions: [M.function("read-file", [("path", .string)], .result(ok: .string, err: .string))]))
            ],
            exports: [
                .interface(M.interface("sandbox:skill/skill", functions: [M.function("run", [], .string)]))
            ])
    }

    static func emptyWorld() -> ComponentWorld {
        ComponentWorld(imports: [], exports: [])
    }

    static func onlyExportedFunction() -> ComponentWorld {
        ComponentWorld(imports: [], exports: [.function(M.function("f", [], .u8))])
    }

    static func onlyImportedFunction() -> ComponentWorld {
        ComponentWorld(imports: [.function(M.function("f", [], .u8))], exports: [])
    }

    static func worldUse() -> ComponentWorld {
        let point = M.record("p", [("x", .u8)])
        return ComponentWorld(
            imports: [
                .interface(M.interface("e:e/i", types: [M.named("p", point)], functions: [M.function("g", [], point)])),
                .type(M.use("p", from: "e:e/i")),
                .function(M.function("f", [("x", point)])),
            ],
            exports: [])
    }

    static func keywordFields() -> ComponentWorld {
        let names = [
            "use", "type", "func", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "f32", "f64",
            "float32", "float64", "char", "resource", "record", "flags", "variant", "enum", "bool", "string",
            "option", "result", "future", "stream", "list", "own", "borrow", "as", "from", "static",
            "interface", "tuple", "world", "import", "export", "package", "with", "include", "constructor",
            "error-context", "async", "map", "self", "true", "false", "none", "some", "ok", "err",
            "include-names", "callback", "await", "fixed-size-list", "fixed-length-list", "list2",
            "interface2", "since", "unstable", "deprecated", "version", "feature",
        ]
        let record = M.record("r", names.map { ($0, ValueType.u8) })
        return ComponentWorld(
            imports: [.type(M.named("r", record)), .function(M.function("f", [("a", record)]))],
            exports: [])
    }

    static func shapes() -> ComponentWorld {
        let types = "demo:shapes/types@0.2.0"
        let ops = "demo:shapes/ops@0.2.0"
        let point = M.record("point", [("x", .s32), ("y", .s32)])
        let cart = ResourceType(name: "cart")
        let shape = M.variant("shape", [("circle", .u32), ("rect", point), ("none", nil)])
        let color = M.enumeration("color", ["red", "green", "blue"])
        let size = ValueType.alias(name: "size", .u64)
        let typesInterface = M.interface(
            types,
            types: [
                M.named("point", point), M.resource(cart), M.named("shape", shape), M.named("color", color),
                M.named("size", .u64),
            ],
            functions: [
                M.function("[constructor]cart", [("owner", .string)], .own(cart)),
                M.function("[method]cart.add-line", [("self", .borrow(cart)), ("item", .string), ("qty", .u32)]),
                M.function("[method]cart.total", [("self", .borrow(cart))], .u64),
                M.function("[static]cart.open", [("id", .u32)], .own(cart)),
                M.function("[method]cart.merge", [("self", .borrow(cart)), ("other", .borrow(cart))], .own(cart)),
            ])
        // `colour` is `color` under a local name; the model keeps the enum's own name and the
        // printer finds the local one through the `use`.
        let nestedParameter = ValueType.list(
            .option(.result(ok: .list(.u8), err: .tuple([.u32, color]))))
        let opsInterface = M.interface(
            ops,
            types: [
                M.use("shape", from: types), M.use("point", from: types), M.use("cart", from: types),
                M.use("color", from: types, as: "colour"), M.use("size", from: types),
            ],
            functions: [
                M.function("area", [("s", shape)], .f64),
                M.function("move", [("p", point), ("d", .tuple([.s32, .s32]))], point),
                M.function("checkout", [("c", .borrow(cart))], .result(ok: nil, err: .string)),
                M.function("make", [], .own(cart)),
                M.function("nested", [("x", nestedParameter)], .result(ok: size, err: nil)),
                M.function("empty", [], .result(ok: nil, err: nil)),
                M.function(
                    "both",
                    [("a", .bool), ("b", .char), ("c", .f32), ("d", .s8), ("e", .s16), ("f", .s64), ("g", .u16)],
                    .result(ok: nil, err: nil)),
            ])
        let environment = M.interface(
            "wasi:cli/environment@0.2.0",
            functions: [
                M.function("get-environment", [], .list(.tuple([.string, .string]))),
                M.function("get-arguments", [], .list(.string)),
                M.function("initial-cwd", [], .option(.string)),
            ])
        let thing = M.record("thing", [("a", .u8)])
        let local = M.interface("local", types: [M.named("thing", thing)], functions: [M.function("get", [], thing)])
        return ComponentWorld(
            imports: [
                .interface(typesInterface), .interface(opsInterface), .interface(environment), .interface(local),
                .type(M.use("point", from: types)),
                .function(M.function("log", [("msg", .string)])),
                .function(M.function("pt", [], point)),
            ],
            exports: [
                .function(M.function("add", [("a", .u32), ("b", .u32)], .u32)),
                .function(M.function("interface", [])),
                .function(M.function("mk", [("p", point)], point)),
                .interface(opsInterface),
            ])
    }

    static func keywordsAndDeps() -> ComponentWorld {
        let res = ResourceType(name: "res")
        let thing = M.record("thing", [("a", .u32)])
        let t = M.interface("b:y/t", types: [M.resource(res), M.named("thing", thing)])
        let one = M.interface("a:x/one@1.0.0", functions: [M.function("ping")])
        // The resource keeps its identity and name `res`; interface `two` calls it `trolley`.
        let two = M.interface(
            "a:x/two@1.0.0",
            types: [
                M.use("thing", from: "b:y/t"), M.use("res", from: "b:y/t", as: "trolley"),
                M.named("h", .own(res)), M.named("bh", .borrow(res)),
            ],
            functions: [
                M.function("take", [("t", thing), ("r", .borrow(res))], .own(res)),
                M.function("keep", [("x", .alias(name: "h", .own(res))), ("y", .alias(name: "bh", .borrow(res)))]),
            ])

        let list = ResourceType(name: "list")
        let empty = ResourceType(name: "empty")
        let record = M.record("record", [("use", .own(list)), ("enum", .own(empty))])
        let tuple = ValueType.alias(name: "tuple", .tuple([.u8]))
        let opt = ValueType.alias(name: "opt", .option(.u8))
        let lst = ValueType.alias(name: "lst", .list(record))
        let resultAlias = ValueType.alias(name: "res", .result(ok: .u8, err: nil))
        let variant = M.variant("variant", [("borrow", nil), ("own", .u8)])
        let enumeration = M.enumeration("enum", ["interface", "world"])
        let flags = M.flags("flags", ["as", "with"])
        let keywordInterface = M.interface(
            "a:x/type@1.0.0",
            types: [
                M.resource(list), M.resource(empty), M.named("record", record), M.named("tuple", tuple),
                M.named("opt", opt), M.named("lst", lst), M.named("res", resultAlias), M.named("alias2", record),
                M.named("variant", variant), M.named("enum", enumeration), M.named("flags", flags),
            ],
            functions: [
                M.function("[constructor]list", [("n", .u32)], .result(ok: .own(list), err: .string)),
                M.function("[static]list.static", [], .own(list)),
                M.function("[method]list.func", [("self", .borrow(list)), ("type", .u8)], .option(.own(list))),
                M.function(
                    "get",
                    [
                        ("a", .alias(name: "alias2", record)), ("b", tuple), ("c", opt), ("d", lst), ("e", resultAlias),
                        ("f", variant), ("g", enumeration), ("h", flags), ("i", .own(empty)),
                    ],
                    .own(list)),
            ])

        let pt = M.record("pt", [("x", .u8)])
        let wr = ResourceType(name: "wr")
        return ComponentWorld(
            imports: [
                .interface(one), .interface(t), .interface(two),
                .type(M.named("pt", pt)), .type(M.resource(wr)),
                .function(M.function("f1", [("p", pt)], .own(wr))),
                .function(M.function("f2")),
                .function(M.function("[constructor]wr", [], .own(wr))),
                .function(M.function("[method]wr.m", [("self", .borrow(wr))])),
            ],
            exports: [.function(M.function("e1")), .interface(keywordInterface)])
    }

    static func exportedInterfaces() -> ComponentWorld {
        let streams = "wasi:io/streams@0.2.0-rc-2023-11-10"
        let inputStream = ResourceType(name: "input-stream")
        let entry = M.record("entry", [("name", .string), ("size", .u64)])
        let handle = ResourceType(name: "handle")
        let thing = ResourceType(name: "thing")
        return ComponentWorld(
            imports: [
                .interface(
                    M.interface(
                        streams, types: [M.resource(inputStream)],
                        functions: [
                            M.function(
                                "[method]input-stream.read", [("self", .borrow(inputStream)), ("len", .u64)],
                                .list(.u8))
                        ]))
            ],
            exports: [
                .function(
                    M.function(
                        "use", [("list", .list(.u8))],
                        .tuple([.u8, .list(.tuple([.string, .option(.s8)]))]))),
                .interface(
                    M.interface(
                        "sandbox:skill/types", types: [M.named("entry", entry), M.resource(handle)],
                        functions: [
                            M.function("[method]handle.read", [("self", .borrow(handle)), ("n", .u32)], .list(.u8))
                        ])),
                .interface(
                    M.interface(
                        "sandbox:skill/api",
                        types: [
                            M.use("entry", from: "sandbox:skill/types"), M.use("handle", from: "sandbox:skill/types"),
                        ],
                        functions: [
                            M.function("list-dir", [("path", .string)], .result(ok: .list(entry), err: .string)),
                            M.function("open", [("path", .string)], .result(ok: .own(handle), err: .string)),
                        ])),
                .interface(
                    M.interface(
                        "local2",
                        types: [M.use("input-stream", from: streams), M.resource(thing)],
                        functions: [
                            M.function("[constructor]thing", [], .own(thing)),
                            M.function("[method]thing.consume", [("self", .borrow(thing)), ("s", .own(inputStream))]),
                            M.function("make", [], .own(thing)),
                            M.function("tell", [("t", .borrow(thing))], .u32),
                        ])),
            ])
    }

    static func useGroups() -> ComponentWorld {
        let a = "p:uses/a@2.1.0"
        let b = "p:uses/b@2.1.0"
        let defs = "q:other/defs@3.0.0"
        let x = M.record("x", [("v", .u8)])
        let z = M.record("z", [("w", .u16)])
        let cart = ResourceType(name: "cart")
        let y = M.enumeration("y", ["one", "two"])
        let stamp = ValueType.alias(name: "stamp", .u64)
        let counter = ValueType.alias(name: "counter", .u32)
        let mode = M.flags("mode", ["fast", "safe"])
        let level = M.enumeration("level", ["low", "high"])
        return ComponentWorld(
            imports: [
                .interface(
                    M.interface(
                        a,
                        types: [M.named("x", x), M.resource(cart), M.resource(cart, as: "c2"), M.named("z", z)],
                        functions: [M.function("only", [("c", .borrow(cart))], .alias(name: "c2", .own(cart)))])),
                .interface(M.interface(b, types: [M.named("y", y)])),
                .interface(M.interface(defs, types: [M.named("stamp", .u64)])),
                .interface(
                    M.interface(
                        "p:uses/c@2.1.0",
                        types: [
                            M.use("x", from: a), M.use("y", from: b), M.use("z", from: a), M.use("stamp", from: defs),
                        ],
                        functions: [M.function("f", [("x", x), ("y", y), ("z", z), ("s", stamp)])])),
                .type(M.use("x", from: a)), .type(M.use("cart", from: a)), .type(M.use("y", from: b)),
                .type(M.named("counter", .u32)), .type(M.named("mode", mode)), .type(M.named("level", level)),
                .function(
                    M.function(
                        "g", [("x", x), ("y", y), ("c", counter), ("m", mode), ("l", level)],
                        .result(ok: nil, err: .string))),
            ],
            exports: [
                .function(M.function("h", [("c", .own(cart))])),
                .interface(
                    M.interface(
                        "p:uses/only-types@2.1.0",
                        types: [
                            M.named("perms", M.flags("perms", ["read", "write"])),
                            M.named("v", M.variant("v", [("a", nil), ("b", .string)])),
                        ])),
            ])
    }

    /// wasi:http-style resource aliases: `type headers = fields` and `use ... {error as io-error}`.
    /// Handles keep the resource's identity; the printer finds the local name through the scope.
    static func resourceAliases() -> ComponentWorld {
        let errorInterface = "wasi:io/error@0.2.0"
        let streamsInterface = "wasi:io/streams@0.2.0"
        let typesInterface = "demo:http/types@0.2.0"
        let error = ResourceType(name: "error")
        let inputStream = ResourceType(name: "input-stream")
        let fields = ResourceType(name: "fields")
        let incomingBody = ResourceType(name: "incoming-body")
        let errorCode = M.variant("error-code", [("dns-timeout", nil), ("internal-error", .option(.string))])
        return ComponentWorld(
            imports: [
                .interface(
                    M.interface(
                        errorInterface, types: [M.resource(error)],
                        functions: [M.function("[method]error.to-debug-string", [("self", .borrow(error))], .string)])),
                .interface(
                    M.interface(
                        streamsInterface, types: [M.resource(inputStream), M.use("error", from: errorInterface)],
                        functions: [
                            M.function(
                                "[method]input-stream.read", [("self", .borrow(inputStream)), ("len", .u64)],
                                .result(ok: .list(.u8), err: .own(error)))
                        ])),
                .interface(
                    M.interface(
                        typesInterface,
                        types: [
                            M.resource(fields), M.named("error-code", errorCode), M.resource(incomingBody),
                            M.use("input-stream", from: streamsInterface), M.resource(fields, as: "trailers"),
                            M.use("error", from: errorInterface, as: "io-error"), M.resource(fields, as: "headers"),
                        ],
                        functions: [
                            M.function("[constructor]fields", [], .own(fields)),
                            M.function(
                                "[static]fields.from-list", [("entries", .list(.tuple([.string, .list(.u8)])))],
                                .result(ok: .own(fields), err: errorCode)),
                            M.function(
                                "[method]fields.get", [("self", .borrow(fields)), ("name", .string)], .list(.list(.u8))),
                            M.function("[method]fields.clone", [("self", .borrow(fields))], .own(fields)),
                            M.function(
                                "[method]incoming-body.stream", [("self", .borrow(incomingBody))],
                                .result(ok: .own(inputStream), err: nil)),
                            M.function(
                                "[static]incoming-body.finish", [("this", .own(incomingBody))],
                                .option(.alias(name: "trailers", .own(fields)))),
                            M.function("http-error-code", [("err", .borrow(error))], .option(errorCode)),
                        ])),
            ],
            exports: [
                .interface(
                    M.interface(
                        "demo:http/handler@0.2.0",
                        types: [
                            M.use("incoming-body", from: typesInterface), M.use("error-code", from: typesInterface),
                            M.use("headers", from: typesInterface),
                        ],
                        functions: [
                            M.function(
                                "handle", [("body", .own(incomingBody)), ("h", .own(fields))],
                                .result(ok: nil, err: errorCode))
                        ]))
            ])
    }
}
