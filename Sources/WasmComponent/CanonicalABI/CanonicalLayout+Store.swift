/// Lowering into linear memory (spec: `store`).
extension CanonicalLayout {
    /// Stores `value` at `address`. The caller has checked that `address` is aligned and that
    /// `size` bytes from it lie in memory; strings and lists are allocated through `realloc`.
    func store<C: CanonicalContext>(_ value: ComponentValue, at address: Int, context: inout C) throws {
        switch shape {
        case .bool:
            guard case .bool(let flag) = value else { throw mismatch(value) }
            context.storeInteger(UInt8(flag ? 1 : 0), at: address)
        case .s8:
            guard case .s8(let integer) = value else { throw mismatch(value) }
            context.storeInteger(integer, at: address)
        case .u8:
            guard case .u8(let integer) = value else { throw mismatch(value) }
            context.storeInteger(integer, at: address)
        case .s16:
            guard case .s16(let integer) = value else { throw mismatch(value) }
            context.storeInteger(integer, at: address)
        case .u16:
            guard case .u16(let integer) = value else { throw mismatch(value) }
            context.storeInteger(integer, at: address)
        case .s32:
            guard case .s32(let integer) = value else { throw mismatch(value) }
            context.storeInteger(integer, at: address)
        case .u32:
            guard case .u32(let integer) = value else { throw mismatch(value) }
            context.storeInteger(integer, at: address)
        case .s64:
            guard case .s64(let integer) = value else { throw mismatch(value) }
            context.storeInteger(integer, at: address)
        case .u64:
            guard case .u64(let integer) = value else { throw mismatch(value) }
            context.storeInteger(integer, at: address)
        case .f32:
            guard case .f32(let float) = value else { throw mismatch(value) }
            context.storeInteger(ScalarConversion.lowerFloat(float), at: address)
        case .f64:
            guard case .f64(let double) = value else { throw mismatch(value) }
            context.storeInteger(ScalarConversion.lowerDouble(double), at: address)
        case .char:
            guard case .char(let scalar) = value else { throw mismatch(value) }
            context.storeInteger(scalar.value, at: address)
        case .string:
            guard case .string(let string) = value else { throw mismatch(value) }
            let (pointer, length) = try StringCoding.lower(string, context: &context)
            context.storeInteger(pointer, at: address)
            context.storeInteger(length, at: address + 4)
        case .list(let element):
            guard case .list(let elements) = value else { throw mismatch(value) }
            let pointer = try element.storeList(elements, context: &context)
            context.storeInteger(pointer, at: address)
            context.storeInteger(UInt32(elements.count), at: address + 4)
        case .record(let fields):
            guard case .record(let record) = value else { throw mismatch(value) }
            if let ordered = try fields.orderedValues(of: record, type: type) {
                for index in fields.fields.indices {
                    try fields.fields[index].store(
                        ordered[index], at: address + fields.offsets[index], context: &context)
                }
            } else {
                for index in fields.fields.indices {
                    try fields.fields[index].store(
                        record[index].value, at: address + fields.offsets[index], context: &context)
                }
            }
        case .tuple(let fields):
            guard case .tuple(let elements) = value else { throw mismatch(value) }
            try checkTupleArity(fields, elements)
            for index in fields.fields.indices {
                try fields.fields[index].store(elements[index], at: address + fields.offsets[index], context: &context)
            }
        case .cases(let cases):
            let (index, payload) = try cases.selectedCase(of: value, type: type)
            switch cases.discriminantSize {
            case 1: context.storeInteger(UInt8(truncatingIfNeeded: index), at: address)
            case 2: context.storeInteger(UInt16(truncatingIfNeeded: index), at: address)
            default: context.storeInteger(UInt32(truncatingIfNeeded: index), at: address)
            }
            if let payload, let payloadLayout = cases.payloads[index] {
                try payloadLayout.store(payload, at: address + cases.payloadOffset, context: &context)
            }
        case .flags(let flags):
            guard case .flags(let names) = value else { throw mismatch(value) }
            for word in 0..<flags.wordCount {
                let bits = try flags.word(word, of: names, type: type)
                switch flags.byteSize {
                case 1: context.storeInteger(UInt8(truncatingIfNeeded: bits), at: address)
                case 2: context.storeInteger(UInt16(truncatingIfNeeded: bits), at: address)
                default: context.storeInteger(bits, at: address + 4 * word)
                }
            }
        case .own(let resource):
            guard case .handle(let handle) = value else { throw mismatch(value) }
            try checkOwned(handle)
            context.storeInteger(try context.lowerOwn(handle, as: resource), at: address)
        case .borrow(let resource):
            guard case .handle(let handle) = value else { throw mismatch(value) }
            context.storeInteger(try context.lowerBorrow(handle, as: resource), at: address)
        }
    }

