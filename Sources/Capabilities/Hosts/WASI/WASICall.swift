import WasmComponent
import WasmRuntime

/// One allowed call of a WASI function: its arguments, and what the host needs to answer it
/// (the component's objects and handle table).
struct WASICall {
    let arguments: [ComponentValue]
    let authorization: HostAuthorization

    var context: HostCallContext { authorization.context }
    var state: HostState { authorization.state }

    /// Thrown when a guest passes what its type promised it would not (it cannot, through the
    /// canonical ABI, but a host must not trust that): the call traps.
    static func malformed(_ what: String) -> HostError { HostError("malformed call: \(what)") }

    func argument(_ index: Int) throws -> ComponentValue {
        guard index < arguments.count else { throw Self.malformed("argument \(index + 1) is missing") }
        return arguments[index]
    }

    func u64(_ index: Int) throws -> UInt64 {
        guard case .u64(let value) = try argument(index) else {
            throw Self.malformed("argument \(index + 1) is not a u64")
        }
        return value
    }

    func u32(_ index: Int) throws -> UInt32 {
        guard case .u32(let value) = try argument(index) else {
            throw Self.malformed("argument \(index + 1) is not a u32")
        }
        return value
    }

    func string(_ index: Int) throws -> String {
        guard case .string(let value) = try argument(index) else {
            throw Self.malformed("argument \(index + 1) is not a string")
        }
        return value
    }

    /// A `list<u8>` argument as bytes.
    func bytes(_ index: Int) throws -> [UInt8] {
        guard case .list(let values) = try argument(index) else {
            throw Self.malformed("argument \(index + 1) is not a list<u8>")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count)
        for value in values {
            guard case .u8(let byte) = value else { throw Self.malformed("argument \(index + 1) is not a list<u8>") }
            bytes.append(byte)
        }
        return bytes
    }

    /// The object behind the handle in argument `index`.
    func object<T>(_ index: Int, as type: T.Type) throws -> T {
        guard case .handle(let handle) = try argument(index) else {
            throw Self.malformed("argument \(index + 1) is not a handle")
        }
        return try Self.object(handle, in: context, state: state, as: type)
    }

    static func object<T>(_ handle: ResourceHandle, in context: HostCallContext, state: HostState, as type: T.Type)
        throws -> T
    {
        guard let resources = context.resources else { throw HostError("no handle table for \(handle)") }
        let rep = try resources.rep(of: handle, as: handle.resource)
        guard let object = state.objects.object(rep) as? T else {
            throw HostError("\(handle) is not a \(handle.resource.name) the host made")
        }
        return object
    }

    /// A new owned handle to `object`, of the resource called `resource` in this function's type.
    func own(_ object: any HostObject, _ resource: String) throws -> ComponentValue {
        try Self.own(object, resource, context: context, state: state)
    }

    /// The same for a call being refused (its answer may hold a new resource: an `error`).
    static func own(_ object: any HostObject, _ resource: String, context: HostCallContext, state: HostState) throws
        -> ComponentValue
    {
        guard let type = WASITypes.resource(named: resource, in: context.type) else {
            throw HostError("\(context.qualifiedName) has no resource \(resource) in its type")
        }
        guard let resources = context.resources else { throw HostError("no handle table for \(resource)") }
        let rep = state.objects.insert(object)
        do {
            return .handle(try resources.own(type, rep: rep))
        } catch {
            state.objects.release(rep)
            throw error
        }
    }

    /// `list<u8>` of `bytes`.
    static func byteList(_ bytes: some Sequence<UInt8>) -> ComponentValue {
        .list(bytes.map { .u8($0) })
    }

    /// The `stream-error` of wasi:io: `closed`, or `last-operation-failed` with an error resource.
    func streamError(_ error: StreamError) throws -> ComponentValue {
        switch error {
        case .closed:
            return .variant(caseName: "closed", payload: nil)
        case .failed(let message):
            return .variant(caseName: "last-operation-failed", payload: try own(WASIError(message: message), "error"))
        case .failedWithCode(let message, let code):
            return .variant(
                caseName: "last-operation-failed", payload: try own(WASIError(message: message, code: code), "error"))
        }
    }

    /// `ok(value)` or `err(stream-error)`.
    func streamResult(_ result: Result<ComponentValue?, StreamError>) throws -> ComponentValue {
        switch result {
        case .success(let value): return .result(.ok(value))
        case .failure(let error): return .result(.err(try streamError(error)))
        }
    }
}

/// Resource types found in a function's type by name (`output-stream`, `pollable`): WASI's
/// resources are the imported types, the same objects across the interfaces that `use` them.
enum WASITypes {
    static func resource(named name: String, in type: FunctionType) -> ResourceType? {
        for parameter in type.parameters {
            if let found = resource(named: name, in: parameter.type) { return found }
        }
        return type.result.flatMap { resource(named: name, in: $0) }
    }

    static func resource(named name: String, in type: ValueType) -> ResourceType? {
        switch type {
        case .own(let resource), .borrow(let resource): return resource.name == name ? resource : nil
        case .list(let element), .option(let element): return resource(named: name, in: element)
        case .result(let ok, let err):
            return ok.flatMap { resource(named: name, in: $0) } ?? err.flatMap { resource(named: name, in: $0) }
        case .tuple(let elements):
            return elements.lazy.compactMap { resource(named: name, in: $0) }.first
        case .record(let record):
            return record.fields.lazy.compactMap { resource(named: name, in: $0.type) }.first
        case .variant(let variant):
            return variant.cases.lazy.compactMap { $0.payload.flatMap { resource(named: name, in: $0) } }.first
        case .alias(_, let target): return resource(named: name, in: target)
        default: return nil
        }
    }
}
