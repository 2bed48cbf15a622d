import Foundation
import Sandbox
import WasmComponent

let root = "/work/main/components/"
var args = CommandLine.arguments.dropFirst()
let name = args.popFirst()!
let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: name.hasSuffix(".wasm") ? name : root + name + ".wasm")))
let component = try LoadedComponent(bytes: bytes, name: name, providedInterfaces: [], limits: ComponentLimits(memoryBytes: 1 << 20, fuelPerCall: 100_000_000), hostCall: { c, _ in
    if c.function == "greeting" { return .string("hello from the host") }
    throw LoadError("denied \(c.function)") })
for text in args {
    do {
        let call = try CallExpression(text, in: component)
        let start = Date()
        let r = try component.call(call.export, call.arguments)
        print(text, "=>", r.map { CallExpression.format($0, of: call.export) ?? "" } ?? "()", Date().timeIntervalSince(start))
    } catch {
        print(text, "error", type(of: error), ":", error)
    }
}
