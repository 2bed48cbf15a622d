/// Lexical path handling shared by the policy and the filesystem: splitting, cleaning, validation.
///
/// Lexical means no filesystem is consulted: `a/b/../c` is `a/c` whatever `b` is. The policy works on
/// these names only; the filesystem then opens the result component by component without following
/// anything out of a scope, so the lexical name is also the name that gets opened.
enum LexicalPath {
    /// Linux's PATH_MAX and NAME_MAX; longer paths cannot be opened anyway, so they are refused early.
    static let maximumPathBytes = 4096
    static let maximumComponentBytes = 255

    /// Why a path is not acceptable at all, before any policy or filesystem question.
    enum Problem: Hashable, Sendable {
        case empty
        case containsNUL
        case tooLong(bytes: Int)
        case componentTooLong(bytes: Int)

        var explanation: String {
            switch self {
            case .empty: return "is empty"
            case .containsNUL: return "contains a NUL byte"
            case .tooLong(let bytes):
                return "is \(bytes) bytes long, more than the limit of \(LexicalPath.maximumPathBytes)"
            case .componentTooLong(let bytes):
                return "has a name \(bytes) bytes long, more than the limit of \(LexicalPath.maximumComponentBytes)"
            }
        }
    }

    /// The first reason `path` cannot name a file, or nil when it is acceptable.
    static func problem(in path: String) -> Problem? {
        let bytes = path.utf8
        if bytes.isEmpty { return .empty }
        if bytes.count > maximumPathBytes { return .tooLong(bytes: bytes.count) }
        var componentLength = 0
        for byte in bytes {
            if byte == 0 { return .containsNUL }
            if byte == UInt8(ascii: "/") {
                componentLength = 0
            } else {
                componentLength += 1
                if componentLength > maximumComponentBytes {
                    return .componentTooLong(bytes: longestComponent(in: path))
                }
            }
        }
        return nil
    }

    private static func longestComponent(in path: String) -> Int {
        path.utf8.split(separator: UInt8(ascii: "/")).map(\.count).max() ?? 0
    }

    static func isAbsolute(_ path: String) -> Bool { path.utf8.first == UInt8(ascii: "/") }

    /// The cleaned components of an absolute path, or of a relative one joined to `base` (itself
    /// cleaned and absolute). `.` and empty components vanish, `..` removes the previous component
    /// and stops at `/` as POSIX does. One allocation: the result.
    static func absoluteComponents(of path: String, base: [Substring]) -> [Substring] {
        var result: [Substring] = []
        if isAbsolute(path) {
            result.reserveCapacity(8)
        } else {
            result.reserveCapacity(base.count + 8)
            result.append(contentsOf: base)
        }
        appendCleaned(path, to: &result)
        return result
    }

    /// Appends the components of `path` to `stack`, applying `.` and `..`.
    static func appendCleaned(_ path: String, to stack: inout [Substring]) {
        let utf8 = path.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "/") {
                push(path[start..<index], to: &stack)
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        push(path[start..<index], to: &stack)
    }

    @inline(__always)
    private static func push(_ component: Substring, to stack: inout [Substring]) {
        let bytes = component.utf8
        switch bytes.count {
        case 0: return
        case 1 where bytes.first == UInt8(ascii: "."): return
        case 2 where bytes.first == UInt8(ascii: ".") && bytes.last == UInt8(ascii: "."):
            if !stack.isEmpty { stack.removeLast() }
        default: stack.append(component)
        }
    }

