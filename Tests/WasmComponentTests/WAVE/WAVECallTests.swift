import Testing

@testable import WasmComponent

@Suite("WAVE call expressions")
struct WAVECallTests {
    private func failure(_ text: String) -> WAVEError? {
        do {
            _ = try WAVECall.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "the target is taken as written and the arguments are the text between the parentheses",
        arguments: [
            ("run()", "run", "", 4),
            ("echo.echo-u8(5)", "echo.echo-u8", "5", 13),
            ("sandbox:skill/skill#run()", "sandbox:skill/skill#run", "", 24),
            (#"ns:pkg/iface@1.2.3#func("a", 1)"#, "ns:pkg/iface@1.2.3#func", #""a", 1"#, 24),
            (#"$cart.add-line("apple", 2)"#, "$cart.add-line", #""apple", 2"#, 15),
            ("[method]cart.count()", "[method]cart.count", "", 19),
            ("  f ( 1 )  ", "f", " 1 ", 5),
            ("f(1) // why not", "f", "1", 2),
        ])
    func targets(text: String, target: String, arguments: String, offset: Int) throws {
        let call = try WAVECall.parse(text)
        #expect(call.target == target)
        #expect(call.arguments == Substring(arguments))
        #expect(call.argumentsOffset == offset)
    }

    @Test(
        "closing parentheses inside strings, chars, comments and nested values do not end the call",
        arguments: [
            (#"f(")")"#, #"")""#),
            (#"f(')')"#, #"')'"#),
            (#"f("a\")b", '\'')"#, #""a\")b", '\''"#),
            ("f(\"\"\"\n)\n\"\"\")", "\"\"\"\n)\n\"\"\""),
            ("f([1, (2)], {a: 1}, some((3, 4)))", "[1, (2)], {a: 1}, some((3, 4))"),
            ("f(1, // )\n 2)", "1, // )\n 2"),
            ("f(\"日本)\")", "\"日本)\""),
        ])
    func scanning(text: String, arguments: String) throws {
        #expect(try WAVECall.parse(text).arguments == Substring(arguments))
    }

    @Test(
        "malformed calls are refused with the reason and where",
        arguments: [
            ("", "expected a call like name(arguments)", 0),
            ("f", "expected '(' after f (write f() to call it without arguments)", 1),
            ("(1)", "expected a function name before '('", 0),
            ("f!()", "unexpected character '!' in the function name", 1),
            ("run 1", "expected '(' after run, found '1'", 4),
            ("日本(1)", "unexpected character '日' in the function name", 0),
            ("f(1", "missing ')' to close the arguments", 1),
            ("f(1) x", #"unexpected text after the call: "x" (nothing may follow its closing ')')"#, 5),
            (
                "add(1, 2) extra words ",
                #"unexpected text after the call: "extra words" (nothing may follow its closing ')')"#,
                10
            ),
            (
                "f() " + String(repeating: "z", count: 30),
                #"unexpected text after the call: "zzzzzzzzzzzzzzzzzzzzzzzz"… (nothing may follow its closing ')')"#, 4
            ),
            ("f(1))", #"unexpected text after the call: ")" (nothing may follow its closing ')')"#, 4),
            ("f(])", "unexpected ']' in the arguments", 2),
            ("f([)]", "expected ']', found ')'", 3),
            (#"f("abc)"#, "unterminated string", 2),
            ("f('a)", "unterminated char literal", 2),
            ("f(\"\"\"\nabc)", "unterminated multiline string", 2),
            (#"f("日本", x) y"#, #"unexpected text after the call: "y" (nothing may follow its closing ')')"#, 11),
        ])
    func malformed(text: String, message: String, offset: Int) {
        #expect(failure(text) == WAVEError(message: message, offset: offset))
    }

    @Test("argument errors from a call count from the start of the call text")
    func argumentOffsets() throws {
        let call = try WAVECall.parse(#"echo.add(1, "x")"#)
        let parameters: [FunctionType.Parameter] = [.init(name: "a", type: .u32), .init(name: "b", type: .u32)]
        do {
            _ = try call.parseArguments(parameters: parameters)
            Issue.record("the string argument was accepted as a u32")
        } catch {
            #expect(error == WAVEError(message: #"argument 2 (b): expected u32, found string "x""#, offset: 12))
        }
        let good = try WAVECall.parse("echo.add(1, 2)")
        #expect(try good.parseArguments(parameters: parameters) == [.u32(1), .u32(2)])
    }
}
