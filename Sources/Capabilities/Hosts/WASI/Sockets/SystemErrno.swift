/// A failed system call's `errno`, for callers that tell the codes apart (`EAGAIN`, `EPIPE`).
struct SystemErrno: Error, Equatable {
    let code: Int32

    /// The last failed call's.
    static var last: SystemErrno { SystemErrno(code: errno) }
}
