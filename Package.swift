// swift-tools-version:6.1

import PackageDescription

let package = Package(
    name: "wasmsh",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "wasmsh", targets: ["wasmsh"]),
        // For the benchmark package in Benchmarks/, which depends on this one by path.
        .library(name: "Sandbox", targets: ["Sandbox"]),
        .library(name: "WasmComponent", targets: ["WasmComponent"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swiftwasm/WasmKit", from: "0.4.2"),
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
        // Source-level debug information of core modules (DWARF), with no engine: line tables,
        // functions, variables, types, location expressions and value rendering.
        .target(name: "DebugInfo", dependencies: ["WasmComponent"]),
        // The shell: session state, one file per command, script runner, interactive front end.
        .target(name: "Shell", dependencies: ["Sandbox", "WasmComponent", "LineEditor", "TerminalUI"]),
        .executableTarget(
            name: "wasmsh",
            dependencies: [
                "Shell", "Sandbox", "WasmComponent", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
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
        .testTarget(
            name: "ShellTests", dependencies: ["Shell", "PTYTestSupport"], exclude: ["Transcripts"]),
        .testTarget(name: "SandboxTests", dependencies: ["Sandbox"], exclude: ["Demo/Expected", "Interrupt/Fixtures"]),
    ]
)
