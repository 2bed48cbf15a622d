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
        guard text.utf8.contains(UInt8(ascii: "(")) else {
            throw ShellError("expected COMPONENT.FUNCTION(ARGS), e.g. \(verb) trusted.run()")
        }
        let call = try WAVECall.parse(text)
        let target = call.target
        guard let dot = target.utf8.firstIndex(of: UInt8(ascii: ".")) else {
            if target.hasPrefix("$") {
                throw ShellError("expected $HANDLE.METHOD(ARGS), e.g. \(verb) $cart.count()")
            }
            throw ShellError("name the component: \(verb) COMPONENT.\(target)(...)")
        }
        let name = String(target[..<dot])
        if name.hasPrefix("$") {
            receiver = .handle(binding: String(name.dropFirst()))
        } else {
            receiver = .component(name)
        }
        function = String(target[target.index(after: dot)...])
        self.call = call
    }
}
