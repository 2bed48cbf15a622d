import WasmKit

/// The value stacks a component's guest code runs on, kept between calls: WasmKit's plain
/// `invoke` allocates one of the engine's stack size (512 KiB) per call, and a call of an export
/// that returns a string makes two more (its `realloc`, its post-return function).
///
/// A stack is lent for one call and returned after it, trap or not. A call nested inside
/// another (the guest's `realloc` run while a host call lowers its result) takes a stack of its
/// own, never the one the outer call's frames are on. A component runs on one thread at a time,
/// like its WasmKit store.
final class ExecutionStacks {
    private final class Lent {
        var stack: ExecutionStack
        init(engine: Engine) { stack = ExecutionStack(engine: engine) }
    }

    /// Kept for reuse: as many as calls were nested, at most `keptLimit`.
    private var idle: [Lent] = []
    private let engine: Engine
    private static let keptLimit = 4

    init(engine: Engine) { self.engine = engine }

    /// Runs `function` on a stack of this component's.
    func invoke(_ function: Function, _ arguments: [Value]) throws -> [Value] {
        let lent = idle.popLast() ?? Lent(engine: engine)
        defer { if idle.count < Self.keptLimit { idle.append(lent) } }
        return try function.invoke(arguments, on: &lent.stack)
    }
}
