/// The command line: `sandbox-bench [--quick] --root PATH SECTION...`.
struct BenchOptions {
    enum Section: String, CaseIterable {
        case calls, hostcalls, load, large, compute
        case memoryValues = "memory-values"
        case memoryTrusted = "memory-trusted"
    }

    var quick = false
    var root = "."
    var sections: [Section] = []

    static let usage = """
        usage: sandbox-bench [--quick] --root REPOSITORY SECTION...
        sections: \(Section.allCases.map(\.rawValue).joined(separator: " "))
        (run memory-* sections alone, each in a fresh process: they read the process's RSS)
        or: sandbox-bench --root REPOSITORY profile WORKLOAD COUNT   (for callgrind; see ProfileWorkload.swift)
        """

    init(arguments: [String]) throws {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--quick":
                quick = true
            case "--root":
                guard let value = remaining.popFirst() else { throw BenchError("--root needs a path\n\(Self.usage)") }
                root = value
            default:
                guard let section = Section(rawValue: argument) else {
                    throw BenchError("unknown argument '\(argument)'\n\(Self.usage)")
                }
                sections.append(section)
            }
        }
        if sections.isEmpty { throw BenchError("no section named\n\(Self.usage)") }
    }

    /// Timing for per-call workloads of a few microseconds each.
    var callSampler: Sampler {
        quick ? Sampler(warmup: 50, iterations: 200, runs: 3) : Sampler(warmup: 5_000, iterations: 20_000, runs: 7)
    }

    /// Host calls made inside one `read-many` export call.
    var hostCallsPerExportCall: Int { quick ? 1_000 : 100_000 }
    var hostCallRuns: Int { quick ? 2 : 5 }

    /// Timing for loads of a small component (tens to hundreds of microseconds each).
    var loadSampler: Sampler {
        quick ? Sampler(warmup: 3, iterations: 10, runs: 3) : Sampler(warmup: 50, iterations: 300, runs: 7)
    }

    /// The 18 MB component: each step once per run.
    var largeRuns: Int { quick ? 1 : 5 }

    /// Iterations of compute.wasm's `spin` per call.
    var spinIterations: UInt64 { quick ? 10_000 : 1_000_000 }
    var spinSampler: Sampler {
        quick ? Sampler(warmup: 1, iterations: 2, runs: 3) : Sampler(warmup: 2, iterations: 5, runs: 5)
    }

    /// Components loaded by the memory sections.
    let memoryCopies = 100
}
