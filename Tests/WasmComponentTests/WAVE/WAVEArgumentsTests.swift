import Testing

@testable import WasmComponent

@Suite("WAVE function arguments")
struct WAVEArgumentsTests {
    private let twoNumbers: [FunctionType.Parameter] = [.init(name: "a", type: .u32), .init(name: "b", type: .u32)]
    private let optionalTail: [FunctionType.Parameter] = [
        .init(name: "a", type: .u32), .init(name: "b", type: .option(.u32)), .init(name: "c", type: .option(.string)),
    ]

    private func failure(
        _ text: String, _ parameters: [FunctionType.Parameter], variables: WAVEParser.VariableLookup? = nil
    ) -> WAVEError? {
        do {
            _ = try WAVEParser.parseArguments(text, parameters: parameters, variables: variables)
            return nil
        } catch {
            return error
        }
    }

    /// Variables a shell session might hold: a number, a string, an owned and a borrowed cart.
    private func variables(_ name: String) -> (ComponentValue, ValueType)? {
        let cart = WAVETestTypes.cart
        switch name {
        case "n": return (.u32(7), .u32)
        case "s": return (.string("hi"), .string)
        case "cart": return (.handle(ResourceHandle(resource: cart, index: 1, isOwned: true)), .own(cart))
        case "lent": return (.handle(ResourceHandle(resource: cart, index: 2, isOwned: false)), .borrow(cart))
        case "other":
            let impostor = ResourceType(name: "cart")
            return (.handle(ResourceHandle(resource: impostor, index: 3, isOwned: true)), .own(impostor))
        case "p":
            return (.record([.init(name: "x", value: .s32(1)), .init(name: "y", value: .s32(2))]), WAVETestTypes.point)
        default: return nil
        }
    }

    @Test("arguments parse in order, with an optional trailing comma")
    func arguments() throws {
        #expect(try WAVEParser.parseArguments("1, 2", parameters: twoNumbers) == [.u32(1), .u32(2)])
        #expect(try WAVEParser.parseArguments(" 1 ,2 , ", parameters: twoNumbers) == [.u32(1), .u32(2)])
        #expect(try WAVEParser.parseArguments("", parameters: []) == [])
        #expect(try WAVEParser.parseArguments("  // nothing", parameters: []) == [])
        let text: Substring = "(f(3, 4))".dropFirst(3).dropLast(2)
        #expect(try WAVEParser.parseArguments(text, parameters: twoNumbers) == [.u32(3), .u32(4)])
    }

