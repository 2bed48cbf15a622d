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
        // Components running on WasmKit: instantiation, canonical ABI, hosts, policy, audit.
        .target(
            name: "Sandbox",
            dependencies: [
                "WasmComponent",
                .product(name: "WasmKit", package: "WasmKit"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // The shell: session state, one file per command, script runner, interactive front end.
        .target(name: "Shell", dependencies: ["Sandbox", "WasmComponent", "LineEditor", "TerminalUI"]),
        .executableTarget(
            name: "wasmsh",
            dependencies: [
                "Shell", "Sandbox", "WasmComponent", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark harness, beside the shell so that it shares its build: `swift test` builds
        // it in debug (CI's smoke run uses that build), Benchmarks/run.sh in release.
        .executableTarget(
            name: "sandbox-bench",
            dependencies: ["Sandbox", "WasmComponent", .product(name: "WasmKit", package: "WasmKit")],
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
        .testTarget(name: "WasmComponentTests", dependencies: ["WasmComponent"], exclude: ["WIT/Fixtures"]),
        .testTarget(
            name: "ShellTests", dependencies: ["Shell", "PTYTestSupport"], exclude: ["Transcripts"]),
        .testTarget(name: "SandboxTests", dependencies: ["Sandbox"], exclude: ["Demo/Expected", "Interrupt/Fixtures"]),
    ]
)
