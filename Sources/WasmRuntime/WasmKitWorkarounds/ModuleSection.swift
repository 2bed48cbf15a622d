/// Where one section of a core module lies, header included.
struct ModuleSection {
    static let custom: UInt8 = 0
    static let type: UInt8 = 1
    static let `import`: UInt8 = 2
    static let function: UInt8 = 3
    static let memory: UInt8 = 5
    static let global: UInt8 = 6
    static let export: UInt8 = 7
    static let start: UInt8 = 8
    static let code: UInt8 = 10

    let id: UInt8
    /// From the id byte to the end of the content.
    let range: Range<Int>
    let contentRange: Range<Int>

    /// The position of a non-custom section in the order the binary format requires (the tag
    /// section, id 13, sits between memory and global; data count, id 12, before code), or nil
    /// for an id the format does not define.
    static func rank(of id: UInt8) -> Int? {
        switch id {
        case 1...5: Int(id)
        case 13: 6
        case 6...9: Int(id) + 1
        case 12: 11
        case 10, 11: Int(id) + 2
        default: nil
        }
    }
}
