import WasmKit

/// The value stacks a component's guest code runs on, kept between calls: WasmKit's plain
/// `invoke` allocates one of the engine's stack size (512 KiB) per call, and a call of an export
/// that returns a string makes two more (its `realloc`, its post-return function).
///
/// One stack per depth of nesting: a call nested inside another (the guest's `realloc` run while
/// a host call lowers its result) runs on a stack of its own, never on the one the outer call's
/// frames are on. A component runs on one thread at a time, like its WasmKit store; its stacks
/// are reached only from there, which is why their accesses are not checked at run time.
final class ExecutionStacks {
    private final class Lent {
        @exclusivity(unchecked) var stack: ExecutionStack
        init(engine: Engine) { stack = ExecutionStack(engine: engine) }
    }

    /// The stack of each depth reached so far; `depth` of them are in use.
    @exclusivity(unchecked) private var byDepth: [Lent] = []
    @exclusivity(unchecked) private var depth = 0
    private let engine: Engine

    init(engine: Engine) { self.engine = engine }

    /// Runs `function` on the stack of the current depth.
    func invoke(_ function: Function, _ arguments: [Value]) throws -> [Value] {
        if depth == byDepth.count { byDepth.append(Lent(engine: engine)) }
        let lent = byDepth[depth]
        depth += 1
        defer { depth -= 1 }
        return try function.invoke(arguments, on: &lent.stack)
    }
}
