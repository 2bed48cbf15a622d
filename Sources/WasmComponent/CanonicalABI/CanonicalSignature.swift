/// A component function type compiled for the canonical ABI: the plan the engine layer builds
/// once per function and uses on every call, in both directions.
///
/// - Calling a guest **export** (host → guest, `canon lift`): ``lowerArguments(_:context:)``
///   before the core call, ``liftResult(from:context:)`` after it.
/// - A guest calling a host **import** (guest → host, `canon lower`):
///   ``liftArguments(from:context:)`` on entry, ``lowerResult(_:coreArguments:context:)`` on return.
///
/// More than ``CanonicalABI/maxFlatParameters`` flat parameters travel as one `i32` pointer to a
/// tuple in guest memory; a result of more than ``CanonicalABI/maxFlatResults`` flat value travels
/// through memory too (returned pointer for exports, caller-provided return pointer for imports).
package final class CanonicalSignature: Sendable {
    package let type: FunctionType
    let parameters: [CanonicalLayout]
    let parameterNames: [String]
    /// The parameters as one tuple: the layout they are spilled to memory with.
    let parameterTuple: CanonicalLayout
    let result: CanonicalLayout?
    /// All parameters flattened, before the spilling rule.
    package let flatParameterTypes: [CoreValueType]
    /// The result flattened, before the spilling rule.
    package let flatResultTypes: [CoreValueType]

    package init(_ type: FunctionType) {
        self.type = type
        parameters = type.parameters.map { CanonicalLayout($0.type) }
        parameterNames = type.parameters.map(\.name)
        parameterTuple = CanonicalLayout(tupleOf: parameters)
        result = type.result.map { CanonicalLayout($0) }
        flatParameterTypes = parameterTuple.flat
        flatResultTypes = result?.flat ?? []
    }

    /// Whether the parameters are passed as one pointer to a tuple in memory.
    package var parametersSpill: Bool { flatParameterTypes.count > CanonicalABI.maxFlatParameters }
    /// Whether the result is passed through memory.
    package var resultSpills: Bool { flatResultTypes.count > CanonicalABI.maxFlatResults }

    /// The core signature of the function (spec: `flatten_functype`): `.lift` for the core
    /// function behind an export, `.lower` for the core import a guest calls.
    package func coreType(_ context: FlatteningContext) -> CoreFunctionType {
        var parameters = parametersSpill ? [CoreValueType.i32] : flatParameterTypes
        var results = flatResultTypes
        if resultSpills {
            switch context {
            case .lift:
                results = [.i32]
            case .lower:
                parameters.append(.i32)
                results = []
            }
        }
        return CoreFunctionType(parameters: parameters, results: results)
    }

    // MARK: Calling an export (host → guest)

    /// The core arguments for calling the export with `arguments`. When the parameters spill, the
    /// tuple is allocated in guest memory with `realloc` and its pointer is the only argument.
    package func lowerArguments<C: CanonicalContext>(_ arguments: [ComponentValue], context: inout C) throws
        -> [CoreValue]
    {
        var values: [CoreValue] = []
        try lowerArguments(arguments, into: &values, context: &context)
        return values
    }

    /// The same, written into `values` (emptied first): a caller calling again and again keeps
    /// one array instead of allocating one per call.
    package func lowerArguments<C: CanonicalContext>(
        _ arguments: [ComponentValue], into values: inout [CoreValue], context: inout C
    ) throws {
        try checkArgumentCount(arguments.count)
        values.removeAll(keepingCapacity: true)
        if !parametersSpill {
            values.reserveCapacity(flatParameterTypes.count)
            for index in parameters.indices {
                do {
                    try parameters[index].lowerFlat(arguments[index], into: &values, context: &context)
                } catch let error as CanonicalABIError {
                    throw error.located(argumentSite(index))
                }
            }
            return
        }
        let address: Int
        do {
            address = try context.allocate(
                alignment: parameterTuple.alignment, size: parameterTuple.size, for: "arguments tuple")
        } catch let error as CanonicalABIError {
            throw error.located("arguments")
        }
        try storeArguments(arguments, at: address, context: &context)
        values.append(.i32(UInt32(address)))
    }

    /// The result of the export from the core results it returned: the value itself, or, when
    /// the result spills, loaded from the pointer that is the only core result. Nil for a function
    /// without a result.
    package func liftResult<C: CanonicalContext>(from coreResults: [CoreValue], context: inout C) throws
        -> ComponentValue?
    {
        let expected = resultSpills ? 1 : flatResultTypes.count
        guard coreResults.count == expected else {
            throw CanonicalABIError.coreValueMismatch("expected \(expected) core results, got \(coreResults.count)")
        }
        guard let result else { return nil }
        do {
            var reader = FlatReader(coreResults)
            if !resultSpills {
                return try result.liftFlat(&reader, context: &context)
            }
            let address = Int(try reader.nextI32())
            try checkResultRange(at: address, context: context)
            return try result.load(at: address, context: &context)
        } catch let error as CanonicalABIError {
            throw error.located("result")
        }
    }

    // MARK: An import called by the guest (guest → host)

    /// The arguments the guest passed to the import, from its core arguments. When the parameters
    /// spill, the first core argument points to the tuple; when the result spills, the last core
    /// argument is the return pointer and is not an argument.
    package func liftArguments<C: CanonicalContext>(from coreArguments: [CoreValue], context: inout C) throws
        -> [ComponentValue]
    {
        let expected = (parametersSpill ? 1 : flatParameterTypes.count) + (resultSpills ? 1 : 0)
        guard coreArguments.count == expected else {
            throw CanonicalABIError.coreValueMismatch("expected \(expected) core arguments, got \(coreArguments.count)")
        }
        var reader = FlatReader(coreArguments)
        var arguments: [ComponentValue] = []
        arguments.reserveCapacity(parameters.count)
        if !parametersSpill {
            for index in parameters.indices {
                do {
                    arguments.append(try parameters[index].liftFlat(&reader, context: &context))
                } catch let error as CanonicalABIError {
                    throw error.located(argumentSite(index))
                }
            }
            return arguments
        }
        let address: Int
        do {
            address = Int(try reader.nextI32())
            try context.checkRange(
                address: address, byteCount: parameterTuple.size, alignment: parameterTuple.alignment,
                subject: "arguments tuple", extent: "\(parameterTuple.size) bytes")
        } catch let error as CanonicalABIError {
            throw error.located("arguments")
        }
        guard case .tuple(let fields) = parameterTuple.shape else { return arguments }
        for index in parameters.indices {
            do {
                arguments.append(try parameters[index].load(at: address + fields.offsets[index], context: &context))
            } catch let error as CanonicalABIError {
                throw error.located(argumentSite(index))
            }
        }
        return arguments
    }

    /// The core results the import returns to the guest for `value` (nil for a function without a
    /// result). When the result spills it is stored through the return pointer, the last of
    /// `coreArguments`, and there are no core results.
    package func lowerResult<C: CanonicalContext>(
        _ value: ComponentValue?, coreArguments: [CoreValue], context: inout C
    ) throws -> [CoreValue] {
        guard let result else {
            guard value == nil else {
                throw CanonicalABIError.typeMismatch("the function has no result, but a result value was given")
                    .located("result")
            }
            return []
        }
        guard let value else {
            throw CanonicalABIError.typeMismatch(
                "expected a result of type \(TypeNaming.describe(result.type)), got none"
            )
            .located("result")
        }
        do {
            if !resultSpills {
                var values: [CoreValue] = []
                values.reserveCapacity(flatResultTypes.count)
                try result.lowerFlat(value, into: &values, context: &context)
                return values
            }
            guard case .i32(let pointer)? = coreArguments.last else {
                let got = coreArguments.last.map { "an \($0.type)" } ?? "no core arguments"
                throw CanonicalABIError.coreValueMismatch(
                    "expected the return pointer (an i32) as the last core argument, got \(got)")
            }
            try checkResultRange(at: Int(pointer), context: context)
            try result.store(value, at: Int(pointer), context: &context)
            return []
        } catch let error as CanonicalABIError {
            throw error.located("result")
        }
    }

    // MARK: Helpers

    private func storeArguments<C: CanonicalContext>(_ arguments: [ComponentValue], at address: Int, context: inout C)
        throws
    {
        guard case .tuple(let fields) = parameterTuple.shape else { return }
        for index in parameters.indices {
            do {
                try parameters[index].store(arguments[index], at: address + fields.offsets[index], context: &context)
            } catch let error as CanonicalABIError {
                throw error.located(argumentSite(index))
            }
        }
    }

    private func checkArgumentCount(_ count: Int) throws {
        guard count == parameters.count else {
            throw CanonicalABIError.typeMismatch(
                "expected \(parameters.count) \(parameters.count == 1 ? "argument" : "arguments"), got \(count)")
        }
    }

    private func checkResultRange<C: CanonicalContext>(at address: Int, context: C) throws {
        guard let result else { return }
        try context.checkRange(
            address: address, byteCount: result.size, alignment: result.alignment,
            subject: TypeNaming.describe(result.type), extent: "\(result.size) bytes")
    }

    private func argumentSite(_ index: Int) -> String {
        "argument `\(parameterNames[index])`"
    }
}
