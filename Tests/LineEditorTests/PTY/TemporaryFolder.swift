import Foundation

/// A fresh folder under the system's temporary directory, removed with everything in it when the
/// last reference goes: tests that need a HOME or a scratch folder leave nothing behind.
public final class TemporaryFolder: Sendable {
    public let url: URL

    /// Makes `<tmp>/<prefix>-<UUID>`.
    public init(prefix: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public var path: String { url.path }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
