/// A core module's own import and export names, kept by the host while WasmKit gets the module
/// with short names in their place (`CoreModuleInstrumenter.instrumentShorteningNames`).
///
/// Why: WasmKit 0.4.2 decodes a name a `Character` at a time (`ByteStream.parseName`), about
/// 1,600 instructions per byte. A componentize-py component's core modules import and export
/// some 7,000 names, 135 KB of them: decoding them was a quarter of its load. The host needs
/// the names only to link instances, and looks them up here instead.
///
/// Import `i` becomes module `""`, name `importName(i)`; export `i` of module number `m`
/// becomes `exportName(module: m, index: i)`, unique in the whole component, so that a
/// backtrace naming a function by its short export name (WasmKit does so when the name section
/// does not name it) can be given its own name back (`functionExports`).
package struct ShortNames: Sendable {
    package struct Import: Sendable, Equatable {
        package let module: String
        package let name: String

        package init(module: String, name: String) {
            self.module = module
            self.name = name
        }
    }

    /// The module's imports, in its order.
    package let imports: [Import]
    /// Each export's own name, in the module's order: export `i` is `exportName(module:index: i)`
    /// to WasmKit.
    package let exportNames: [String]
    /// Which exports are functions, in the same order.
    let exportIsFunction: [Bool]
    /// The module's number in its component, part of its exports' short names.
    let moduleNumber: Int
    /// Each export's index by its own name.
    private let exportIndices: [String: Int]

    init(
        imports: [Import], exportNames: [String], exportIsFunction: [Bool], exportIndices: [String: Int],
        moduleNumber: Int
    ) {
        self.imports = imports
        self.exportNames = exportNames
        self.exportIsFunction = exportIsFunction
        self.exportIndices = exportIndices
        self.moduleNumber = moduleNumber
    }

    /// The short name WasmKit knows the export `name` by, or nil if the module has no such
    /// export (even where `name` equals another export's short name).
    package func shortExport(_ name: String) -> String? {
        exportIndices[name].map(shortExportName)
    }

    /// The short name of each exported function → its own name: made when a backtrace needs it.
    package var functionExports: [String: String] {
        var names: [String: String] = [:]
        for (index, own) in exportNames.enumerated() where exportIsFunction[index] {
            names[shortExportName(index)] = own
        }
        return names
    }

    /// Export `index`'s short name, as WasmKit's instance knows it.
    private func shortExportName(_ index: Int) -> String {
        String(decoding: Self.exportName(module: moduleNumber, index: index), as: UTF8.self)
    }

    /// `message` (a WasmKit error naming an import as `MODULE.NAME`) with the short import
    /// names in it replaced by the module's own: `incompatible import type for .B, ...` becomes
    /// `... for env.tick, ...`.
    package func restoringImportNames(in message: String) -> String {
        var result = ""
        var rest = message[...]
        // A short import name follows a `.` that follows a space (its module name is empty).
        while let dot = rest.firstRange(of: " .") {
            result += rest[..<dot.lowerBound]
            let nameStart = dot.upperBound
            let nameEnd = rest[nameStart...].firstIndex { !Self.isDigit($0) } ?? rest.endIndex
            if let index = Self.number(rest[nameStart..<nameEnd]), index < imports.count {
                result += " \(imports[index].module).\(imports[index].name)"
            } else {
                result += rest[dot.lowerBound..<nameEnd]
            }
            rest = rest[nameEnd...]
        }
        return result + rest
    }

    private static func isDigit(_ character: Character) -> Bool {
        character.asciiValue.map { digits.contains($0) } ?? false
    }

    /// The number a short name spells, or nil if it spells none.
    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 8 else { return nil }
        var value = 0
        for character in text {
            guard let ascii = character.asciiValue, let digit = digits.firstIndex(of: ascii) else { return nil }
            value = value << 6 | digit
        }
        return value
    }

    /// Characters of a short name: none of them is `:`, which every name the instrumenter
    /// adds (`wasmsh:interrupt`, `wasmsh:start`) has.
    private static let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_$".utf8)

    /// Import `index`'s short name (its module name is empty).
    package static func importName(_ index: Int) -> [UInt8] {
        var name: [UInt8] = []
        name.reserveCapacity(8)
        appendNumber(index, to: &name)
        return name
    }

    /// Export `index` of core module number `module`: the module in base 31, written with the
    /// control characters U+0001–U+001F, then the index in base 64 (`digits`), three bytes for
    /// most exports (WasmKit decodes each byte at 1,300 instructions). The control characters
    /// keep it apart from names that modules give functions themselves and end where the index
    /// starts, so that no two modules' names meet.
    package static func exportName(module: Int, index: Int) -> [UInt8] {
        var name: [UInt8] = []
        name.reserveCapacity(8)
        appendNumber(module, to: &name, digits: moduleDigits)
        appendNumber(index, to: &name, digits: digits)
        return name
    }

    /// Digits of an export name's module number.
    private static let moduleDigits = Array(UInt8(0x01)...UInt8(0x1F))

    /// `number` written with `digits` (base `digits.count`), most significant digit first: the
    /// largest power of the base it reaches first, so that nothing is written backwards and
    /// turned round (a reversed slice of the name cost 5k instructions a name, and a load makes
    /// one for every import and every export it looks up).
    private static func appendNumber(_ number: Int, to name: inout [UInt8], digits: [UInt8] = digits) {
        let base = digits.count
        var place = 1
        while number / place >= base { place *= base }
        repeat {
            name.append(digits[number / place % base])
            place /= base
        } while place > 0
    }
}
