/// The median and minimum of repeated timings, in milliseconds.
struct Timing {
    var median: Double
    var minimum: Double

    /// Runs `body` once to warm up, then `repeats` timed times; `prepare` runs untimed before each run.
    static func measure(repeats: Int, prepare: () -> Void = {}, _ body: () -> Void) -> Timing {
        prepare()
        body()
        let clock = ContinuousClock()
        var times: [Double] = []
        for _ in 0..<repeats {
            prepare()
            let elapsed = clock.measure(body)
            times.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15)
        }
        times.sort()
        let middle = times.count / 2
        let median = times.count % 2 == 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2
        return Timing(median: median, minimum: times[0])
    }
}
