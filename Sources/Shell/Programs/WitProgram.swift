import WasmComponent
import WasmRuntime

/// `wasmsh wit FILE`: a component's world as WIT, as `wasm-tools component wit` prints it.
public enum WitProgram {
    public static func text(of file: String) throws -> String {
        let binary = try ComponentParser.parse(try ComponentFile.read(file))
        return WITPrinter.print(try ComponentInspector.world(of: binary))
    }
}