    @Test("trailing option arguments may be left out and are none")
    func optionalTrailingArguments() throws {
        #expect(try WAVEParser.parseArguments("1", parameters: optionalTail) == [.u32(1), .option(nil), .option(nil)])
        #expect(
            try WAVEParser.parseArguments("1, 2", parameters: optionalTail) == [
                .u32(1), .option(.u32(2)), .option(nil),
            ])
        #expect(
            try WAVEParser.parseArguments(#"1, none, "c""#, parameters: optionalTail)
                == [.u32(1), .option(nil), .option(.string("c"))])
    }

    @Test("errors inside an argument name the argument")
    func argumentErrors() {
        #expect(
            failure(#"1, "x""#, twoNumbers)
                == WAVEError(message: #"argument 2 (b): expected u32, found string "x""#, offset: 3))
        #expect(
            failure("300", [.init(name: "x", type: .u8)])
                == WAVEError(message: "argument 1 (x): 300 is out of range for u8", offset: 0))
        #expect(
            failure("1 2", twoNumbers)
                == WAVEError(message: "expected ',' after argument 1 (a), found number 2", offset: 2))
        #expect(
            failure("1,, 2", twoNumbers) == WAVEError(message: "argument 2 (b): expected u32, found ','", offset: 2))
    }

    @Test("a wrong number of arguments is reported with the parameter list")
    func argumentCounts() {
        #expect(
            failure("1, 2, 3", twoNumbers)
                == WAVEError(message: "expected 2 arguments (a: u32, b: u32), found 3", offset: 6))
        #expect(
            failure("1, 2, [3, 4], some((5, 6)), 7", twoNumbers)
                == WAVEError(message: "expected 2 arguments (a: u32, b: u32), found 5", offset: 6))
        #expect(
            failure("1", twoNumbers) == WAVEError(message: "expected 2 arguments (a: u32, b: u32), found 1", offset: 1))
        #expect(
            failure("", twoNumbers) == WAVEError(message: "expected 2 arguments (a: u32, b: u32), found 0", offset: 0))
        #expect(failure("1", []) == WAVEError(message: "expected no arguments, found 1", offset: 0))
        #expect(
            failure("x", [.init(name: "flag", type: .bool)])
                == WAVEError(message: "argument 1 (flag): expected bool, found label x", offset: 0))
        #expect(
            failure("true, false", [.init(name: "flag", type: .bool)])
                == WAVEError(message: "expected 1 argument (flag: bool), found 2", offset: 6))
        #expect(
            failure("", optionalTail)
                == WAVEError(
                    message: "expected 1 to 3 arguments (a: u32, b: option<u32>, c: option<string>), found 0", offset: 0
                ))
    }

    @Test("$variables stand for values anywhere a value may stand")
    func variablesResolve() throws {
        #expect(
            try WAVEParser.parseArguments("$n, 2", parameters: twoNumbers, variables: variables) == [.u32(7), .u32(2)])
        #expect(
            try WAVEParser.parse("[$n, 1, $n]", as: .list(.u32), variables: variables)
                == .list([.u32(7), .u32(1), .u32(7)]))
        #expect(
            try WAVEParser.parse("{x: 5, y: -1}", as: WAVETestTypes.point, variables: variables)
                == .record([.init(name: "x", value: .s32(5)), .init(name: "y", value: .s32(-1))]))
        #expect(try WAVEParser.parse("some($s)", as: .option(.string), variables: variables) == .option(.string("hi")))
        #expect(try WAVEParser.parse("$p", as: WAVETestTypes.point, variables: variables) == variables("p")?.0)
        // Like a flat WAVE payload, a variable may stand for `some(...)` or `ok(...)`.
        #expect(try WAVEParser.parse("$n", as: .option(.u32), variables: variables) == .option(.u32(7)))
        #expect(
            try WAVEParser.parse("$n", as: .result(ok: .u32, err: .string), variables: variables)
                == .result(.ok(.u32(7))))
        // Aliases and names do not matter, the shape does.
        #expect(try WAVEParser.parse("$n", as: .alias(name: "count", .u32), variables: variables) == .u32(7))
    }

    @Test("unknown variables and variables of the wrong type are refused, naming both types")
    func variableErrors() {
        #expect(
            failure("$m, 1", twoNumbers, variables: variables)
                == WAVEError(message: "argument 1 (a): unknown variable $m", offset: 0))
        #expect(failure("$n, 1", twoNumbers) == WAVEError(message: "argument 1 (a): unknown variable $n", offset: 0))
        #expect(
            failure("1, $s", twoNumbers, variables: variables)
                == WAVEError(message: "argument 2 (b): $s has type string, expected u32", offset: 3))
        #expect(
            failure("[$s]", [.init(name: "xs", type: .list(.u8))], variables: variables)
                == WAVEError(message: "argument 1 (xs): $s has type string, expected u8", offset: 1))
        #expect(
            failure("$", twoNumbers)
                == WAVEError(message: "argument 1 (a): expected a variable name after '$'", offset: 0))
    }

    @Test("resource parameters take handles from $variables only")
    func resourceArguments() throws {
        let cart = WAVETestTypes.cart
        let owned = ComponentValue.handle(ResourceHandle(resource: cart, index: 1, isOwned: true))
        let borrowed = ComponentValue.handle(ResourceHandle(resource: cart, index: 2, isOwned: false))
        let method: [FunctionType.Parameter] = [.init(name: "self", type: .borrow(cart)), .init(name: "n", type: .u32)]
        #expect(
            try WAVEParser.parseArguments("$cart, 1", parameters: method, variables: variables) == [owned, .u32(1)])
        #expect(
            try WAVEParser.parseArguments("$lent, 1", parameters: method, variables: variables) == [borrowed, .u32(1)])
        let consume: [FunctionType.Parameter] = [.init(name: "c", type: .own(cart))]
        #expect(try WAVEParser.parseArguments("$cart", parameters: consume, variables: variables) == [owned])
        #expect(
            failure("$lent", consume, variables: variables)
                == WAVEError(message: "argument 1 (c): $lent has type borrow<cart>, expected own<cart>", offset: 0))
        #expect(
            failure("$other", consume, variables: variables)
                == WAVEError(
                    message:
                        "argument 1 (c): $other has type own<cart>, expected own<cart> (a different type with the same name)",
                    offset: 0))
        #expect(
            failure("1, 1", method, variables: variables)
                == WAVEError(message: "argument 1 (self): borrow<cart> can only be given as a $variable", offset: 0))
    }
}
