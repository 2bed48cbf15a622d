import Testing

@testable import WasmComponent

/// Models no valid component produces still print something sensible instead of failing.
@Suite("WIT printer on unusual models")
struct WITPrinterEdgeCaseTests {
    typealias M = WITModel

    @Test("a resource member whose resource is not declared prints as a plain function")
    func orphanMember() {
        let cart = ResourceType(name: "cart")
        let world = ComponentWorld(
            imports: [.function(M.function("[method]cart.total", [("self", .borrow(cart))], .u64))], exports: [])
        let expected = """
            package root:component;

            world root {
              import [method]cart.total: func(self: borrow<cart>) -> u64;
            }

            """
        #expect(WITPrinter.print(world) == expected)
    }

    @Test("an interface name that is not a full ID prints as an inline interface")
    func malformedInterfaceName() {
        let world = ComponentWorld(
            imports: [.interface(M.interface("a:b", functions: [M.function("f")]))], exports: [])
        #expect(
            WITPrinter.print(world)
                == "package root:component;\n\nworld root {\n  import a:b: interface {\n    f: func();\n  }\n}\n")
    }

    @Test("an interface imported and exported with different items prints their union once")
    func mergedInterface() {
        let world = ComponentWorld(
            imports: [.interface(M.interface("x:y/z", functions: [M.function("a")]))],
            exports: [.interface(M.interface("x:y/z", functions: [M.function("a"), M.function("b")]))])
        let expected = """
            package root:component;

            world root {
              import x:y/z;

              export x:y/z;
            }
            package x:y {
              interface z {
                a: func();

                b: func();
              }
            }

            """
        #expect(WITPrinter.print(world) == expected)
    }

    @Test("packages that use each other in a cycle print once each")
    func cyclicUses() {
        let world = ComponentWorld(
            imports: [
                .interface(M.interface("a:a/i", types: [M.use("t", from: "b:b/j")])),
                .interface(M.interface("b:b/j", types: [M.use("u", from: "a:a/i")])),
            ],
            exports: [])
        let printed = WITPrinter.print(world)
        #expect(printed.ranges(of: "package a:a {").count == 1)
        #expect(printed.ranges(of: "package b:b {").count == 1)
    }

    @Test("a constructor that returns a result keeps it; one returning its resource does not")
    func constructors() {
        let r = ResourceType(name: "r")
        let world = ComponentWorld(
            imports: [
                .type(M.resource(r)),
                .function(M.function("[constructor]r", [("n", .u32)], .result(ok: .own(r), err: .string))),
                .function(M.function("[static]r.new", [], .own(r))),
            ],
            exports: [])
        let expected = """
            package root:component;

            world root {
              resource r {
                constructor(n: u32) -> result<r, string>;
                new: static func() -> r;
              }
            }

            """
        #expect(WITPrinter.print(world) == expected)
    }
}
