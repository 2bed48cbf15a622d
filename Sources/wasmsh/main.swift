import Foundation
import WasmComponent

let data = try Data(contentsOf: URL(fileURLWithPath: CommandLine.arguments[1]))
let binary = try ComponentParser.parse([UInt8](data))
let world = try ComponentInspector.world(of: binary)
print(WITPrinter.print(world), terminator: "")
