import Testing
import WasmComponent

@testable import WasmRuntime

/// Large core modules are rewritten and parsed on worker threads while the walk goes on; the
/// load still fails on an invalid module, whether or not anything instantiates it, with the
/// module's own offset.
@Suite("Core modules prepared on worker threads")
struct PendingCoreModuleTests {
    /// A component of one core module that nothing instantiates: a module header, a custom
    /// section of `padding` bytes, then a section with an id no module may have.
    static func componentWithInvalidModule(padding: Int) -> [UInt8] {
        let custom = ComponentBytes.section(
            0, ComponentBytes.u32(3) + Array("pad".utf8) + [UInt8](repeating: 0, count: padding))
        let module = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00] + custom + ComponentBytes.section(0x7F, [])
        return ComponentBytes.component([ComponentBytes.section(1, module)])
    }

    @Test(
        "an invalid core module fails the load though nothing instantiates it, prepared here or on a worker",
        arguments: [16, PendingCoreModule.workerThreshold + 1])
    func invalidModuleFailsTheLoad(padding: Int) {
        let bytes = Self.componentWithInvalidModule(padding: padding)
        let error = #expect(throws: ComponentError.self) {
            try LoadedComponent(bytes: bytes, name: "invalid", providedInterfaces: [], hostCall: { _, _ in nil })
        }
        #expect(
            error.map { "\($0)" }?.contains("embedded core module is invalid") == true, "\(String(describing: error))")
        #expect(error?.offset == 8)
    }

    @Test("a large module is prepared once, on a worker: every wait after the first answers at once with it")
    func waitsAgain() throws {
        let module = ParallelInstrumentationTests.module().bytes
        #expect(module.count >= PendingCoreModule.workerThreshold)
        let pending = PendingCoreModule(bytes: module[...], number: 0, offset: 0)
        let first = pending.wait()
        let second = pending.wait()
        #expect(first.names?.exportNames == ["first", "last"])
        #expect(second.names?.exportNames == ["first", "last"])
        #expect(first.notInstrumented == nil)
        #expect((try? first.module.get()) != nil)
    }
}
