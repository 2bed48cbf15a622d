// The C library for every file of this target: Glibc on Linux, Darwin on macOS. The one place
// the target names a platform, so no file imports Glibc on its own.
#if canImport(Glibc)
    @_exported import Glibc
#elseif canImport(Darwin)
    @_exported import Darwin
#endif

extension sigaction {
    /// An action that runs `handler`; the field holding it is named differently on each platform.
    init(handler: @convention(c) (Int32) -> Void) {
        self.init()
        #if canImport(Glibc)
            __sigaction_handler.sa_handler = handler
        #else
            __sigaction_u.__sa_handler = handler
        #endif
    }
}
