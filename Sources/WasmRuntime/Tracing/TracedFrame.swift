/// A frame on the tracer's shadow stack, with what its probes told of its position.
struct TracedFrame {
    let name: CoreFunctionName
    let serial: Int
    /// The probes of the frame's module instance, if it has any.
    let probes: ProbeInstance?
    /// Its position (a code offset) when it last called a function.
    var callSite: UInt32?
    /// The last probe that fired in it.
    var lastProbe: UInt32?
    /// The module's `where` when its last callee of the same instance returned.
    var whereAtCalleeExit: UInt32?
    /// The original function forwarded to its twin (the frame's code runs there)...
    var inTwin = false
    /// ... and the twin has returned: the next exit is the frame's own.
    var twinReturned = false
}
