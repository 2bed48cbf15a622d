import CNcurses

extension FullScreen {
    /// How many terminal columns `text` takes (wide characters two, combining marks none),
    /// measured as `draw` and `prefix(of:fittingIn:)` measure it.
    public static func columns(of text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let width = wcwidth(wchar_t(bitPattern: scalar.value))
            return total + (width < 0 ? 1 : Int(width))
        }
    }
}