    /// Allocates room for `elements` through `realloc` and stores them there (spec:
    /// `store_list_into_range`); returns the pointer.
    func storeList<C: CanonicalContext>(_ elements: [ComponentValue], context: inout C) throws -> UInt32 {
        let listName = "list<\(TypeNaming.reference(type))>"
        let (byteLength, overflow) = elements.count.multipliedReportingOverflow(by: size)
        guard !overflow, byteLength <= Int(UInt32.max), elements.count <= Int(UInt32.max) else {
            throw CanonicalABIError.tooLong(
                "\(listName) of \(elements.count) elements (\(size) bytes each) is too long to lower into a 32-bit memory"
            )
        }
        let address = try context.allocate(alignment: alignment, size: byteLength, for: listName)
        if isPlainNumber && byteLength > 0 {
            try context.withMutableMemory(offset: address, count: byteLength) { bytes in
                try encodePlainNumbers(elements, into: bytes)
            }
        } else {
            for index in elements.indices {
                try store(elements[index], at: address + index * size, context: &context)
            }
        }
        return UInt32(address)
    }

    /// A list of plain numbers written in one memory access.
    private func encodePlainNumbers(_ elements: [ComponentValue], into bytes: UnsafeMutableRawBufferPointer) throws {
        func each<T: FixedWidthInteger>(_: T.Type, _ bits: (ComponentValue) -> T?) throws {
            for index in elements.indices {
                guard let value = bits(elements[index]) else { throw mismatch(elements[index]) }
                bytes.storeBytes(of: value.littleEndian, toByteOffset: index * MemoryLayout<T>.size, as: T.self)
            }
        }
        switch shape {
        case .s8: try each(Int8.self) { if case .s8(let integer) = $0 { integer } else { nil } }
        case .u8: try each(UInt8.self) { if case .u8(let integer) = $0 { integer } else { nil } }
        case .s16: try each(Int16.self) { if case .s16(let integer) = $0 { integer } else { nil } }
        case .u16: try each(UInt16.self) { if case .u16(let integer) = $0 { integer } else { nil } }
        case .s32: try each(Int32.self) { if case .s32(let integer) = $0 { integer } else { nil } }
        case .u32: try each(UInt32.self) { if case .u32(let integer) = $0 { integer } else { nil } }
        case .s64: try each(Int64.self) { if case .s64(let integer) = $0 { integer } else { nil } }
        case .u64: try each(UInt64.self) { if case .u64(let integer) = $0 { integer } else { nil } }
        case .f32:
            try each(UInt32.self) { if case .f32(let float) = $0 { ScalarConversion.lowerFloat(float) } else { nil } }
        case .f64:
            try each(UInt64.self) {
                if case .f64(let double) = $0 { ScalarConversion.lowerDouble(double) } else { nil }
            }
        default: break
        }
    }

    /// The error for a host value whose shape does not match this type.
    func mismatch(_ value: ComponentValue) -> CanonicalABIError {
        CanonicalABIError.valueMismatch(expected: type, got: value)
    }

    func checkTupleArity(_ fields: FieldsLayout, _ elements: [ComponentValue]) throws {
        guard elements.count == fields.fields.count else {
            throw CanonicalABIError.typeMismatch(
                "expected \(fields.fields.count) values for \(TypeNaming.describe(type)), got a tuple of \(elements.count)"
            )
        }
    }

    /// `own<T>` takes ownership: a borrowed handle cannot be passed where ownership moves.
    func checkOwned(_ handle: ResourceHandle) throws {
        guard handle.isOwned else {
            throw CanonicalABIError.typeMismatch(
                "expected an owned handle for \(TypeNaming.describe(type)), got \(handle)")
        }
    }
}
