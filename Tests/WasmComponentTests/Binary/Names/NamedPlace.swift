import Testing

@testable import WasmComponent

/// Each place where a component names something, with a component that puts given names
/// there (all in one scope) and what the parser's errors call that place.
enum NamedPlace: String, CaseIterable, CustomTestStringConvertible {
    case componentImport, componentExport, instanceExport, componentTypeImport, componentTypeExport,
        instanceTypeExport, aliasedExport, functionParameter, recordField, variantCase, flag, enumCase

    var testDescription: String { rawValue }

    /// Whether the place takes labels (record fields, ...) rather than import/export names.
    var takesLabels: Bool {
        switch self {
        case .functionParameter, .recordField, .variantCase, .flag, .enumCase: return true
        default: return false
        }
    }

    /// Whether two names in one such place must be different (aliases may repeat a name).
    var isScope: Bool { self != .aliasedExport }

    /// Errors point at the start of the encoded name: import and export names start with a
    /// kind byte before the length-prefixed string.
    var hasKindByte: Bool { !takesLabels && self != .aliasedExport }

    var messagePlace: String {
        switch self {
        case .componentImport: return "import"
        case .componentExport: return "export"
        case .instanceExport: return "instance export"
        case .componentTypeImport: return "component type import"
        case .componentTypeExport: return "component type export"
        case .instanceTypeExport: return "instance type export"
        case .aliasedExport: return "aliased export"
        case .functionParameter: return "function parameter"
        case .recordField: return "record field"
        case .variantCase: return "variant case"
        case .flag: return "flag"
        case .enumCase: return "enum case"
        }
    }

    var section: String {
        switch self {
        case .componentImport: return "import section"
        case .componentExport: return "export section"
        case .instanceExport: return "instance section"
        case .aliasedExport: return "alias section"
        default: return "type section"
        }
    }

    func component(names: [String]) -> [UInt8] {
        typealias B = ComponentBytes
        let u32Type: [UInt8] = [0x79]
        switch self {
        case .componentImport:
            return B.component(
                B.section(7, [B.functionType]), B.section(10, names.map { B.externName($0) + [0x01, 0x00] }))
        case .componentExport:
            return B.component(
                B.section(7, [u32Type]), B.section(11, names.map { B.externName($0) + [0x03, 0x00, 0x00] }))
        case .instanceExport:
            let exports = B.vector(names.map { B.externName($0) + [0x01, 0x00] })
            return B.component(
                B.section(7, [B.functionType]), B.section(10, [B.externName("f") + [0x01, 0x00]]),
                B.section(5, [[0x01] + exports]))
        case .componentTypeImport, .componentTypeExport, .instanceTypeExport:
            let declaration: UInt8 = self == .componentTypeImport ? 0x03 : 0x04
            let declarations =
                [[0x01] + B.functionType] + names.map { [declaration] + B.externName($0) + [0x01, 0x00] }
            return B.component(B.section(7, [[self == .instanceTypeExport ? 0x42 : 0x41] + B.vector(declarations)]))
        case .aliasedExport:
            return B.component(B.section(6, names.map { [0x01, 0x00, 0x00] + B.name($0) }))
        case .functionParameter:
            return B.component(B.section(7, [[0x40] + B.vector(names.map { B.name($0) + u32Type }) + [0x01, 0x00]]))
        case .recordField:
            return B.component(B.section(7, [[0x72] + B.vector(names.map { B.name($0) + u32Type })]))
        case .variantCase:
            return B.component(B.section(7, [[0x71] + B.vector(names.map { B.name($0) + [0x00, 0x00] })]))
        case .flag:
            return B.component(B.section(7, [[0x6e] + B.vector(names.map { B.name($0) })]))
        case .enumCase:
            return B.component(B.section(7, [[0x6d] + B.vector(names.map { B.name($0) })]))
        }
    }
}
