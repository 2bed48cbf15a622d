import Testing

@testable import WasmComponent

/// The import and export name grammar (Explainer.md, "Import and Export Definitions"), as a
/// table: valid names with their kind and uniqueness key, invalid ones with the explanation.
@Suite("Component names")
struct ComponentNameTests {
    struct Valid: CustomTestStringConvertible, Sendable {
        let name: String
        let kind: ComponentName.Kind
        let key: String
        var testDescription: String { name }
    }

    static let valid: [Valid] = [
        Valid(name: "a", kind: .label, key: "a"),
        Valid(name: "a-b-c", kind: .label, key: "a-b-c"),
        Valid(name: "A1-2-3", kind: .label, key: "a1-2-3"),
        Valid(name: "get-JSON", kind: .label, key: "get-json"),
        Valid(name: "m1x3d-4CR0NYMS", kind: .label, key: "m1x3d-4cr0nyms"),
        Valid(name: "a-0b", kind: .label, key: "a-0b"),
        Valid(name: "[constructor]blob", kind: .constructor, key: "[constructor]blob"),
        Valid(name: "[constructor]XML-doc", kind: .constructor, key: "[constructor]xml-doc"),
        Valid(name: "[method]blob.read", kind: .method, key: "blob.read"),
        Valid(name: "[method]blob.get-URL", kind: .method, key: "blob.get-url"),
        Valid(name: "[static]blob.make", kind: .staticFunction, key: "blob.make"),
        // `[method]l.l` and `[static]l.l` are `l` for uniqueness.
        Valid(name: "[method]foo.foo", kind: .method, key: "foo"),
        Valid(name: "[static]foo-BAR.FOO-bar", kind: .staticFunction, key: "foo-bar"),
        Valid(name: "wasi:cli/stdout", kind: .interface, key: "wasi:cli/stdout"),
        Valid(name: "wasi:http/types@0.2.6", kind: .interface, key: "wasi:http/types@0.2.6"),
        Valid(name: "a-1:b-2/C-3@1.0.0-RC.1+build.07", kind: .interface, key: "a-1:b-2/c-3@1.0.0-RC.1+build.07"),
        Valid(name: "a:b/c@0.0.0", kind: .interface, key: "a:b/c@0.0.0"),
        // 🪺 nested namespaces and projections
        Valid(name: "a:b:c/d/e@1.0.0", kind: .interface, key: "a:b:c/d/e@1.0.0"),
    ]

    @Test("valid names, their kind and their uniqueness key", arguments: valid)
    func validName(entry: Valid) throws {
        let name = try ComponentName(validating: entry.name)
        #expect(name.text == entry.name)
        #expect(name.kind == entry.kind)
        #expect(name.uniquenessKey == entry.key)
    }

    static let invalid: [(String, String)] = [
        ("", "it is empty"),
        (
            "aB",
            "it mixes lowercase and uppercase letters in the word 'aB' (each word is all lowercase, like "
                + "`get-json`, or all uppercase, like `get-JSON`)"
        ),
        ("1-2-3", "it starts with a digit, but it must start with a letter"),
        ("a--b", "it has an empty word (a leading, trailing or doubled '-')"),
        ("-a", "it has an empty word (a leading, trailing or doubled '-')"),
        ("a-", "it has an empty word (a leading, trailing or doubled '-')"),
        ("a_b", "it contains the character '_' (U+005F), but kebab case allows only a-z, A-Z, 0-9 and '-'"),
        ("a b", "it contains the character U+0020, but kebab case allows only a-z, A-Z, 0-9 and '-'"),
        ("é", "it contains the character 'é' (U+00E9), but kebab case allows only a-z, A-Z, 0-9 and '-'"),
        ("a\u{202e}b", "it contains the character U+202E, but kebab case allows only a-z, A-Z, 0-9 and '-'"),
        ("\u{9b}31m", "it contains the character U+009B, but kebab case allows only a-z, A-Z, 0-9 and '-'"),
        ("[constructor]", "its resource name is empty"),
        (
            "[constructor]a.b",
            "the resource name 'a.b' contains the character '.' (U+002E), but kebab case allows "
                + "only a-z, A-Z, 0-9 and '-'"
        ),
        ("[method]blob", "a [method] name has the form '[method]resource.function'"),
        ("[static]blob", "a [static] name has the form '[static]resource.function'"),
        ("[method].read", "its resource name is empty"),
        ("[method]blob.", "its function name is empty"),
        (
            "[method]blob.a.b",
            "the function name 'a.b' contains the character '.' (U+002E), but kebab case allows "
                + "only a-z, A-Z, 0-9 and '-'"
        ),
        (
            "[static]Blob-x.make",
            "the resource name 'Blob-x' mixes lowercase and uppercase letters in the word "
                + "'Blob' (each word is all lowercase, like `get-json`, or all uppercase, like `get-JSON`)"
        ),
        ("[async]f", "'[async]' is not an annotation (they are [constructor], [method] and [static])"),
        ("[resource-drop]r", "'[resource-drop]' is not an annotation (they are [constructor], [method] and [static])"),
        ("a:b", "an interface name needs '/' and the interface after the package, as in 'wasi:cli/stdout'"),
        ("a:b/", "its interface name is empty"),
        (":b/c", "its namespace is empty"),
        ("a:/c", "its package name is empty"),
        ("a::b/c", "its namespace is empty"),
        ("a:b/c//d", "its interface name is empty"),
        ("A:b/c", "the namespace 'A' has uppercase letters, but namespaces and package names are lowercase"),
        ("a:b-C/c", "the package name 'b-C' has uppercase letters, but namespaces and package names are lowercase"),
        ("a:b/1c", "the interface name '1c' starts with a digit, but it must start with a letter"),
        (
            "test:names/\u{1b}]0;pwned\u{7}",
            #"the interface name '\u{1b}]0;pwned\u{7}' contains the character "#
                + "U+001B, but kebab case allows only a-z, A-Z, 0-9 and '-'"
        ),
        ("a:b/c@", "the version '' is not a semantic version (major.minor.patch, as in '0.2.0')"),
        ("a:b/c@1", "the version '1' is not a semantic version (major.minor.patch, as in '0.2.0')"),
        ("a:b/c@01.0.0", "the version '01.0.0' is not a semantic version (major.minor.patch, as in '0.2.0')"),
        ("a:b/c@1.0.0@1", "the version '1.0.0@1' is not a semantic version (major.minor.patch, as in '0.2.0')"),
        ("a:b/c@1.0.0 ", "the version '1.0.0 ' is not a semantic version (major.minor.patch, as in '0.2.0')"),
        (
            "url=<https://example.com>",
            "the namespace 'url=<https' contains the character '=' (U+003D), but "
                + "kebab case allows only a-z, A-Z, 0-9 and '-'"
        ),
    ]

