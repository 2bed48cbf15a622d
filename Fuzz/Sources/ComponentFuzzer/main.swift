// The libFuzzer target (build with `-sanitize=fuzzer`, see run.sh): every input goes through
// `ComponentExercise`, what wasmsh does with a component file. libFuzzer reports a crash, a
// timeout (a hang) or running out of memory; an input that ends in a result or an error passes.
//
// SwiftPM renames an executable's entry point, so libFuzzer's own main is never linked in
// (and `-parse-as-library` fails to link): this main starts libFuzzer's driver instead.
import CFuzzerDriver
import Foundation

let testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt = { data, size in
    guard let data else { return 0 }
    _ = ComponentExercise.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
