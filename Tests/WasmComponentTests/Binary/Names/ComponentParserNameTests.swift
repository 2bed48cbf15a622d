import Testing

@testable import WasmComponent

/// Every place a component names something, through the real parser: a bad name is refused
/// where it is read, with the place, the name escaped, and the name's own byte offset.
@Suite("Component parser: names")
struct ComponentParserNameTests {
    /// What a terminal would act on, in one name (issue 15): OSC 0 (title), CSI 2J (clear),
    /// CR + CSI 2K + a fake verdict, OSC 52 (clipboard), C1 CSI.
    static let payload = "\u{1b}]0;pwned\u{7}\u{1b}[2J\r\u{1b}[2K[ALLOWED]\u{1b}]52;c;cHduZWQ=\u{7}\u{9b}31m"
    static let escapedPayload =
        #"'\u{1b}]0;pwned\u{7}\u{1b}[2J\r\u{1b}[2K[ALLOWED]\u{1b}]52;c;cHduZWQ=\u{7}\u{9b}31m'"#
    static let disallowedEscape =
        "contains the character U+001B, but kebab case allows only a-z, A-Z, 0-9 and '-'"

    static func parseError(_ bytes: [UInt8]) -> ComponentError? {
        do {
            _ = try ComponentParser.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    static func expectError(
        _ place: NamedPlace, names: [String], message: String, at name: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let bytes = place.component(names: names)
        let offset = (ComponentBytes.offset(ofName: name, in: bytes) ?? -1) - (place.hasKindByte ? 1 : 0)
        let expected = ComponentError(message, offset: offset, section: place.section)
        #expect(parseError(bytes) == expected, sourceLocation: sourceLocation)
    }

    @Test("a name with terminal control sequences is refused in every place, escaped", arguments: NamedPlace.allCases)
    func controlSequences(place: NamedPlace) throws {
        let message =
            place.takesLabels
            ? "\(place.messagePlace) name \(Self.escapedPayload) is not in kebab case: it \(Self.disallowedEscape)"
            : "\(place.messagePlace) name \(Self.escapedPayload) is not valid: it \(Self.disallowedEscape)"
        Self.expectError(place, names: ["plain", Self.payload], message: message, at: Self.payload)
        let error = try #require(Self.parseError(place.component(names: [Self.payload])))
        #expect(!TerminalSafety.hasRawControlCharacter(error.description))
    }

    @Test("valid names in every place parse", arguments: NamedPlace.allCases)
    func validNames(place: NamedPlace) {
        let names = ["a", "get-JSON", "a1-2-3", "XML-http", "m1x3d-4CR0NYMS"]
        #expect(Self.parseError(place.component(names: names)) == nil)
    }

    @Test("labels must differ in more than letter case", arguments: NamedPlace.allCases.filter(\.isScope))
    func caseConflicts(place: NamedPlace) {
        let rule =
            place.takesLabels
            ? "differ in more than letter case" : "be unique ignoring letter case and [method]/[static] annotations"
        Self.expectError(
            place, names: ["get-json", "other", "get-JSON"],
            message: "\(place.messagePlace) name 'get-JSON' conflicts with the earlier 'get-json': "
                + "names in one scope must \(rule)", at: "get-JSON")
        Self.expectError(
            place, names: ["same", "same"], message: "\(place.messagePlace) name 'same' appears twice", at: "same")
    }

    @Test("an alias may name the same export twice")
    func aliasesRepeat() {
        #expect(Self.parseError(NamedPlace.aliasedExport.component(names: ["f", "f"])) == nil)
    }

    @Test("an empty name is refused in every place", arguments: NamedPlace.allCases)
    func emptyName(place: NamedPlace) throws {
        let bytes = place.component(names: ["a", ""])
        let error = try #require(Self.parseError(bytes))
        #expect(error.message == "\(place.messagePlace) name is empty")
        // The empty name is the last 0x00 length byte of the name list.
        #expect(error.section == place.section)
    }

    @Test(
        "the places of labels take only labels, not import or export names",
        arguments: NamedPlace.allCases.filter(\.takesLabels))
    func labelsOnly(place: NamedPlace) {
        Self.expectError(
            place, names: ["[constructor]r"],
            message: "\(place.messagePlace) name '[constructor]r' is not in kebab case: it contains the character "
                + "'[' (U+005B), but kebab case allows only a-z, A-Z, 0-9 and '-'", at: "[constructor]r")
        Self.expectError(
            place, names: ["wasi:cli/stdout"],
            message: "\(place.messagePlace) name 'wasi:cli/stdout' is not in kebab case: it contains the character "
                + "':' (U+003A), but kebab case allows only a-z, A-Z, 0-9 and '-'", at: "wasi:cli/stdout")
    }

    @Test(
        "import and export places take annotated and interface names",
        arguments: NamedPlace.allCases.filter { !$0.takesLabels })
    func externNames(place: NamedPlace) {
        let names = ["r", "[constructor]r", "[method]r.get", "[static]r.make", "wasi:cli/stdout@0.2.0", "a:b/c"]
        #expect(Self.parseError(place.component(names: names)) == nil)
        if place.isScope {
            Self.expectError(
                place, names: ["[method]r.get", "[static]r.get"],
                message: "\(place.messagePlace) name '[static]r.get' conflicts with the earlier '[method]r.get': "
                    + "names in one scope must be unique ignoring letter case and [method]/[static] annotations",
                at: "[static]r.get")
        }
        Self.expectError(
            place, names: ["a:b/c@1.0"],
            message: "\(place.messagePlace) name 'a:b/c@1.0' is not valid: the version '1.0' is not a semantic "
                + "version (major.minor.patch, as in '0.2.0')", at: "a:b/c@1.0")
    }

    @Test("a name of a megabyte is shown shortened in the middle")
    func hugeName() throws {
        let name = "a" + String(repeating: "\u{1b}", count: 1 << 20) + "z"
        let error = try #require(Self.parseError(NamedPlace.recordField.component(names: [name])))
        #expect(error.message.utf8.count < 2_000)
        #expect(error.message.hasPrefix(#"record field name 'a\u{1b}\u{1b}"#))
        #expect(error.message.contains(#"\u{1b}…\u{1b}"#))
        #expect(error.message.contains(#"\u{1b}z' is not in kebab case"#))
    }

    @Test("validation is linear: ten thousand fields, and a label of four megabytes")
    func linear() {
        let clock = ContinuousClock()
        let fields = (0..<10_000).map { "field-\($0)" }
        let manyNames = NamedPlace.recordField.component(names: fields)
        let longName = NamedPlace.componentImport.component(names: [String(repeating: "ab-", count: 1 << 20) + "c"])
        let elapsed = clock.measure {
            #expect(Self.parseError(manyNames) == nil)
            #expect(Self.parseError(longName) == nil)
        }
        #expect(elapsed < .seconds(2))
        Self.expectError(
            .recordField, names: fields + ["FIELD-1"],
            message: "record field name 'FIELD-1' conflicts with the earlier 'field-1': "
                + "names in one scope must differ in more than letter case", at: "FIELD-1")
    }

    @Test("instantiation arguments may have any name, but not the same one twice")
    func instantiationArguments() {
        typealias B = ComponentBytes
        // (component (component) (import "f" (func)) (instance (instantiate 0 (with NAME (func 0))...)))
        func component(_ names: [String]) -> [UInt8] {
            let arguments = B.vector(names.map { B.name($0) + [0x01, 0x00] })
            return B.component(
                [4] + B.u32(B.header.count) + B.header, B.section(7, [B.functionType]),
                B.section(10, [B.externName("f") + [0x01, 0x00]]), B.section(5, [[0x00, 0x00] + arguments]))
        }
        #expect(Self.parseError(component(["f", Self.payload])) == nil)
        let bytes = component([Self.payload, "f", Self.payload])
        #expect(
            Self.parseError(bytes)
                == ComponentError(
                    "instantiation argument \(Self.escapedPayload) appears twice",
                    offset: ComponentBytes.offset(ofName: Self.payload, in: bytes) ?? -1, section: "instance section"))
    }

    @Test("name attributes: a version suffix completes a canonical version, implements names an interface")
    func nameAttributes() {
        typealias B = ComponentBytes
        func imports(_ name: String, _ attributes: [[UInt8]]) -> [UInt8] {
            B.component(
                B.section(7, [[0x42, 0x00]]),
                B.section(10, [[0x02] + B.name(name) + B.vector(attributes) + [0x05, 0x00]]))
        }
        let suffix: (String) -> [UInt8] = { [0x01] + B.name($0) }
        let implements: (String) -> [UInt8] = { [0x00] + B.name($0) }
        let externalID: (String) -> [UInt8] = { [0x02] + B.name($0) }
        #expect(Self.parseError(imports("wasi:http/types@0.2", [suffix(".6")])) == nil)
        #expect(
            Self.parseError(imports("primary", [implements("wasi:keyvalue/store"), externalID("any \u{1b}")])) == nil)
        #expect(
            Self.parseError(imports("wasi:http/types@0.2.6", [suffix(".1")])).map(\.message)
                == "import name 'wasi:http/types@0.2.6' is not valid: the version '0.2.6' has a version suffix "
                + "attribute, so it must be a canonical version (as '1', '0.2' or '0.0.1')")
        #expect(
            Self.parseError(imports("wasi:http/types@0.2", [suffix(".6\u{1b}")])).map(\.message)
                == #"import name 'wasi:http/types@0.2' is not valid: the version suffix '.6\u{1b}' has characters "#
                + "other than 0-9, A-Z, a-z, '.', '+' and '-'")
        #expect(
            Self.parseError(imports("primary", [suffix(".6")])).map(\.message)
                == "import name 'primary' is not valid: it has a version suffix attribute, which only an interface "
                + "name with '@version' may have")
        #expect(
            Self.parseError(imports("primary", [implements("store")])).map(\.message)
                == "the implements attribute of import 'primary' names 'store', which is not an interface name "
                + "(such as 'wasi:keyvalue/store')")
        #expect(
            Self.parseError(imports("primary", [implements("wasi:key\u{9b}value/store")])).map(\.message)
                == #"the implements attribute of import 'primary' is not valid: the interface name "#
                + #"'wasi:key\u{9b}value/store' is not valid: the package name 'key\u{9b}value' contains the "#
                + "character U+009B, but kebab case allows only a-z, A-Z, 0-9 and '-'")
        #expect(
            Self.parseError(imports("a:b/c", [implements("wasi:keyvalue/store")])).map(\.message)
                == "import 'a:b/c' has an implements attribute, which only a plain label may have")
        #expect(
            Self.parseError(imports("primary", [externalID("x"), externalID("y")])).map(\.message)
                == "import name 'primary' has two external id attributes")
    }
}
