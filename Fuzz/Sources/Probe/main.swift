import Foundation
import Sandbox
import WasmComponent

let root = "/work/main/components/"
func load(_ name: String) throws -> LoadedComponent {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: root + name + ".wasm")))
    return try LoadedComponent(bytes: bytes, name: name, providedInterfaces: [], hostCall: { c, _ in throw LoadError("denied \(c.function)") })
}
let compute = try load("compute")
for text in CommandLine.arguments.dropFirst() {
    do {
        let call = try CallExpression(text, in: compute)
        let start = Date()
        let r = try compute.call(call.export, call.arguments)
        print(text, "=>", r as Any, Date().timeIntervalSince(start))
    } catch {
        let d = "\(error)"
        print(text, "error type", type(of: error), "lines", d.split(separator: "\n").count)
        print(d.split(separator: "\n").prefix(6).joined(separator: "\n"))
        print("...", d.split(separator: "\n").suffix(3).joined(separator: "\n"))
    }
}
