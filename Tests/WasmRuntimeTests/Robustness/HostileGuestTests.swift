import Foundation
import Testing
import WasmComponent
import WasmRuntime

/// `components/hostile.wasm` and `hostile-utf16.wasm` hand the host invalid canonical-ABI
/// data on purpose. Every such call must fail with an error naming what was wrong and where,
/// leave the process alive, and leave the component usable for a correct call.
@Suite("Hostile guests")
struct HostileGuestTests {
    /// The host's `greeting` answers; anything else is denied.
    static func load(_ name: String) throws -> LoadedComponent {
        try LoadedComponent(
            bytes: try fixtureBytes(name), name: name, providedInterfaces: ["test:hostile/host"],
            hostCall: { context, _ in
                guard context.function == "greeting" else { throw LoadError("\(context.function) is denied") }
                return .string("hello from the host")
            })
    }

    static func call(_ component: LoadedComponent, _ expression: String) throws -> ComponentValue? {
        let call = try CallExpression(expression, in: component)
        return try component.call(call.export, call.arguments)
    }

    /// Calls `expression`, expects it to fail with `message` in the error text, then checks that
    /// `ok()` still answers.
    static func expectRefused(_ component: LoadedComponent, _ expression: String, _ message: String) throws {
        let error = #expect(throws: (any Error).self, "\(expression) should fail") {
            try call(component, expression)
        }
        let text = error.map { "\($0)" } ?? ""
        #expect(text.contains(message), "\(expression) failed with: \(text)")
        #expect(try call(component, "ok()") == .string("still usable"), "ok() after \(expression)")
    }

    static let refusedResults: [(call: String, message: String)] = [
        (
            "string-out-of-bounds()",
            "result: string at 0xffffff00 (length 512) is out of bounds of memory (65536 bytes)"
        ),
        (
            "string-too-long()",
            "result: string at 0x10 has length 2147483648 (2147483648 bytes), more than the limit of 268435455 bytes"
        ),
        ("invalid-utf8()", "result: invalid UTF-8 in string at 0x10"),
        (
            "return-area-out-of-bounds()",
            "result: string at 0xfffffffc (8 bytes) is out of bounds of memory (65536 bytes)"
        ),
        ("return-area-misaligned()", "result: pointer 0x401 is not aligned to 4 for string"),
        (
            "list-length-overflow()",
            "result: list<u64> at 0x400 has length 1073741823 of 8-byte elements, more than the limit of 268435455 bytes"
        ),
        ("list-misaligned()", "result: pointer 0x401 is not aligned to 8 for list<u64>"),
        ("list-out-of-bounds()", "result: list<u32> at 0xfffc (length 2) is out of bounds of memory (65536 bytes)"),
        ("bad-variant()", "result: invalid discriminant 7 for variant (3 cases)"),
        ("bad-enum()", "result: invalid discriminant 5 for enum (3 cases)"),
        ("bad-option()", "result: invalid discriminant 2 for option<u32> (2 cases)"),
        ("bad-result()", "result: invalid discriminant 3 for result<u32, string> (2 cases)"),
        ("unknown-flags()", "result: unknown flag bits 0x8 for flags"),
        ("surrogate-char()", "result: char 0xD800 is not a Unicode scalar value"),
        ("char-too-large()", "result: char 0x110000 is not a Unicode scalar value"),
        ("forged-handle()", "unknown handle index 42 for resource token"),
    ]

    @Test("invalid results are refused with a message naming the problem", arguments: refusedResults)
    func invalidResults(call: String, message: String) throws {
        try Self.expectRefused(try Self.load("hostile"), call, message)
    }

    @Test("every invalid result in a row, on one instance, and it still answers afterwards")
    func oneInstanceSurvivesAll() throws {
        let component = try Self.load("hostile")
        for (call, message) in Self.refusedResults { try Self.expectRefused(component, call, message) }
    }

    @Test("a nonzero bool other than 1 lifts as true, as the canonical ABI says")
    func nonzeroBool() throws {
        #expect(try Self.call(try Self.load("hostile"), "nonzero-bool()") == .bool(true))
    }

    static let reallocModes: [(mode: Int, call: String, message: String)] = [
        (
            1, #"take-string("abc")"#,
            "argument `s`: string allocated by realloc at 0xfffffff0 (3 bytes) is out of bounds of memory (65536 bytes)"
        ),
        (
            1, "take-list([1, 2])",
            "argument `l`: list<u32> allocated by realloc at 0xfffffff0 (8 bytes) is out of bounds of memory (65536 bytes)"
        ),
        (
            1, "fetch-greeting()",
            "import test:hostile/host.greeting result: string allocated by realloc at 0xfffffff0 (19 bytes) is out of bounds of memory (65536 bytes)"
        ),
        (2, "take-list([1, 2])", "is not aligned to 4 for list<u32> (returned by realloc)"),
        (
            3, #"take-string("abcdefgh")"#,
            "argument `s`: string allocated by realloc at 0xfffc (8 bytes) is out of bounds of memory (65536 bytes)"
        ),
        (
            3, "fetch-greeting()",
            "import test:hostile/host.greeting result: string allocated by realloc at 0xfffc (19 bytes) is out of bounds of memory (65536 bytes)"
        ),
    ]

    @Test("a realloc returning bad blocks fails the lowering that asked for them", arguments: reallocModes)
    func badRealloc(mode: Int, call: String, message: String) throws {
        let component = try Self.load("hostile")
        _ = try Self.call(component, "set-realloc-mode(\(mode))")
        guard call == "fetch-greeting()" else {
            // Lowering an export's arguments fails before the guest runs: it stays usable.
            try Self.expectRefused(component, call, message)
            _ = try Self.call(component, "set-realloc-mode(0)")
            #expect(try Self.call(component, "fetch-greeting()") == .string("hello from the host"))
            #expect(try Self.call(component, #"take-string("abc")"#) == .u32(3))
            return
        }
        // A host call's result fails to lower while the guest waits for it: the guest traps,
        // and, as in the Component Model, the instance may not be entered again.
        let error = #expect(throws: (any Error).self) { try Self.call(component, call) }
        #expect(error.map { "\($0)" }?.contains(message) == true, "\(call) failed with: \(String(describing: error))")
        #expect(throws: InstanceUnusable.self) { try Self.call(component, "ok()") }
    }

    @Test("an odd pointer is fine for a string, whose alignment is 1")
    func oddStringPointer() throws {
        let component = try Self.load("hostile")
        _ = try Self.call(component, "set-realloc-mode(2)")
        #expect(try Self.call(component, #"take-string("abc")"#) == .u32(3))
        #expect(try Self.call(component, "fetch-greeting()") == .string("hello from the host"))
    }

    @Test(
        "invalid UTF-16 is refused with a message naming the problem",
        arguments: [
            ("unpaired-surrogate()", "result: invalid UTF-16 in string at 0x40 (unpaired surrogate)"),
            ("lone-low-surrogate()", "result: invalid UTF-16 in string at 0x50 (unpaired surrogate)"),
            (
                "too-many-units()",
                "result: string at 0x10 has length 2147483647 in UTF-16 code units (4294967294 bytes), more than the limit of 268435455 bytes"
            ),
        ])
    func invalidUTF16(call: String, message: String) throws {
        try Self.expectRefused(try Self.load("hostile-utf16"), call, message)
    }

    @Test("the errors are canonical-ABI errors of the right kind")
    func errorKinds() throws {
        let component = try Self.load("hostile")
        let kinds: [(String, CanonicalABIError.Kind)] = [
            ("string-out-of-bounds()", .outOfBounds), ("string-too-long()", .tooLong),
            ("invalid-utf8()", .invalidEncoding),
            ("list-misaligned()", .misaligned), ("bad-variant()", .invalidDiscriminant),
            ("unknown-flags()", .unknownFlags),
            ("surrogate-char()", .invalidChar),
        ]
        for (call, kind) in kinds {
            let error = #expect(throws: CanonicalABIError.self) { try Self.call(component, call) }
            #expect(error?.kind == kind, "\(call)")
        }
    }
}

extension HostileGuestTests {
    @Test("the WIT of the hostile fixtures prints as wasm-tools prints it", arguments: ["hostile", "hostile-utf16"])
    func witMatchesWasmTools(name: String) throws {
        let expected = try String(
            contentsOf: repositoryRoot.appendingPathComponent("components/expected/\(name).wit"), encoding: .utf8)
        let world = try ComponentInspector.world(of: try ComponentParser.parse(try fixtureBytes(name)))
        #expect(WITPrinter.print(world) == expected)
    }
}
