import Testing

@testable import WasmComponent

@Suite("Kebab-case labels")
struct KebabCaseTests {
    // The spec's examples (Explainer.md) and wasm-tools' own unit tests (names.rs, kebab_smoke).
    static let labels = [
        "a", "a-b-c", "a1-2-3", "A", "A-B-C", "A1-2-3", "a11-w0rds", "A11-4CR0NYMS", "m1x3d-4CR0NYMS", "a-B",
        "a0", "a-0", "a0-000-3d4a-54FF", "is-XML",
    ]

    @Test("labels", arguments: labels)
    func label(text: String) {
        #expect(KebabCase.problem(in: text[...]) == nil)
    }

    static let notLabels: [(String, LabelProblem)] = [
        ("", .empty),
        ("1-2-3", .startsWithDigit),
        ("0", .startsWithDigit),
        ("aB", .mixedCase(word: "aB")),
        ("a0-000-3d4A-54Ff", .mixedCase(word: "3d4A")),
        ("ok-xY\u{1b}-z", .mixedCase(word: "xY\u{1b}")),
        ("a-", .emptyWord),
        ("-", .emptyWord),
        ("a-b--c", .emptyWord),
        ("¶", .disallowedCharacter("¶")),
        ("ab\u{7f}", .disallowedCharacter("\u{7f}")),
        ("a.b", .disallowedCharacter(".")),
    ]

    @Test("not labels, and the first problem", arguments: notLabels)
    func notLabel(text: String, problem: LabelProblem) {
        #expect(KebabCase.problem(in: text[...]) == problem)
    }

    @Test("namespaces and packages are lowercase words")
    func lowercaseWords() {
        #expect(KebabCase.problem(in: "wasi-http2", lowercaseOnly: true) == nil)
        #expect(KebabCase.problem(in: "wasi-HTTP", lowercaseOnly: true) == .uppercase)
    }

    @Test("checking a label is one pass over a very long one")
    func longLabel() {
        let long = String(repeating: "abc-", count: 250_000) + "XYZ"
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(KebabCase.problem(in: long[...]) == nil) }
        #expect(elapsed < .seconds(1))
        #expect(KebabCase.lowercased(long[...]).hasSuffix("abc-xyz"))
    }
}
