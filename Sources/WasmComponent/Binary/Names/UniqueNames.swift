/// The names already used in one scope (the fields of a record, the exports of an instance
/// type, ...), by the key under which two names count as the same.
///
/// Most scopes hold a handful of names: those are compared one by one, and a hash table (with
/// the standard library's seeded hashing, so that chosen names cannot make it slow) is built
/// only past `linearLimit`. Either way the cost is linear in the names' total length.
package struct UniqueNames {
    private static let linearLimit = 8
    private var entries: [(key: String, name: String)] = []
    private var table: [String: String]?

    package init() {}

    /// Records `name` under `key`; returns the earlier name with the same key, if there is one.
    package mutating func insert(_ name: String, key: String) -> String? {
        if table != nil {
            if let earlier = table?.updateValue(name, forKey: key) {
                table?[key] = earlier
                return earlier
            }
            return nil
        }
        for entry in entries where entry.key == key { return entry.name }
        if entries.count < Self.linearLimit {
            if entries.isEmpty { entries.reserveCapacity(Self.linearLimit) }
            entries.append((key, name))
            return nil
        }
        var table = [String: String](minimumCapacity: 4 * Self.linearLimit)
        for entry in entries { table[entry.key] = entry.name }
        table[key] = name
        self.table = table
        entries = []
        return nil
    }
}
