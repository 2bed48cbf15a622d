/// libedit decodes keys and measures characters with the C library's LC_CTYPE locale, which
/// is "C" (ASCII) until a program asks for another: without this, é or 😀 cannot be typed.
enum TerminalLocale {
    /// Adopts the user's LC_CTYPE from the environment; when that is not UTF-8 (no LANG set,
    /// as in many containers) falls back to C.UTF-8, since wasmsh reads and prints UTF-8 text.
    /// Returns whether the character set is UTF-8 afterwards. Changes process-wide state, so
    /// it runs before libedit starts and before other threads use the C locale.
    @discardableResult
    static func adoptUTF8() -> Bool {
        _ = setlocale(LC_CTYPE, "")
        if isUTF8 { return true }
        for fallback in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, fallback) != nil {
            if isUTF8 { return true }
        }
        return false
    }

    static var isUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }
}
