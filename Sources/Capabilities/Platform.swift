// The C library for every file of this target: Glibc on Linux, Darwin on macOS. The one place
// the target names a platform, so no file imports Glibc on its own.
#if canImport(Glibc)
    @_exported import Glibc
#elseif canImport(Darwin)
    @_exported import Darwin
#endif
