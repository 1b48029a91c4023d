import Foundation
import ArgumentParser
import SegLensCore

/// `seglens bench`: times value + gradient of each loss on generated inputs.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time value + gradient of each loss on generated inputs (fixed seed).",
        discussion: """
            Inputs are an N×N truth of random blobs and logits of a noisy, fixed-seed prediction of it. \
            --classes 1 (the default) benchmarks the binary losses on one logit channel; C ≥ 2 benchmarks the \
            multi-class losses on C channels. Prints the median and the minimum over the repeats, in ms.
            """
    )

    @Option(help: "Side N of the N×N input.") var size = 256
    @Option(help: "Logit channels: 1 for binary, C ≥ 2 for multi-class.") var classes = 1
    @OptionGroup var lossOptions: LossOptions
    @Option(help: "Timed runs per loss (after one warm-up run).") var `repeat` = 15
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        guard (1...8192).contains(size) else { throw ValidationError("--size must be within 1…8192") }
        guard (1...256).contains(classes) else { throw ValidationError("--classes must be within 1…256") }
        guard (1...10_000).contains(`repeat`) else { throw ValidationError("--repeat must be within 1…10000") }
    }

    func run() throws {
        try CommandFailure.run {
            let input = SyntheticInput.make(size: size, classes: classes, seed: 2026)
            let losses = try lossOptions.selection(for: input.mode)
            let clock = ContinuousClock()
            var results: [JSONValue] = []
            if !json {
                print("\(input.mode.rawValue) \(size)×\(size), \(input.classes) classes, median and minimum of \(`repeat`) runs")
                print("loss".padding(toLength: 16, withPad: " ", startingAt: 0) + "   median ms      min ms")
            }
            for (loss, parameters) in losses {
                _ = loss.evaluate(input, parameters: parameters)
                var times: [Double] = []
                for _ in 0..<`repeat` {
                    let elapsed = clock.measure { _ = loss.evaluate(input, parameters: parameters) }
                    times.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15)
                }
                times.sort()
                let median = times.count % 2 == 1
                    ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
                if json {
                    results.append(.object([
                        ("loss", .string(loss.name)), ("mode", .string(loss.mode.rawValue)), ("size", .integer(size)),
                        ("classes", .integer(classes)), ("median_ms", .number(median)), ("min_ms", .number(times[0])),
                    ]))
                } else {
                    print(loss.name.padding(toLength: 16, withPad: " ", startingAt: 0)
                        + String(format: "%11.3f %11.3f", median, times[0]))
                }
            }
            if json { print(JSONValue.object([("results", .array(results))]).text) }
        }
    }
}
