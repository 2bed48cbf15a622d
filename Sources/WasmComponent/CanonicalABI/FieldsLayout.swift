/// The memory layout of a record or tuple: each field at its aligned offset (spec:
/// `elem_size_record`, `alignment_record`).
final class FieldsLayout: Sendable {
    /// Field names for a record; `0`, `1`, ... for a tuple.
    let names: [String]
    let fields: [CanonicalLayout]
    let offsets: [Int]
    let size: Int
    let alignment: Int

    init(names: [String], fields: [CanonicalLayout]) {
        var offset = 0
        var alignment = 1
        var offsets: [Int] = []
        offsets.reserveCapacity(fields.count)
        for field in fields {
            offset = alignUp(offset, to: field.alignment)
            offsets.append(offset)
            offset += field.size
            alignment = max(alignment, field.alignment)
        }
        self.names = names
        self.fields = fields
        self.offsets = offsets
        self.size = alignUp(offset, to: alignment)
        self.alignment = alignment
    }

    /// The host values of a record in field order: positional when the names line up (the
    /// usual case, no allocation), otherwise matched by name.
    func orderedValues(of record: [ComponentValue.RecordField], type: ValueType) throws -> [ComponentValue]? {
        if record.count == names.count {
            var inOrder = true
            for index in names.indices where record[index].name != names[index] {
                inOrder = false
                break
            }
            if inOrder { return nil }
        }
        var values: [ComponentValue] = []
        values.reserveCapacity(names.count)
        for name in names {
            guard let field = record.first(where: { $0.name == name }) else {
                throw CanonicalABIError.typeMismatch("\(TypeNaming.describe(type)) value is missing field `\(name)`")
            }
            values.append(field.value)
        }
        for field in record where !names.contains(field.name) {
            throw CanonicalABIError.typeMismatch("\(TypeNaming.describe(type)) has no field `\(field.name)`")
        }
        return values
    }
}

/// `align_to`: rounds `offset` up to a multiple of `alignment` (a power of two).
@inline(__always)
func alignUp(_ offset: Int, to alignment: Int) -> Int {
    (offset + alignment - 1) & ~(alignment - 1)
}
