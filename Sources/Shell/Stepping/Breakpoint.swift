import Capabilities
import WasmRuntime

/// A function the stepper stops at on entry: `break skill_run`, `break 5` (function 5 of core
/// module 0), `break 1:2` (function 2 of core module 1).
struct Breakpoint: Equatable, CustomStringConvertible {
    enum Target: Equatable {
        case name(String)
        case index(module: Int, index: Int)
    }

    let target: Target

    /// Parses a `break` argument and checks that it names at least one of `functions`.
    init(_ text: String, in functions: [CoreFunctionName], component: String) throws(ShellError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil }), parts.count <= 2 {
            let numbers = parts.compactMap { Int($0) }
            target = .index(module: numbers.count == 2 ? numbers[0] : 0, index: numbers[numbers.count - 1])
        } else {
            target = .name(text)
        }
        guard functions.contains(where: matches) else {
            switch target {
            case .name:
                let similar = functions.compactMap(\.name).filter { $0.lowercased().contains(text.lowercased()) }
                throw ShellError(
                    "\(component) has no function named '\(text)'"
                        + (similar.isEmpty
                            ? "; 'functions' at the pause lists them"
                            : " (similar: \(similar.prefix(5).joined(separator: ", ")))"))
            case .index(let module, let index):
                throw ShellError("\(component) has no function \(index) in core module \(module)")
            }
        }
    }

    func matches(_ function: CoreFunctionName) -> Bool {
        switch target {
        case .name(let name): function.name == name
        case .index(let module, let index): function.module == module && function.index == index
        }
    }

    var description: String {
        switch target {
        case .name(let name): name
        case .index(let module, let index): "\(module):\(index)"
        }
    }
}
