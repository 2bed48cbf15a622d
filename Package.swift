// swift-tools-version:6.1

import PackageDescription

let package = Package(
    name: "wasmsh",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "wasmsh", targets: ["wasmsh"])
    ],
    dependencies: [
        .package(url: "https://github.com/swiftwasm/WasmKit", from: "0.4.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
            ]
        ),
        .executableTarget(
            name: "wasmsh",
            dependencies: [
                "Sandbox", "WasmComponent",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "WasmComponentTests", dependencies: ["WasmComponent"], exclude: ["WIT/Fixtures"]),
        .testTarget(name: "SandboxTests", dependencies: ["Sandbox"], resources: []),
    ]
)
