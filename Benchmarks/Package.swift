// swift-tools-version:6.1

import PackageDescription

// The benchmark harness of issue 8, a package of its own so that `swift test` at the root never
// builds it. Run it through `Benchmarks/run.sh`, which builds it in release mode.
let package = Package(
    name: "wasmsh-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "wasmsh", path: ".."),
        // The same WasmKit the root resolves: the raw core `invoke` baseline calls it directly.
        .package(url: "https://github.com/swiftwasm/WasmKit", from: "0.4.2"),
    ],
    targets: [
        .executableTarget(
            name: "sandbox-bench",
            dependencies: [
                .product(name: "WasmRuntime", package: "wasmsh"),
                .product(name: "Capabilities", package: "wasmsh"),
                .product(name: "WasmComponent", package: "wasmsh"),
                .product(name: "WasmKit", package: "WasmKit"),
            ],
            path: "Sources/SandboxBench"
        )
    ]
)