    /// Relative components of `path` without joining: used to keep leading `..` of a relative path
    /// (`../shared/x` stays as written) for display.
    static func cleanedRelative(_ path: String) -> [Substring] {
        var stack: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            if component == "." { continue }
            if component == "..", let last = stack.last, last != ".." {
                stack.removeLast()
                continue
            }
            stack.append(component)
        }
        return stack
    }

    /// The display form of a path: absolute paths cleaned (`/etc//x/../y` → `/etc/y`), relative ones
    /// cleaned and written with a leading `./` (`demo.txt` → `./demo.txt`, `a/..` → `.`).
    static func displayForm(of path: String) -> String {
        if isAbsolute(path) {
            var stack: [Substring] = []
            appendCleaned(path, to: &stack)
            return "/" + stack.joined(separator: "/")
        }
        let components = cleanedRelative(path)
        if components.isEmpty { return "." }
        if components[0] == ".." { return components.joined(separator: "/") }
        return "./" + components.joined(separator: "/")
    }

    /// True when `prefix` equals the first `prefix.count` components of `path`, byte for byte
    /// (file names are bytes; Swift's `==` would equate different Unicode normalisations).
    static func hasPrefix(_ path: [Substring], _ prefix: [Substring]) -> Bool {
        if prefix.count > path.count { return false }
        var index = 0
        while index < prefix.count {
            if !sameBytes(path[index], prefix[index]) { return false }
            index += 1
        }
        return true
    }

    static func sameBytes(_ left: Substring, _ right: Substring) -> Bool {
        let leftBytes = left.utf8, rightBytes = right.utf8
        guard leftBytes.count == rightBytes.count else { return false }
        // Both made contiguous (native strings already are) and compared as memory.
        var left = left
        var right = right
        return left.withUTF8 { leftBuffer in
            right.withUTF8 { rightBuffer in
                guard let leftStart = leftBuffer.baseAddress, let rightStart = rightBuffer.baseAddress else {
                    return true  // both empty: their counts are equal
                }
                return memcmp(leftStart, rightStart, leftBuffer.count) == 0
            }
        }
    }

    // MARK: Byte form, for the policy's hot path

    /// The cleaned absolute form of `path` as bytes, without a trailing slash: `/work/demo.txt`,
    /// and the empty sequence for `/` itself. `root` is the same form of the base for relative paths.
    static func cleanedAbsoluteBytes(of path: String, root: [UInt8]) -> [UInt8] {
        root.withUnsafeBufferPointer { rootBytes in
            withCleanedAbsoluteBytes(of: path, root: rootBytes) { Array($0) }
        }
    }

    /// Cleans `path` (joined to `root` when relative) into a temporary buffer, on the stack when
    /// small, and passes the bytes to `body`: no heap allocation, no reference counting.
    static func withCleanedAbsoluteBytes<Result>(
        of path: String, root: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        var path = path
        return path.withUTF8 { input in
            let capacity = root.count + input.count + 1
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { output in
                var length = 0
                if input.first != UInt8(ascii: "/"), let base = root.baseAddress, root.count > 0 {
                    output.baseAddress?.update(from: base, count: root.count)
                    length = root.count
                }
                var start = 0
                var index = 0
                while index <= input.count {
                    if index == input.count || input[index] == UInt8(ascii: "/") {
                        let componentLength = index - start
                        if componentLength == 1 && input[start] == UInt8(ascii: ".") {
                            // `.`: nothing
                        } else if componentLength == 2 && input[start] == UInt8(ascii: ".")
                            && input[start + 1] == UInt8(ascii: ".")
                        {
                            while length > 0 && output[length - 1] != UInt8(ascii: "/") { length -= 1 }
                            if length > 0 { length -= 1 }
                        } else if componentLength > 0 {
                            output[length] = UInt8(ascii: "/")
                            length += 1
                            for offset in 0..<componentLength { output[length + offset] = input[start + offset] }
                            length += componentLength
                        }
                        start = index + 1
                    }
                    index += 1
                }
                return body(UnsafeBufferPointer(rebasing: output[..<length]))
            }
        }
    }

    /// True when the cleaned absolute `request` is `scope` or lies beneath it (both in byte form).
    @inline(__always)
    static func covers(scope: UnsafeBufferPointer<UInt8>, request: UnsafeBufferPointer<UInt8>) -> Bool {
        guard request.count >= scope.count else { return false }
        if scope.isEmpty { return true }
        guard let scopeBase = scope.baseAddress, let requestBase = request.baseAddress,
            memcmp(scopeBase, requestBase, scope.count) == 0
        else { return false }
        return request.count == scope.count || request[scope.count] == UInt8(ascii: "/")
    }
}
