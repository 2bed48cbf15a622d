// swift-tools-version:6.1

import PackageDescription

// The fuzz target lives in its own package so that the normal build never compiles it.
// `Sources/WasmComponent` and `Sources/Sandbox` are symbolic links to the root package's
// targets: the root package has no library products to depend on.
let package = Package(
    name: "wasmsh-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/swiftwasm/WasmKit", from: "0.4.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .target(name: "WasmComponent"),
        .target(
            name: "Sandbox",
            dependencies: [
                "WasmComponent",
                .product(name: "WasmKit", package: "WasmKit"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(name: "ComponentFuzzer", dependencies: ["Sandbox", "WasmComponent"]),
        .executableTarget(name: "Probe", dependencies: ["Sandbox", "WasmComponent"]),
    ]
)
