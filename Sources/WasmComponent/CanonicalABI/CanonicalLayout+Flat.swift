/// Lifting from and lowering to flat core values (spec: `lift_flat`, `lower_flat`).
extension CanonicalLayout {
    func liftFlat<C: CanonicalContext>(_ reader: inout FlatReader, context: inout C) throws -> ComponentValue {
        switch shape {
        case .bool: return .bool(try reader.nextI32() != 0)
        // Narrow integers come in an i32: keep the low bits, as the spec's `lift_flat_(un)signed`.
        case .s8: return .s8(Int8(truncatingIfNeeded: try reader.nextI32()))
        case .u8: return .u8(UInt8(truncatingIfNeeded: try reader.nextI32()))
        case .s16: return .s16(Int16(truncatingIfNeeded: try reader.nextI32()))
        case .u16: return .u16(UInt16(truncatingIfNeeded: try reader.nextI32()))
        case .s32: return .s32(Int32(bitPattern: try reader.nextI32()))
        case .u32: return .u32(try reader.nextI32())
        case .s64: return .s64(Int64(bitPattern: try reader.nextI64()))
        case .u64: return .u64(try reader.nextI64())
        case .f32: return .f32(ScalarConversion.liftFloat(try reader.nextF32()))
        case .f64: return .f64(ScalarConversion.liftDouble(try reader.nextF64()))
        case .char: return .char(try ScalarConversion.liftChar(try reader.nextI32()))
        case .string:
            let pointer = try reader.nextI32()
            let length = try reader.nextI32()
            return .string(try StringCoding.lift(pointer: pointer, taggedLength: length, context: &context))
        case .list(let element):
            let pointer = try reader.nextI32()
            let length = try reader.nextI32()
            return .list(try element.loadList(pointer: pointer, length: length, context: &context))
        case .record(let fields):
            var record: [ComponentValue.RecordField] = []
            record.reserveCapacity(fields.fields.count)
            for index in fields.fields.indices {
                let value = try fields.fields[index].liftFlat(&reader, context: &context)
                record.append(ComponentValue.RecordField(name: fields.names[index], value: value))
            }
            return .record(record)
        case .tuple(let fields):
            var elements: [ComponentValue] = []
            elements.reserveCapacity(fields.fields.count)
            for field in fields.fields {
                elements.append(try field.liftFlat(&reader, context: &context))
            }
            return .tuple(elements)
        case .cases(let cases):
            let discriminant = try reader.nextI32()
            guard discriminant < cases.names.count else {
                throw CanonicalABIError.invalidDiscriminant(discriminant, for: type, caseCount: cases.names.count)
            }
            let index = Int(discriminant)
            let payloadStart = reader.index
            var payload: ComponentValue?
            if let payloadLayout = cases.payloads[index] {
                reader.coercionDepth += 1
                payload = try payloadLayout.liftFlat(&reader, context: &context)
                reader.coercionDepth -= 1
            }
            // Slots the other cases need are skipped.
            reader.index = payloadStart + cases.payloadFlat.count
            return cases.value(case: index, payload: payload)
        case .flags(let flags):
            var names: [String] = []
            for word in 0..<flags.wordCount {
                try flags.appendNames(ofWord: try reader.nextI32(), word: word, to: &names, type: type)
            }
            return .flags(names)
        case .own(let resource):
            return .handle(try context.liftOwn(try reader.nextI32(), as: resource))
        case .borrow(let resource):
            return .handle(try context.liftBorrow(try reader.nextI32(), as: resource))
        }
    }

