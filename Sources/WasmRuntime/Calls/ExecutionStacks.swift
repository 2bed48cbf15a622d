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
        /// The four arguments of a `realloc` run at this depth, kept between calls: one array
        /// allocation fewer for every string or list lowered into a guest.
        @exclusivity(unchecked) var reallocArguments: [Value] = Array(repeating: .i32(0), count: 4)
        init(engine: Engine) { stack = ExecutionStack(engine: engine) }
    }

    /// The stack of each depth reached so far; `depth` of them are in use.
    @exclusivity(unchecked) private var byDepth: [Lent] = []
    @exclusivity(unchecked) private var depth = 0
    private let engine: Engine

    init(engine: Engine) { self.engine = engine }

    /// Runs `function` on the stack of the current depth.
    func invoke(_ function: Function, _ arguments: [Value]) throws -> [Value] {
        let lent = enter()
        defer { depth -= 1 }
        return try function.invoke(arguments, on: &lent.stack)
    }

    /// Runs a guest's `realloc` (`(i32, i32, i32, i32) -> i32`) on the stack of the current
    /// depth, with its arguments in the array kept there.
    func invokeRealloc(
        _ function: Function, originalPointer: UInt32, originalSize: UInt32, alignment: UInt32, newSize: UInt32
    ) throws -> [Value] {
        let lent = enter()
        defer { depth -= 1 }
        lent.reallocArguments[0] = .i32(originalPointer)
        lent.reallocArguments[1] = .i32(originalSize)
        lent.reallocArguments[2] = .i32(alignment)
        lent.reallocArguments[3] = .i32(newSize)
        return try function.invoke(lent.reallocArguments, on: &lent.stack)
    }

    /// The stack and arrays of the current depth, which is then one deeper.
    private func enter() -> Lent {
        if depth == byDepth.count { byDepth.append(Lent(engine: engine)) }
        let lent = byDepth[depth]
        depth += 1
        return lent
    }
}
