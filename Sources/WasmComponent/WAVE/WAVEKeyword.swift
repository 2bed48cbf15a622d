/// WAVE's reserved words. An enum or variant case with one of these names must be written with a
/// `%` prefix (`%none`), because unprefixed they mean bools, options, results or floats.
enum WAVEKeyword {
    static func isKeyword(_ name: String) -> Bool {
        switch name {
        case "true", "false", "some", "none", "ok", "err", "inf", "nan": return true
        default: return false
        }
    }

    static func isKeyword(_ bytes: ArraySlice<UInt8>) -> Bool {
        // Compare raw bytes so the parser need not build a String for every label.
        switch bytes.count {
        case 2: return bytes.elementsEqual("ok".utf8)
        case 3:
            return bytes.elementsEqual("err".utf8) || bytes.elementsEqual("inf".utf8)
                || bytes.elementsEqual("nan".utf8)
        case 4:
            return bytes.elementsEqual("true".utf8) || bytes.elementsEqual("some".utf8)
                || bytes.elementsEqual("none".utf8)
        case 5: return bytes.elementsEqual("false".utf8)
        default: return false
        }
    }
}
