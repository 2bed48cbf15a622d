import WasmComponent
import WasmRuntime

extension Sampler {
    /// Microseconds per call of `export(argument)`, after one untimed call.
    func microseconds(_ component: LoadedComponent, _ export: String, _ argument: ComponentValue) throws -> Double {
        let function = try component.resolve(export)
        _ = try component.call(function, [argument])
        return try nanosecondsPerIteration { blackHole(try component.call(function, [argument])) } / 1e3
    }

    /// `+6%` for a small overhead, `3.1×` for a large one.
    static func ratio(_ value: Double, _ base: Double) -> String {
        let times = value / base
        return times < 1.5 ? "+\(Int(((times - 1) * 100).rounded()))%" : "\((times * 10).rounded() / 10)×"
    }
}
