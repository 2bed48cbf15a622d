// swift-tools-version:6.1

import PackageDescription

let package = Package(
    name: "wasmsh",
    platforms: [.macOS(.v15)],
    // No library products: with one, a plain `swift build` also builds every executable and plugin
    // tool of the dependencies (WasmKit's CLI, swift-syntax for its WIT plugins: minutes more).
    products: [
        .executable(name: "wasmsh", targets: ["wasmsh"]),
        // The benchmark harness of issue 8, run by Benchmarks/run.sh.
        .executable(name: "sandbox-bench", targets: ["sandbox-bench"]),
    ],
    dependencies: [
        // One trait only, never the three defaults: SwiftPM 6.3 passes each enabled trait as a
        // `-D` flag in a new random order each time it plans a build (a different TERM, `swift
        // test` after `swift run`, ...), and a reordered command line recompiles WasmKit from
        // scratch (swift-package-manager#10525). MultiThread keeps the engine's locks real;
        // FileSystem (parsing from a path) and Disassembler (instruction dumps) are unused.
        .package(url: "https://github.com/swiftwasm/WasmKit", from: "0.4.2", traits: ["MultiThread"]),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // The component model without an engine: binary parser, WIT types, values, WAVE, WIT text.
        .target(name: "WasmComponent"),
        // Components running on WasmKit: instantiation, canonical calls, resources, interrupts,
        // limits, function tracing and source-level probes (from DWARF). The only target that
        // imports WasmKit; it knows nothing of policies: every host call goes to the
        // `HostCallHandler` it was given.
        .target(
            name: "WasmRuntime",
            dependencies: ["WasmComponent", "DebugInfo", .product(name: "WasmKit", package: "WasmKit")]
        ),
        // What a component may do: policy, the capability gate, audit, hosts, the sandboxed file
        // system, manifests. Serves the runtime's host calls; never touches WasmKit.
        .target(
            name: "Capabilities",
            dependencies: ["WasmComponent", "WasmRuntime", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // Source-level debug information of core modules (DWARF), with no engine: line tables,
        // functions, variables, types, location expressions and value rendering.
        .target(name: "DebugInfo", dependencies: ["WasmComponent"]),
        // The shell: session state, the call service, the command grammar, one file per command,
        // stepping, the inspector, script runner, interactive front end, and the one-shot programs
        // (`invoke`, `wit`, `demo`) the executable hands over to.
        .target(
            name: "Shell",
            dependencies: ["Capabilities", "WasmRuntime", "WasmComponent", "DebugInfo", "LineEditor", "TerminalUI"]),
        // The command line: argument parsing for each subcommand, handing over to the shell.
        .target(
            name: "WasmshCLI",
            dependencies: ["Shell", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "wasmsh", dependencies: ["WasmshCLI"]),
        // The benchmark harness, beside the shell so that it shares its build: `swift test` builds
        // it in debug (CI's smoke run uses that build), Benchmarks/run.sh in release.
        .executableTarget(
            name: "sandbox-bench",
            dependencies: ["Capabilities", "WasmRuntime", "WasmComponent", .product(name: "WasmKit", package: "WasmKit")],
            path: "Benchmarks/Sources/SandboxBench"
        ),
        // C shims over libedit and ncurses (terminfo).
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"]), .brew(["libedit"])]),
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"]), .brew(["ncurses"])]),
        // Line editing on libedit: prompt, history, completion, Ctrl-C.
        .target(name: "LineEditor", dependencies: ["CLibEdit"]),
        // Colours from terminfo and full-screen views on ncurses.
        .target(name: "TerminalUI", dependencies: ["CNcurses"]),
        // A small program the line-editor and terminal PTY tests drive.
        .executableTarget(name: "TerminalDemo", dependencies: ["LineEditor", "TerminalUI"]),
        .target(name: "PTYTestSupport", path: "Tests/LineEditorTests/PTY"),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor", "PTYTestSupport"], exclude: ["PTY"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "PTYTestSupport"]),
        .testTarget(name: "DebugInfoTests", dependencies: ["DebugInfo", "WasmComponent"]),
        .testTarget(name: "WasmComponentTests", dependencies: ["WasmComponent"], exclude: ["WIT/Fixtures"]),
        // The wasmtime oracle's cases (components/wasi/expected/cases), their files, the packed fixtures.
        .target(name: "WASIOracleSupport", path: "Tests/WASIOracleSupport"),
        .testTarget(
            name: "ShellTests", dependencies: ["Shell", "PTYTestSupport", "WASIOracleSupport"], exclude: ["Transcripts", "Programs/SeedExpected"]),
        .testTarget(
            name: "WasmRuntimeTests", dependencies: ["WasmRuntime", "DebugInfo"], exclude: ["WasmKitWorkarounds/Fixtures", "Debugging/Fixtures"]),
        .testTarget(name: "CapabilitiesTests", dependencies: ["Capabilities", "WASIOracleSupport"]),
        .testTarget(name: "WasmshCLITests", dependencies: ["WasmshCLI"]),
    ]
)
