import Dispatch
import WasmComponent
import WasmKit

/// A core module being rewritten (interrupt checks, short names) and parsed on a worker thread
/// while the walk goes on through the component's definitions: nothing needs a module before
/// it is instantiated, and a component defines its modules before its instances, so they are
/// prepared side by side, on every core. `instantiate` waits for the one it needs.
final class PendingCoreModule: @unchecked Sendable {
    /// What the preparation gave: the parsed module (or why the module is invalid), its own
    /// names when WasmKit got short ones, and why it could not be rewritten, if it could not.
    struct Prepared {
        let module: Result<Module, any Error>
        let names: ShortNames?
        let notInstrumented: InstrumentationError?
    }

    /// Where the module's definition is, for its errors.
    let offset: Int
    /// Set, on the walk's thread, once what the preparation found is on the runtime's record.
    var isRecorded = false
    /// Whether it was prepared on the walk's thread, and so is ready now.
    let isReady: Bool
    private let done = DispatchSemaphore(value: 0)
    /// Written once, before `done` is signalled; read only after waiting for it.
    private var prepared: Prepared?

    /// Modules smaller than this are prepared on the walk's thread: handing one to a worker
    /// and waking the walk again costs more than preparing it (a small component's load took
    /// twice as long).
    static let workerThreshold = 256 * 1024

    /// Prepares `bytes` (module number `number` in its component), on a worker thread if it is large.
    init(bytes: ArraySlice<UInt8>, number: Int, offset: Int) {
        self.offset = offset
        isReady = bytes.count < Self.workerThreshold
        guard !isReady else {
            prepared = Self.prepare(bytes, number: number)
            done.signal()
            return
        }
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            prepared = Self.prepare(bytes, number: number)
            done.signal()
        }
    }

    /// A module prepared already (loaded for debugging: the rewrite records what it planted on
    /// the walk's thread).
    init(prepared: Prepared, offset: Int) {
        self.offset = offset
        self.isReady = true
        self.prepared = prepared
        done.signal()
    }

    /// The prepared module, once it is ready.
    func wait() -> Prepared {
        done.wait()
        defer { done.signal() }  // every later wait returns at once
        guard let prepared else { preconditionFailure("a pending core module was signalled before it was prepared") }
        return prepared
    }

    private static func prepare(_ bytes: ArraySlice<UInt8>, number: Int) -> Prepared {
        prepare(bytes) { (bytes) throws(InstrumentationError) in
            let instrumented = try CoreModuleInstrumenter().instrumentShorteningNames(bytes, moduleNumber: number)
            return (instrumented.bytes, instrumented.names)
        }
    }

    /// Rewrites `bytes` with `rewrite` and parses the result; a module `rewrite` refuses is parsed
    /// as it is (it runs, but Ctrl-C cannot stop it).
    static func prepare(
        _ bytes: ArraySlice<UInt8>,
        rewrite: (ArraySlice<UInt8>) throws(InstrumentationError) -> (bytes: [UInt8], names: ShortNames?)
    ) -> Prepared {
        do {
            let rewritten = try rewrite(bytes)
            return Prepared(
                module: Result { try parse(rewritten.bytes[...]) }, names: rewritten.names, notInstrumented: nil)
        } catch {
            return Prepared(module: Result { try parse(bytes) }, names: nil, notInstrumented: error)
        }
    }

    /// Parses `code` with WasmKit, dropping a name section that names functions the module does
    /// not have (WasmKit 0.4.2 would crash naming a trap's frames).
    private static func parse(_ code: ArraySlice<UInt8>) throws -> Module {
        let module = try parseWasm(bytes: code)
        let importedFunctions = module.imports.count { if case .function = $0.descriptor { true } else { false } }
        guard let stripped = CoreNameSection.strippedIfInvalid(code, importedFunctions: importedFunctions) else {
            return module
        }
        return try parseWasm(bytes: stripped)
    }
}