    /// Appends the flattening of `value` (exactly `flat.count` core values) to `out`.
    ///
    /// Switches on the shape first and then matches the value, rather than on a `(shape, value)`
    /// tuple: the tuple would copy (retain and release) both enums on every call.
    func lowerFlat<C: CanonicalContext>(_ value: ComponentValue, into out: inout [CoreValue], context: inout C) throws {
        switch shape {
        case .bool:
            guard case .bool(let flag) = value else { throw mismatch(value) }
            out.append(.i32(flag ? 1 : 0))
        case .s8:
            guard case .s8(let integer) = value else { throw mismatch(value) }
            out.append(.i32(UInt32(bitPattern: Int32(integer))))
        case .u8:
            guard case .u8(let integer) = value else { throw mismatch(value) }
            out.append(.i32(UInt32(integer)))
        case .s16:
            guard case .s16(let integer) = value else { throw mismatch(value) }
            out.append(.i32(UInt32(bitPattern: Int32(integer))))
        case .u16:
            guard case .u16(let integer) = value else { throw mismatch(value) }
            out.append(.i32(UInt32(integer)))
        case .s32:
            guard case .s32(let integer) = value else { throw mismatch(value) }
            out.append(.i32(UInt32(bitPattern: integer)))
        case .u32:
            guard case .u32(let integer) = value else { throw mismatch(value) }
            out.append(.i32(integer))
        case .s64:
            guard case .s64(let integer) = value else { throw mismatch(value) }
            out.append(.i64(UInt64(bitPattern: integer)))
        case .u64:
            guard case .u64(let integer) = value else { throw mismatch(value) }
            out.append(.i64(integer))
        case .f32:
            guard case .f32(let float) = value else { throw mismatch(value) }
            out.append(.f32(ScalarConversion.lowerFloat(float)))
        case .f64:
            guard case .f64(let double) = value else { throw mismatch(value) }
            out.append(.f64(ScalarConversion.lowerDouble(double)))
        case .char:
            guard case .char(let scalar) = value else { throw mismatch(value) }
            out.append(.i32(scalar.value))
        case .string:
            guard case .string(let string) = value else { throw mismatch(value) }
            let (pointer, length) = try StringCoding.lower(string, context: &context)
            out.append(.i32(pointer))
            out.append(.i32(length))
        case .list(let element):
            guard case .list(let elements) = value else { throw mismatch(value) }
            let pointer = try element.storeList(elements, context: &context)
            out.append(.i32(pointer))
            out.append(.i32(UInt32(elements.count)))
        case .record(let fields):
            guard case .record(let record) = value else { throw mismatch(value) }
            if let ordered = try fields.orderedValues(of: record, type: type) {
                for index in fields.fields.indices {
                    try fields.fields[index].lowerFlat(ordered[index], into: &out, context: &context)
                }
            } else {
                for index in fields.fields.indices {
                    try fields.fields[index].lowerFlat(record[index].value, into: &out, context: &context)
                }
            }
        case .tuple(let fields):
            guard case .tuple(let elements) = value else { throw mismatch(value) }
            try checkTupleArity(fields, elements)
            for index in fields.fields.indices {
                try fields.fields[index].lowerFlat(elements[index], into: &out, context: &context)
            }
        case .cases(let cases):
            let (index, payload) = try cases.selectedCase(of: value, type: type)
            out.append(.i32(UInt32(truncatingIfNeeded: index)))
            let payloadStart = out.count
            if let payload, let payloadLayout = cases.payloads[index] {
                try payloadLayout.lowerFlat(payload, into: &out, context: &context)
                for slot in payloadStart..<out.count where slot - payloadStart < cases.payloadFlat.count {
                    out[slot] = ScalarConversion.coerce(out[slot], to: cases.payloadFlat[slot - payloadStart])
                }
            }
            // Slots only other cases use are zero.
            while out.count - payloadStart < cases.payloadFlat.count {
                out.append(.zero(cases.payloadFlat[out.count - payloadStart]))
            }
        case .flags(let flags):
            guard case .flags(let names) = value else { throw mismatch(value) }
            for word in 0..<flags.wordCount {
                out.append(.i32(try flags.word(word, of: names, type: type)))
            }
        case .own(let resource):
            guard case .handle(let handle) = value else { throw mismatch(value) }
            try checkOwned(handle)
            out.append(.i32(try context.lowerOwn(handle, as: resource)))
        case .borrow(let resource):
            guard case .handle(let handle) = value else { throw mismatch(value) }
            out.append(.i32(try context.lowerBorrow(handle, as: resource)))
        }
    }
}
