extension String {
    /// `bytes` as a string if they are UTF-8, else nil: a name read from a binary.
    ///
    /// Nearly every name is ASCII, which needs no validation: `String(validating:as:)` is an
    /// unspecialized generic that costs more than the rest of reading a name (about 1,100
    /// instructions for a short one, most of them type metadata looked up at run time).
    package init?(validatingName bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            self.init(decoding: bytes, as: UTF8.self)
        } else {
            guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
            self = text
        }
    }
}
