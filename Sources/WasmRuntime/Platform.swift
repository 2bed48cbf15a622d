// The C library for every file of this target: Glibc on Linux, Darwin on macOS. The one place
// the target names a platform, so no file imports Glibc on its own.
#if canImport(Glibc)
    @_exported import Glibc
#elseif canImport(Darwin)
    @_exported import Darwin
#endif

/// The C library's `read`, for code inside a type whose own `read` would hide it.
func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