    @Test("invalid names and why", arguments: invalid)
    func invalidName(name: String, explanation: String) {
        #expect {
            try ComponentName(validating: name)
        } throws: { error in
            (error as? ComponentNameProblem)?.explanation == explanation
        }
    }

    @Test("a version suffix needs a canonical version and makes a semantic version with it")
    func versionSuffix() throws {
        #expect(try ComponentName(validating: "wasi:http/types@0.2", versionSuffix: ".6").kind == .interface)
        #expect(try ComponentName(validating: "a:b/c@1", versionSuffix: ".2.3-rc.1+x").kind == .interface)
        #expect(throws: ComponentNameProblem.versionNotCanonical("0.2.6")) {
            try ComponentName(validating: "wasi:http/types@0.2.6", versionSuffix: ".1")
        }
        #expect(throws: ComponentNameProblem.invalidVersionWithSuffix(version: "0.2", suffix: "..6")) {
            try ComponentName(validating: "wasi:http/types@0.2", versionSuffix: "..6")
        }
        #expect(throws: ComponentNameProblem.versionSuffixWithoutVersion) {
            try ComponentName(validating: "wasi:http/types", versionSuffix: ".6")
        }
        #expect(throws: ComponentNameProblem.versionSuffixWithoutVersion) {
            try ComponentName(validating: "types", versionSuffix: ".6")
        }
    }

    @Test("strongly unique: the spec's examples of names that may and may not be used together")
    func strongUniqueness() throws {
        // Explainer.md, "Name Uniqueness".
        var names = UniqueNames()
        for name in ["foo", "foo-bar", "[constructor]foo", "[method]foo.bar", "[static]foo.baz", "foo:bar/baz"] {
            let parsed = try ComponentName(validating: name)
            #expect(names.insert(name, key: parsed.uniquenessKey) == nil, "\(name)")
        }
        let conflicts = [
            "foo": "foo", "FOO": "foo", "foo-BAR": "foo-bar", "[constructor]FOO": "[constructor]foo",
            "[method]foo.BAR": "[method]foo.bar", "[static]foo.bar": "[method]foo.bar",
            "[method]foo.baz": "[static]foo.baz", "[method]foo.foo": "foo", "[static]foo-BAR.FOO-bar": "foo-bar",
            "foo:bar/BAZ": "foo:bar/baz",
        ]
        for (name, earlier) in conflicts {
            var copy = names
            #expect(copy.insert(name, key: try ComponentName(validating: name).uniquenessKey) == earlier, "\(name)")
        }
    }

    @Test("uniqueness stays exact past the point where a hash table takes over")
    func manyNames() {
        var names = UniqueNames()
        for index in 0..<1_000 { #expect(names.insert("n\(index)", key: "n\(index)") == nil) }
        #expect(names.insert("N7", key: "n7") == "n7")
        #expect(names.insert("N999", key: "n999") == "n999")
        #expect(names.insert("n1000", key: "n1000") == nil)
    }
}
