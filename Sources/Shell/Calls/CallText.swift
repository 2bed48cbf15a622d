import WasmComponent

/// A call as the user writes it after `call`, `let NAME = call` or `step`, parsed once:
/// `COMPONENT.FUNCTION(ARGS)` or `$HANDLE.METHOD(ARGS)`.
struct CallText {
    enum Receiver: Equatable {
        /// A loaded component by its session name.
        case component(String)
        /// A bound resource handle (`$cart`): the call is a method of its resource.
        case handle(binding: String)
    }

    let receiver: Receiver
    /// What follows the receiver's dot: `run`, `echo.echo-u8`, `[constructor]cart`; for a handle,
    /// the method's name (`add-line`).
    let function: String
    /// The parenthesised arguments, still WAVE text.
    let call: WAVECall

    /// Parses `text`; `verb` (`call`, `step`) names the command in the example of an error.
    init(_ text: String, verb: String) throws {
        let call: WAVECall
        do {
            call = try WAVECall.parse(text)
        } catch {
            // Looked for only when the call does not parse: a parsed call has its parenthesis.
            guard text.utf8.contains(UInt8(ascii: "(")) else {
                throw ShellError("expected COMPONENT.FUNCTION(ARGS), e.g. \(verb) trusted.run()")
            }
            throw error
        }
        var target = call.target
        // Split by its bytes: the dot and the `$` are ASCII, and no string indices are made.
        let parts = target.withUTF8 { bytes -> (receiver: Receiver, function: String)? in
            guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else { return nil }
            func text(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            let function = text((dot + 1)..<bytes.count)
            if dot > 0, bytes[0] == UInt8(ascii: "$") { return (.handle(binding: text(1..<dot)), function) }
            return (.component(text(0..<dot)), function)
        }
        guard let parts else {
            if target.hasPrefix("$") {
                throw ShellError("expected $HANDLE.METHOD(ARGS), e.g. \(verb) $cart.count()")
            }
            throw ShellError("name the component: \(verb) COMPONENT.\(target)(...)")
        }
        receiver = parts.receiver
        function = parts.function
        self.call = call
    }
}
