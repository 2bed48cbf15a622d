/// What `Manifest.save` did to the file.
public enum ManifestSaveOutcome: Hashable, Sendable {
    /// Wrote the whole manifest (a new file, or one that could not be kept).
    case written
    /// Kept the file as it was, its comments included, and added tables for this many rules at
    /// its end (none: it said the policy already, and was left alone).
    case extended(addedRules: Int)
}
