/// A DWARF expression from a location attribute or a location-list entry, with what decoding
/// it depends on. `description` prints it the way `llvm-dwarfdump` does.
public struct LocationExpression: Sendable, CustomStringConvertible {
    public let bytes: [UInt8]
    let encoding: ExpressionEncoding

    init(bytes: [UInt8], encoding: ExpressionEncoding) {
        self.bytes = bytes
        self.encoding = encoding
    }

    /// The decoded operations.
    public func operations() throws(DWARFError) -> [DWARFOperation] {
        try DWARFOperation.decode(bytes, encoding: encoding)
    }

    /// `DW_OP_fbreg +28`, `DW_OP_WASM_location 0x0 0x1, DW_OP_stack_value`. Base types of
    /// DW_OP_convert are given by offset only; `DWARFDebugInfo.describe(_:)` adds their names.
    public var description: String {
        DWARFOperation.describe(bytes, encoding: encoding, baseTypeName: { _ in nil })
    }
}
