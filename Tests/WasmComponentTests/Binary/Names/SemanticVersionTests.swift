import Testing

@testable import WasmComponent

@Suite("Semantic versions in interface names")
struct SemanticVersionTests {
    @Test(
        "valid: Semantic Versioning 2.0.0",
        arguments: [
            "0.0.0", "0.2.0", "1.2.3", "10.20.30", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-0.3.7",
            "1.0.0-x.7.z.92", "1.0.0-x-y-z.--", "1.0.0+20130313144700", "1.0.0-beta+exp.sha.5114f85",
            "1.0.0+21AF26D3----117B344092BD", "1.0.0-RC+build.007", "18446744073709551615.0.0",
        ])
    func valid(version: String) {
        #expect(SemanticVersion.isValid(version[...]))
    }

    @Test(
        "invalid",
        arguments: [
            "", "1", "1.2", "1.2.3.4", "01.1.1", "1.01.1", "1.1.01", "1.2.3-01", "1.2.3-", "1.2.3+",
            "1.2.3-a..b", "1.2.3+a..b", "1.2.3-a_b", "v1.2.3", "1.2.3 ", " 1.2.3", "1.2.-3", "1.2.3-é",
            "18446744073709551616.0.0", "1.2.3@1",
        ])
    func invalid(version: String) {
        #expect(!SemanticVersion.isValid(version[...]))
    }

    @Test("canonical versions (🔗 canonversion)")
    func canonical() {
        for version in ["1", "10", "0.2", "0.10", "0.0.1", "0.0.0"] {
            #expect(SemanticVersion.isCanonical(version[...]), "\(version)")
        }
        for version in ["", "0", "0.0", "1.2", "1.0", "0.2.1", "01", "0.02", "1.2.3", "0.0.0.0"] {
            #expect(!SemanticVersion.isCanonical(version[...]), "\(version)")
        }
    }

    @Test("version suffixes: 0-9, A-Z, a-z, '.', '+' and '-'")
    func suffix() {
        #expect(SemanticVersion.isSuffix(".6-rc.1+build.5"[...]))
        #expect(SemanticVersion.isSuffix(""[...]))
        #expect(!SemanticVersion.isSuffix(".6 "[...]))
        #expect(!SemanticVersion.isSuffix(".6\u{1b}"[...]))
    }
}
