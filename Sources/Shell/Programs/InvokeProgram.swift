import Capabilities
import WasmComponent
import WasmRuntime

/// `wasmsh invoke FILE 'EXPR'`: loads one component, makes one call, prints its result in WAVE
/// alone on the last line of standard output (as `wasmtime run --invoke` does), after whatever
/// the guest printed there; audit lines go to standard error.
public struct InvokeProgram {
    public var file: String
    public var expression: String
    public var options = ProgramOptions()

    public init(file: String, expression: String) {
        self.file = file
        self.expression = expression
    }

    /// Runs it; the exit status: 0 when the call returned, the guest's when it exited.
    public func run(output: any ShellOutput) throws -> Int32 {
        let program = try options.load(file, output: output)
        do {
            let (export, result) = try program.component.call(expression)
            try program.finish()
            if let text = CallExpression.format(result, of: export) { output.write(text + "\n") }
            return 0
        } catch let exit as GuestExit {
            try program.finish()
            if !options.quiet {
                output.writeError("wasmsh: \(program.component.name) exited with status \(exit.status)\n")
            }
            return exit.status
        } catch {
            try? program.finish()
            throw error
        }
    }
}
