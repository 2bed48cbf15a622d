/// Builds JSON lines as UTF-8 bytes, by hand, into one reused buffer: the audit log writes
/// hundreds of thousands of records a second, and Foundation's encoders are several times slower
/// (see the benchmark numbers in README.md, The audit trail). Not thread-safe: one per sink, used under its lock.
final class JSONLineBuilder {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    private var needsComma = false
    /// The RFC 3339 text up to the seconds (`2026-11-25T14:12:03.`) of the last timestamp written,
    /// so the calendar arithmetic runs once per second, not once per record.
    private var cachedSecond: Int64 = .min
    private var cachedPrefix: [UInt8] = []

    init(capacity: Int = 1024) {
        self.capacity = max(64, capacity)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// The bytes built so far.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage, count: count) }

    func reset() {
        count = 0
        needsComma = false
    }

    func beginObject() {
        reserve(1)
        put(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Closes the object and ends the line.
    func endLine() {
        reserve(2)
        put(UInt8(ascii: "}"))
        put(UInt8(ascii: "\n"))
    }

    /// `"name":` — names are plain ASCII chosen by us, so they need no escaping.
    func key(_ name: StaticString) {
        reserve(name.utf8CodeUnitCount + 4)
        if needsComma { put(UInt8(ascii: ",")) }
        needsComma = true
        put(UInt8(ascii: "\""))
        (storage + count).update(from: name.utf8Start, count: name.utf8CodeUnitCount)
        count += name.utf8CodeUnitCount
        put(UInt8(ascii: "\""))
        put(UInt8(ascii: ":"))
    }

    func string(_ name: StaticString, _ value: String) {
        key(name)
        appendString(value)
    }

    func string(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { appendString(value) } else { appendNull() }
    }

    func integer(_ name: StaticString, _ value: UInt64) {
        key(name)
        appendInteger(value)
    }

    func null(_ name: StaticString) {
        key(name)
        appendNull()
    }

    /// Fields written as they were for the last record with the same `key`, copied instead of
    /// written again: the fields that name a call (component, interface, function) and its
    /// decision repeat from record to record, and escaping them was a third of a record's cost.
    /// `write` writes the fields when `key` is new; it may depend on nothing but `key`.
    func remembered<Key: Equatable>(_ run: inout RememberedFields<Key>, key: Key, _ write: () -> Void) {
        if let known = run.key, known == key, run.commaBefore == needsComma {
            reserve(run.bytes.count)
            run.bytes.withUnsafeBufferPointer { if let base = $0.baseAddress { copy(base, count: $0.count) } }
            if !run.bytes.isEmpty { needsComma = true }
            return
        }
        let start = count
        let commaBefore = needsComma
        write()
        run = RememberedFields(key: key, commaBefore: commaBefore, bytes: Array(bytes[start..<count]))
    }

    /// `"2026-11-25T14:12:03.123456Z"`.
    func timestamp(_ name: StaticString, _ time: WallClockTime) {
        key(name)
        let nanoseconds = time.nanosecondsSinceEpoch
        var second = nanoseconds / 1_000_000_000
        var fraction = nanoseconds % 1_000_000_000
        if fraction < 0 {
            fraction += 1_000_000_000
            second -= 1
        }
        if second != cachedSecond {
            var text: [UInt8] = []
            WallClockTime(nanosecondsSinceEpoch: second * 1_000_000_000).appendRFC3339(to: &text)
            cachedPrefix = Array(text.prefix(20))
            cachedSecond = second
        }
        reserve(cachedPrefix.count + 9)
        put(UInt8(ascii: "\""))
        for byte in cachedPrefix { put(byte) }
        var microseconds = Int(fraction / 1000)
        var position = count + 5
        for _ in 0..<6 {
            storage[position] = UInt8(ascii: "0") + UInt8(microseconds % 10)
            microseconds /= 10
            position -= 1
        }
        count += 6
        put(UInt8(ascii: "Z"))
        put(UInt8(ascii: "\""))
    }

    private func appendNull() {
        reserve(4)
        put(UInt8(ascii: "n"))
        put(UInt8(ascii: "u"))
        put(UInt8(ascii: "l"))
        put(UInt8(ascii: "l"))
    }

    private func appendInteger(_ value: UInt64) {
        reserve(20)
        var digits = 1
        var probe = value
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        var remaining = value
        var position = count + digits - 1
        repeat {
            storage[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
            position -= 1
        } while remaining > 0
        count += digits
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\t`, `\r` or `\u00XX`,
    /// everything else copied as UTF-8 (Swift strings are always valid Unicode).
    private func appendString(_ value: String) {
        // A native string's bytes are read in place; any other is made contiguous first.
        if let done: Void = value.utf8.withContiguousStorageIfAvailable({ appendString(utf8: $0) }) { return done }
        var text = value
        text.withUTF8 { appendString(utf8: $0) }
    }

    private func appendString(utf8: UnsafeBufferPointer<UInt8>) {
        // Worst case every byte becomes `\u00XX`.
        reserve(utf8.count * 6 + 2)
        put(UInt8(ascii: "\""))
        guard let source = utf8.baseAddress else {
            put(UInt8(ascii: "\""))
            return
        }
        var runStart = 0
        var index = 0
        while index < utf8.count {
            let byte = source[index]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            copy(source + runStart, count: index - runStart)
            appendEscaped(byte)
            index += 1
            runStart = index
        }
        copy(source + runStart, count: utf8.count - runStart)
        put(UInt8(ascii: "\""))
    }

    private func appendEscaped(_ byte: UInt8) {
        put(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): put(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): put(UInt8(ascii: "\\"))
        case 0x0A: put(UInt8(ascii: "n"))
        case 0x09: put(UInt8(ascii: "t"))
        case 0x0D: put(UInt8(ascii: "r"))
        default:
            put(UInt8(ascii: "u"))
            put(UInt8(ascii: "0"))
            put(UInt8(ascii: "0"))
            put(Self.hexDigit(byte >> 4))
            put(Self.hexDigit(byte & 0xF))
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// Callers reserve first; `put` and `copy` then write without checks.
    @inline(__always)
    private func put(_ byte: UInt8) {
        storage[count] = byte
        count += 1
    }

    @inline(__always)
    private func copy(_ source: UnsafePointer<UInt8>, count length: Int) {
        guard length > 0 else { return }
        (storage + count).update(from: source, count: length)
        count += length
    }

    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < count + extra { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: storage, count: count)
        storage.deallocate()
        storage = grown
        capacity = newCapacity
    }
}

/// What `JSONLineBuilder.remembered` keeps of one run of fields.
struct RememberedFields<Key: Equatable> {
    fileprivate var key: Key?
    fileprivate var commaBefore = false
    fileprivate var bytes: [UInt8] = []
}
