import CLibEdit

/// libedit's history list (`History *`), optionally backed by a file in libedit's own format
/// (first line `_HiStOrY_V2_`). The line editor lends it to libedit for Up/Down and Ctrl-R.
final class LineHistory {
    let handle: OpaquePointer

    init(size: Int) throws(LineEditorError) {
        guard let handle = history_init() else {
            throw .initializationFailed("history_init returned NULL")
        }
        self.handle = handle
        _ = shim_history_set_size(handle, Int32(clamping: max(size, 1)))
        // Pressing Enter on a recalled line does not store it twice in a row.
        _ = shim_history_set_unique(handle, 1)
    }

    deinit {
        history_end(handle)
    }

    func add(_ line: String) {
        _ = shim_history_enter(handle, line)
    }

    /// Entries from the oldest to the newest.
    var entries: [String] {
        var result: [String] = []
        var entry = shim_history_step(handle, H_LAST)
        while let text = entry {
            result.append(String(cString: text))
            entry = shim_history_step(handle, H_PREV)
        }
        return result
    }

    /// Loads `path` if it exists; a missing file is an empty history, not an error.
    func load(from path: String) throws(LineEditorError) {
        if access(path, F_OK) != 0 {
            let code = errno
            if code == ENOENT { return }
            throw .historyLoadFailed(path: path, reason: LineEditorError.message(for: code))
        }
        if shim_history_load(handle, path) < 0 {
            let reason =
                access(path, R_OK) != 0
                ? LineEditorError.message(for: errno) : "not a libedit history file"
            throw .historyLoadFailed(path: path, reason: reason)
        }
    }

    /// Writes the whole history to a temporary file beside `path`, then renames it over `path`,
    /// so that a crash mid-write never leaves a truncated history behind.
    func save(to path: String) throws(LineEditorError) {
        let temporary = "\(path).tmp-\(getpid())"
        if shim_history_save(handle, temporary) < 0 {
            let code = errno
            unlink(temporary)
            throw .historySaveFailed(path: path, reason: LineEditorError.message(for: code))
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw .historySaveFailed(path: path, reason: LineEditorError.message(for: code))
        }
    }
}
