/// One argument a command takes, declared once: its placeholder in `help` and usage errors, and
/// what kind of text it is, which decides how it completes.
struct Argument: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A loaded component's name.
        case component
        /// An interface the component argument imports, optionally `.function`.
        case capability
        /// `load`'s PATH-or-NAME: a `.wasm` file, or a component in the components folder.
        case componentSource
        /// A file path.
        case path
        /// A command's name.
        case command
        /// A binding: `$NAME`.
        case binding
        /// A name the command gives (an alias, a binding): nothing to complete.
        case newName
        /// The rest of the line, taken as written: `C.f(args)` or `$h.m(args)`.
        case call
        /// Where `break` stops: `FILE:LINE`, a C function, a wasm function of the component.
        case breakTarget
        /// A breakpoint of the component (`delete TARGET`).
        case breakpoint
        /// A word passed on as written (`run`'s arguments for the guest): words that look like
        /// flags are the guest's, not the shell's; only the command's options (`< FILE`) are read.
        case passedOn
        /// A source variable visible at the pause (`print VAR`).
        case sourceVariable
        /// Anything else (a number, a size, a duration): nothing to complete.
        case value
    }

    let placeholder: String
    let kind: Kind

    init(_ placeholder: String, _ kind: Kind) {
        self.placeholder = placeholder
        self.kind = kind
    }

    static let component = Argument("COMPONENT", .component)
}
