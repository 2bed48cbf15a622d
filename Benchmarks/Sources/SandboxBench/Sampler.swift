/// How one workload is timed: `warmup` untimed iterations, then `runs` timed runs of
/// `iterations` each. The figure is the median run's time per iteration, so one run disturbed by
/// other work on the machine does not move it.
struct Sampler {
    var warmup: Int
    var iterations: Int
    var runs: Int

    func nanosecondsPerIteration(_ body: () throws -> Void) throws -> Double {
        for _ in 0..<warmup { try body() }
        var perIteration: [Double] = []
        perIteration.reserveCapacity(runs)
        for _ in 0..<max(1, runs) {
            let start = MonotonicClock.nanoseconds()
            for _ in 0..<max(1, iterations) { try body() }
            let elapsed = MonotonicClock.nanoseconds() - start
            perIteration.append(Double(elapsed) / Double(max(1, iterations)))
        }
        return Self.median(perIteration)
    }

    /// The middle value (the mean of the two middle ones for an even count); 0 when empty.
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
