import Foundation

/// `llvm-dwarfdump --debug-line` output, parsed: each table's header fields and rows as text.
struct LineTableDump {
    struct Row: Equatable, CustomStringConvertible {
        var address: UInt32
        var line: Int
        var column: Int
        var file: UInt64
        var isa: UInt64
        var discriminator: UInt64
        var flags: [String]

        var description: String {
            "0x\(String(address, radix: 16)) \(line):\(column) file \(file) isa \(isa) discriminator \(discriminator) \(flags)"
        }
    }

    struct Table {
        var offset: UInt64
        var version = 0
        var directories: [String] = []
        var fileNames: [String] = []
        var fileDirectories: [UInt64] = []
        var rows: [Row] = []
    }

    var tables: [Table] = []

    init(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("debug_line[0x") {
                let hex = line.dropFirst("debug_line[0x".count).prefix { $0 != "]" }
                tables.append(Table(offset: UInt64(hex, radix: 16) ?? 0))
                continue
            }
            guard !tables.isEmpty else { continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("version:") {
                tables[tables.count - 1].version =
                    Int(trimmed.dropFirst("version:".count).trimmingCharacters(in: .whitespaces)) ?? 0
            } else if trimmed.hasPrefix("include_directories[") {
                tables[tables.count - 1].directories.append(Self.quoted(trimmed))
            } else if trimmed.hasPrefix("name:") {
                tables[tables.count - 1].fileNames.append(Self.quoted(trimmed))
            } else if trimmed.hasPrefix("dir_index:") {
                tables[tables.count - 1].fileDirectories.append(
                    UInt64(trimmed.dropFirst("dir_index:".count).trimmingCharacters(in: .whitespaces)) ?? 0)
            } else if line.hasPrefix("0x"), line.count > 18 {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                guard fields.count >= 6, let address = UInt64(fields[0].dropFirst(2), radix: 16) else { continue }
                tables[tables.count - 1].rows.append(
                    Row(
                        address: UInt32(truncatingIfNeeded: address), line: Int(fields[1]) ?? -1,
                        column: Int(fields[2]) ?? -1, file: UInt64(fields[3]) ?? 0, isa: UInt64(fields[4]) ?? 0,
                        discriminator: UInt64(fields[5]) ?? 0, flags: Array(fields.dropFirst(6))))
            }
        }
    }

    private static func quoted(_ line: String) -> String {
        guard let first = line.firstIndex(of: "\""), let last = line.lastIndex(of: "\""), first < last else {
            return ""
        }
        return String(line[line.index(after: first)..<last])
    }
}
