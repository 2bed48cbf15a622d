/// Lifting from linear memory (spec: `load`).
extension CanonicalLayout {
    /// Loads the value at `address`. The caller has checked that `address` is aligned and that
    /// `size` bytes from it lie in memory; pointers found inside are checked here.
    func load<C: CanonicalContext>(at address: Int, context: inout C) throws -> ComponentValue {
        switch shape {
        case .bool: return .bool(context.loadInteger(UInt8.self, at: address) != 0)
        case .s8: return .s8(context.loadInteger(Int8.self, at: address))
        case .u8: return .u8(context.loadInteger(UInt8.self, at: address))
        case .s16: return .s16(context.loadInteger(Int16.self, at: address))
        case .u16: return .u16(context.loadInteger(UInt16.self, at: address))
        case .s32: return .s32(context.loadInteger(Int32.self, at: address))
        case .u32: return .u32(context.loadInteger(UInt32.self, at: address))
        case .s64: return .s64(context.loadInteger(Int64.self, at: address))
        case .u64: return .u64(context.loadInteger(UInt64.self, at: address))
        case .f32: return .f32(ScalarConversion.liftFloat(context.loadInteger(UInt32.self, at: address)))
        case .f64: return .f64(ScalarConversion.liftDouble(context.loadInteger(UInt64.self, at: address)))
        case .char: return .char(try ScalarConversion.liftChar(context.loadInteger(UInt32.self, at: address)))
        case .string:
            let pointer = context.loadInteger(UInt32.self, at: address)
            let length = context.loadInteger(UInt32.self, at: address + 4)
            return .string(try StringCoding.lift(pointer: pointer, taggedLength: length, context: &context))
        case .list(let element):
            let pointer = context.loadInteger(UInt32.self, at: address)
            let length = context.loadInteger(UInt32.self, at: address + 4)
            return .list(try element.loadList(pointer: pointer, length: length, context: &context))
        case .record(let fields):
            var record: [ComponentValue.RecordField] = []
            record.reserveCapacity(fields.fields.count)
            for index in fields.fields.indices {
                let value = try fields.fields[index].load(at: address + fields.offsets[index], context: &context)
                record.append(ComponentValue.RecordField(name: fields.names[index], value: value))
            }
            return .record(record)
        case .tuple(let fields):
            var elements: [ComponentValue] = []
            elements.reserveCapacity(fields.fields.count)
            for index in fields.fields.indices {
                elements.append(try fields.fields[index].load(at: address + fields.offsets[index], context: &context))
            }
            return .tuple(elements)
        case .cases(let cases):
            let discriminant: UInt32
            switch cases.discriminantSize {
            case 1: discriminant = UInt32(context.loadInteger(UInt8.self, at: address))
            case 2: discriminant = UInt32(context.loadInteger(UInt16.self, at: address))
            default: discriminant = context.loadInteger(UInt32.self, at: address)
            }
            guard discriminant < cases.names.count else {
                throw CanonicalABIError.invalidDiscriminant(discriminant, for: type, caseCount: cases.names.count)
            }
            let index = Int(discriminant)
            var payload: ComponentValue?
            if let payloadLayout = cases.payloads[index] {
                payload = try payloadLayout.load(at: address + cases.payloadOffset, context: &context)
            }
            return cases.value(case: index, payload: payload)
        case .flags(let flags):
            var names: [String] = []
            for word in 0..<flags.wordCount {
                let bits: UInt32
                switch flags.byteSize {
                case 1: bits = UInt32(context.loadInteger(UInt8.self, at: address))
                case 2: bits = UInt32(context.loadInteger(UInt16.self, at: address))
                default: bits = context.loadInteger(UInt32.self, at: address + 4 * word)
                }
                try flags.appendNames(ofWord: bits, word: word, to: &names, type: type)
            }
            return .flags(names)
        case .own(let resource):
            return .handle(try context.liftOwn(context.loadInteger(UInt32.self, at: address), as: resource))
        case .borrow(let resource):
            return .handle(try context.liftBorrow(context.loadInteger(UInt32.self, at: address), as: resource))
        }
    }

    /// Loads `length` elements of this type from `pointer` (spec: `load_list_from_range`),
    /// checking the length limit, the alignment and the bounds first.
    func loadList<C: CanonicalContext>(pointer: UInt32, length: UInt32, context: inout C) throws -> [ComponentValue] {
        let address = Int(pointer)
        let count = Int(length)
        let listName = "list<\(TypeNaming.reference(type))>"
        // Zero-sized elements (only from invalid types) still count one byte, to bound the work.
        let (byteLength, overflow) = count.multipliedReportingOverflow(by: Swift.max(size, 1))
        guard !overflow, byteLength <= CanonicalABI.maxListByteLength else {
            throw CanonicalABIError.tooLong(
                "\(listName) at \(CanonicalABIError.hex(address)) has length \(count) of \(size)-byte elements, "
                    + "more than the limit of \(CanonicalABI.maxListByteLength) bytes")
        }
        try context.checkRange(
            address: address, byteCount: size == 0 ? 0 : byteLength, alignment: alignment,
            subject: listName, extent: "length \(count)")
        if count == 0 { return [] }
        let (valueBytes, valuesOverflow) = count.multipliedReportingOverflow(by: C.liftedValueBytes)
        try context.chargeLift(valuesOverflow ? Int.max : valueBytes)
        if isPlainNumber {
            return context.withMemory(offset: address, count: byteLength) { bytes in
                decodePlainNumbers(bytes, count: count)
            }
        }
        var elements: [ComponentValue] = []
        elements.reserveCapacity(count)
        for index in 0..<count {
            elements.append(try load(at: address + index * size, context: &context))
        }
        return elements
    }

    /// A list of plain numbers read from one memory access.
    private func decodePlainNumbers(_ bytes: UnsafeRawBufferPointer, count: Int) -> [ComponentValue] {
        var elements: [ComponentValue] = []
        elements.reserveCapacity(count)
        func each<T: FixedWidthInteger>(_: T.Type, _ make: (T) -> ComponentValue) {
            for index in 0..<count {
                let raw = bytes.loadUnaligned(fromByteOffset: index * MemoryLayout<T>.size, as: T.self)
                elements.append(make(T(littleEndian: raw)))
            }
        }
        switch shape {
        case .s8: each(Int8.self) { .s8($0) }
        case .u8: each(UInt8.self) { .u8($0) }
        case .s16: each(Int16.self) { .s16($0) }
        case .u16: each(UInt16.self) { .u16($0) }
        case .s32: each(Int32.self) { .s32($0) }
        case .u32: each(UInt32.self) { .u32($0) }
        case .s64: each(Int64.self) { .s64($0) }
        case .u64: each(UInt64.self) { .u64($0) }
        case .f32: each(UInt32.self) { .f32(ScalarConversion.liftFloat($0)) }
        case .f64: each(UInt64.self) { .f64(ScalarConversion.liftDouble($0)) }
        default: break
        }
        return elements
    }
}
