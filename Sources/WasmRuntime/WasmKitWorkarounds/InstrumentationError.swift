import WasmComponent

/// Why a core module could not be instrumented with interrupt checks, and where.
package struct InstrumentationError: Error, Equatable, Sendable, CustomStringConvertible {
    package enum Reason: Equatable, Sendable {
        /// The bytes do not start with the header of a version-1 core module (a component, say).
        case notACoreModule(String)
        /// The input ended while reading the named item.
        case truncated(String)
        /// A LEB128 integer is longer than its type allows or has bits set beyond it.
        case malformedInteger(String)
        /// A section id the core format does not define.
        case unknownSection(UInt8)
        /// A non-custom section appears twice, or after a section that must follow it.
        case sectionOutOfOrder(UInt8)
        /// The named item did not end where its declared size says.
        case sizeMismatch(String)
        /// An opcode (with its prefix, if any) that no supported proposal defines.
        case unknownOpcode(String)
        /// A value, reference or block type byte that is not one.
        case malformedType(UInt8)
        /// A malformed structure the other cases do not name.
        case malformed(String)
        /// The function and code sections disagree on the number of functions.
        case functionCountMismatch(declared: UInt32, bodies: UInt32)
        /// Code or an export names a global the module does not have; instrumenting would make it
        /// name the interrupt flag instead.
        case globalIndexOutOfRange(UInt32)
        /// A branch names a label outside the function; instrumenting would make it name the
        /// block wrapped around the body instead.
        case branchLabelOutOfRange(UInt32)
        /// The module already exports the flag's name (it may be instrumented already).
        case exportNameTaken(String)
        /// Adding a global would exceed the format's limit.
        case tooManyGlobals
        /// The module can be instrumented, but not given debugging probes (GC types, say).
        case probesUnsupported(String)
    }

    package let reason: Reason
    /// Byte offset in the module's bytes where the problem was found.
    package let offset: Int

    package init(_ reason: Reason, offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String {
        "cannot instrument core module at byte \(offset): \(reasonText)"
    }

    private var reasonText: String {
        switch reason {
        case .notACoreModule(let detail): "not a core WebAssembly module (\(detail))"
        case .truncated(let what): "unexpected end of input reading \(what)"
        case .malformedInteger(let what): "malformed LEB128 integer in \(what)"
        case .unknownSection(let id): "unknown section id \(id)"
        case .sectionOutOfOrder(let id): "section id \(id) is duplicated or out of order"
        case .sizeMismatch(let what): "\(what) does not end where its size says"
        case .unknownOpcode(let opcode): "unknown or unsupported opcode \(opcode)"
        case .malformedType(let byte): "malformed type 0x\(String(byte, radix: 16))"
        case .malformed(let what): "malformed \(what)"
        case .functionCountMismatch(let declared, let bodies):
            "function section declares \(declared) functions but the code section has \(bodies) bodies"
        case .globalIndexOutOfRange(let index): "global index \(index) is out of range"
        case .branchLabelOutOfRange(let label): "branch label \(label) is out of range"
        case .exportNameTaken(let name): "the module already exports '\(name)'"
        case .tooManyGlobals: "too many globals to add the interrupt flag"
        case .probesUnsupported(let why): "no debugging probes: \(why)"
        }
    }
}
