import Glibc

/// The median and minimum of repeated timings, in milliseconds, and the median CPU time of the process per run
/// (both cores' work added up): on a machine shared with other jobs the wall time grows with their load, the CPU
/// time much less.
struct Timing {
    var median: Double
    var minimum: Double
    var cpuMedian: Double = 0
    /// The 95th percentile (nearest rank) of the timings.
    var p95: Double = 0

    /// Runs `body` once to warm up, then `repeats` timed times; `prepare` runs untimed before each run.
    static func measure(repeats: Int, prepare: () -> Void = {}, _ body: () throws -> Void) rethrows -> Timing {
        prepare()
        try body()
        let clock = ContinuousClock()
        var times: [Double] = [], cpuTimes: [Double] = []
        for _ in 0..<repeats {
            prepare()
            let cpuStart = processCPUMilliseconds()
            let elapsed = try clock.measure(body)
            cpuTimes.append(processCPUMilliseconds() - cpuStart)
            times.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15)
        }
        return Timing(median: median(times), minimum: times.min()!, cpuMedian: median(cpuTimes), p95: percentile95(times))
    }

    /// The nearest-rank 95th percentile: the smallest value at or above 95% of the values.
    static func percentile95(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let rank = Int((0.95 * Double(sorted.count)).rounded(.up))
        return sorted[max(0, min(sorted.count - 1, rank - 1))]
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted(), middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    private static func processCPUMilliseconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) * 1e3 + Double(now.tv_nsec) * 1e-6
    }
}
