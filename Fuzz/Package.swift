// swift-tools-version:6.1

import PackageDescription

// The fuzz target lives in its own package so that the normal build never compiles it (see
// README.md). `Sources/WasmComponent`, `Sources/DebugInfo` and `Sources/WasmRuntime` are symbolic
// links to the root package's targets (the root package has no library products to depend on), and the
// fuzzer's harness files link to the mutation test's, so both exercise the same paths.
let package = Package(
    name: "wasmsh-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        // One trait only, as in the root package: with more, every new build plan reorders their
        // -D flags and recompiles WasmKit (see ../Package.swift).
        .package(url: "https://github.com/swiftwasm/WasmKit", from: "0.4.2", traits: ["MultiThread"]),
    ],
    targets: [
        .target(name: "WasmComponent"),
        .target(name: "DebugInfo", dependencies: ["WasmComponent"]),
        .target(
            name: "WasmRuntime",
            dependencies: ["WasmComponent", "DebugInfo", .product(name: "WasmKit", package: "WasmKit")]
        ),
        // The declaration of libFuzzer's driver entry point.
        .target(name: "CFuzzerDriver"),
        // The fuzz target; links only with -sanitize=fuzzer (run.sh). GNU gold fails on the
        // libFuzzer link with an internal error (Swift 6.3.1, Debian 12); lld links it.
        .executableTarget(
            name: "ComponentFuzzer", dependencies: ["WasmRuntime", "WasmComponent", "CFuzzerDriver"],
            linkerSettings: [.unsafeFlags(["-use-ld=lld"], .when(platforms: [.linux]))]
        ),
        // Writes the hand-made seeds of corpus/.
        .executableTarget(name: "SeedCorpus"),
    ]
)
