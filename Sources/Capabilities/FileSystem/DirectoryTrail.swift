/// The directories a `BeneathWalk` is in, from its anchor down, without a descriptor for each: a
/// path 1,500 directories deep must not need 1,500 open files (the usual limit is 1,024).
///
/// It keeps the name of every directory, descriptors for the deepest `denseCount` and sparser
/// checkpoints above them whose gaps double going up, as the digits of a binary counter (about
/// 2 log₂ depth of them, never more than `maximumHeld`). Climbing (`..`) to a directory it no
/// longer holds reopens it by walking the kept names down from the deepest checkpoint above it,
/// one name at a time with the walk's own step (`O_NOFOLLOW | O_DIRECTORY`, denies checked): a
/// climb never asks the kernel for `..`, so it can never leave the anchor, and nothing is ever
/// reopened for paths less than `denseCount` deep. Climbing all the way up from depth d costs
/// O(d log d) reopenings.
struct DirectoryTrail {
    /// Directories this close to the current one are always held.
    static let denseCount = 8
    /// The most descriptors one trail holds (the anchor aside).
    static let maximumHeld = 48

    private let anchor: Int32
    /// The name of each directory below the anchor: `names[i]` is the directory at depth i + 1.
    private var names: [ArraySlice<UInt8>] = []
    /// The directories held open, by depth (1 and deeper; the anchor, depth 0, is the caller's).
    private var held: [(depth: Int, descriptor: Int32)] = []

    init(anchor: Int32) {
        self.anchor = anchor
    }

    /// How many descriptors the trail holds now (the anchor aside).
    var heldCount: Int { held.count }

    /// The names of the directories entered, outermost first: where the walk is, below the anchor.
    var path: [ArraySlice<UInt8>] { names }

    /// Enters `name`, a directory of the current one that the caller opened as `descriptor` (the
    /// trail owns it from now on).
    mutating func descend(into name: ArraySlice<UInt8>, descriptor: Int32) {
        names.append(name)
        hold(descriptor, at: names.count)
    }

    /// Leaves the current directory for its parent; false at the anchor, which has no parent here.
    mutating func climb() -> Bool {
        guard !names.isEmpty else { return false }
        if let last = held.last, last.depth == names.count {
            close(last.descriptor)
            held.removeLast()
        }
        names.removeLast()
        return true
    }

    /// Back at the anchor (an absolute link target starts over from it).
    mutating func reset() {
        for entry in held { close(entry.descriptor) }
        held.removeAll()
        names.removeAll()
    }

    /// Closes every descriptor the trail holds.
    mutating func closeAll() { reset() }

    /// The current directory (the trail keeps ownership), reopened when a climb left it closed:
    /// `reopen(directory, name)` opens the directory `name` of `directory` with the walk's checks.
    mutating func currentDirectory(
        reopen: (Int32, ArraySlice<UInt8>) -> Result<Int32, FileAccessError>
    ) -> Result<Int32, FileAccessError> {
        let target = names.count
        guard let deepest = held.last else { return walkDown(from: 0, directory: anchor, to: target, reopen) }
        if deepest.depth == target { return .success(deepest.descriptor) }
        return walkDown(from: deepest.depth, directory: deepest.descriptor, to: target, reopen)
    }

    private mutating func walkDown(
        from start: Int, directory: Int32, to target: Int,
        _ reopen: (Int32, ArraySlice<UInt8>) -> Result<Int32, FileAccessError>
    ) -> Result<Int32, FileAccessError> {
        var depth = start
        var current = directory
        while depth < target {
            switch reopen(current, names[depth]) {
            case .success(let descriptor):
                depth += 1
                hold(descriptor, at: depth)  // never closes the newest, so `current` stays open
                current = descriptor
            case .failure(let error):
                return .failure(error)
            }
        }
        return .success(current)
    }

    private mutating func hold(_ descriptor: Int32, at depth: Int) {
        held.append((depth, descriptor))
        thin()
    }

    /// Above the dense part, three equal gaps in a row become two (the shallower pair merges):
    /// the gaps stay powers of two, at most two of each size.
    private mutating func thin() {
        var merged = true
        while merged {
            merged = false
            let sparseCount = held.count - Self.denseCount
            var index = 0
            while index + 2 < sparseCount {
                if gap(at: index) == gap(at: index + 1), gap(at: index + 1) == gap(at: index + 2) {
                    close(held.remove(at: index).descriptor)
                    merged = true
                    break
                }
                index += 1
            }
        }
        while held.count > Self.maximumHeld { close(held.removeFirst().descriptor) }
    }

    private func gap(at index: Int) -> Int {
        held[index].depth - (index > 0 ? held[index - 1].depth : 0)
    }
}
