/// Reads component files and names components after them.
public enum ComponentFile {
    /// The whole file, or an error naming it and the reason.
    public static func read(_ path: String) throws(LoadError) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw LoadError("cannot open '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count > 0 { bytes.append(contentsOf: buffer[0..<count]) }
            if count < buffer.count {
                if ferror(file) != 0 { throw LoadError("cannot read '\(path)': \(String(cString: strerror(errno)))") }
                break
            }
        }
        return bytes
    }

    /// `components/trusted.wasm` → `trusted`.
    public static func name(of path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".wasm") ? String(file.dropLast(5)) : file
    }
}
