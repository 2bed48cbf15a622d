import Foundation

/// A fresh temporary folder ROOT holding an oracle case's files, removed when released; and what
/// is under it afterwards, in the oracle's form.
public final class ScratchRoot {
    public let path: String

    public init(_ entries: [OracleCase.Entry] = []) throws {
        var template = Array("/tmp/wasmsh-wasi-fs-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw ScratchError("mkdtemp failed (errno \(errno))") }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        _ = made
        for entry in entries { try create(entry) }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    public struct ScratchError: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    public func create(_ entry: OracleCase.Entry) throws {
        let full = path + "/" + entry.path
        switch entry.type {
        case "file": try write(entry.text ?? "", to: entry.path)
        case "directory": try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: false)
        case "symlink":
            guard symlink(entry.target ?? "", full) == 0 else { throw ScratchError("symlink \(entry.path)") }
        default: throw ScratchError("unknown entry type \(entry.type)")
        }
    }

    public func write(_ text: String, to relative: String) throws {
        guard FileManager.default.createFile(atPath: path + "/" + relative, contents: Data(text.utf8)) else {
            throw ScratchError("create \(relative)")
        }
    }

    public func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every entry under the root, sorted by path, as `oracle.py`'s `snapshot` lists them.
    public func snapshot() -> [OracleCase.Entry] {
        var entries: [OracleCase.Entry] = []
        func visit(_ relative: String) {
            let full = relative.isEmpty ? path : path + "/" + relative
            let names = (try? FileManager.default.contentsOfDirectory(atPath: full)) ?? []
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                var status = stat()
                guard lstat(path + "/" + child, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFLNK:
                    let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path + "/" + child)) ?? ""
                    entries.append(OracleCase.Entry(path: child, type: "symlink", text: nil, target: target))
                case S_IFDIR:
                    entries.append(OracleCase.Entry(path: child, type: "directory", text: nil, target: nil))
                    visit(child)
                default:
                    entries.append(OracleCase.Entry(path: child, type: "file", text: read(child), target: nil))
                }
            }
        }
        visit("")
        return entries.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }
}
