#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The wasmsh side of the benchmarks of issue 8: one JSON line per figure on stdout, for
// Benchmarks/compare.py. Errors go to stderr with exit status 1; slow figures never fail.

func measurements(of section: BenchOptions.Section, options: BenchOptions) throws -> [Measurement] {
    let files = FixtureFiles(root: options.root)
    switch section {
    case .calls:
        return try CallBenchmarks(files: files, sampler: options.callSampler).run()
    case .hostcalls:
        return try HostCallBenchmarks(
            files: files, callsPerExportCall: options.hostCallsPerExportCall, runs: options.hostCallRuns
        ).run()
            + WASIHostCallBenchmarks(
                files: files, callsPerExportCall: options.hostCallsPerExportCall, runs: options.hostCallRuns
            ).run()
    case .load:
        return try LoadBenchmarks(files: files, sampler: options.loadSampler).run()
    case .large:
        return try LargeComponentBenchmarks(files: files, runs: options.largeRuns).run()
    case .compute:
        return try ComputeBenchmarks(files: files, sampler: options.spinSampler, iterations: options.spinIterations)
            .run()
    case .memoryValues:
        return try MemoryBenchmark(files: files, component: "values", copies: options.memoryCopies).run()
    case .memoryTrusted:
        return try MemoryBenchmark(files: files, component: "trusted", copies: options.memoryCopies).run()
    }
}

do {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let profile = arguments.firstIndex(of: "profile") {
        let root =
            arguments.firstIndex(of: "--root").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil } ?? "."
        try ProfileWorkload.parse(Array(arguments[(profile + 1)...]), files: FixtureFiles(root: root)).run()
        exit(0)
    }
    let options = try BenchOptions(arguments: arguments)
    for section in options.sections {
        for measurement in try measurements(of: section, options: options) {
            print(measurement.jsonLine())
        }
    }
} catch {
    let message = Array("sandbox-bench: \(error)\n".utf8)
    _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(1)
}
