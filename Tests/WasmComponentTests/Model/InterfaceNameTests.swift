import Testing
import WasmComponent

@Suite("interface names")
struct InterfaceNameTests {
    @Test("a versioned name splits into its package path, its short name and its version")
    func versionedName() {
        let name = InterfaceName("wasi:filesystem/types@0.2.3")
        #expect(name.full == "wasi:filesystem/types@0.2.3")
        #expect(name.unversioned == "wasi:filesystem/types")
        #expect(name.short == "types")
        #expect(name.version == "0.2.3")
        #expect(name.spellings == ["wasi:filesystem/types@0.2.3", "wasi:filesystem/types", "types", "types@0.2.3"])
    }

    @Test("a name without a version, and an inline interface's plain name, are their own unversioned name")
    func unversionedNames() {
        let qualified = InterfaceName("sandbox:skill/skill")
        #expect(qualified.unversioned == "sandbox:skill/skill")
        #expect(qualified.short == "skill")
        #expect(qualified.version == nil)
        let plain = InterfaceName("logger")
        #expect(plain.unversioned == "logger")
        #expect(plain.short == "logger")
        #expect(plain.version == nil)
        #expect(plain.spellings == ["logger"])
    }

    @Test("only an @ after the last slash starts the version, and everything after it is the version")
    func versionAfterLastSlash() {
        let name = InterfaceName("ns:pkg@1.0/iface")
        #expect(name.short == "iface")
        #expect(name.version == nil)
        let prerelease = InterfaceName("a:b/c/d@1.2.3-rc.1+build.5")
        #expect(prerelease.unversioned == "a:b/c/d")
        #expect(prerelease.short == "d")
        #expect(prerelease.version == "1.2.3-rc.1+build.5")
    }

    @Test("text a user types, with characters beyond ASCII around the slash and the @, splits at them")
    func nonASCIIText() {
        let name = InterfaceName("é:ü/π@ω")
        #expect(name.unversioned == "é:ü/π")
        #expect(name.short == "π")
        #expect(name.version == "ω")
        let trailing = InterfaceName("ns:pkg/")
        #expect(trailing.short == "")
        #expect(trailing.unversioned == "ns:pkg/")
    }
}
