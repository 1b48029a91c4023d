import Foundation
import ArgumentParser
import SegLensCore
import SegLensUI

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
    @Flag(help: "Time the explorer instead: one key press (the first parameter of the first --loss, default γ of focal, up or down) to the finished frame, replayed headlessly.")
    var explorer = false
    @Flag(help: "With --explorer: time one training frame (one step of the first --loss, default focal, then the whole frame) instead of a key press.")
    var train = false
    @Flag(help: "With --explorer --train: the race view's frame (one step in each of its lanes: bce, focal, dice or ce, focal, dice).")
    var race = false
    @Flag(help: "Time the U-Net weight map of border-bce instead (components and one distance transform per object, uncached) on an N×N truth of --objects separate discs.")
    var borderMap = false
    @Option(help: "With --border-map: the number of objects.") var objects = 50
    @Option(help: ArgumentHelp("Screen size of --explorer frames.", valueName: "WxH"), transform: RenderCommand.parseSize)
    var screen = TerminalSize(rows: 40, columns: 120)
    @Flag(help: "Print one JSON object.") var json = false
    @Option(help: ArgumentHelp("--explorer: keys pressed once before timing, e.g. \"v\" to open the sweep panel or \"P\" to pin.", valueName: "KEYS"))
    var setup = ""
    @Option(help: ArgumentHelp("--explorer: the keys of the timed steps, pressed one per step in turn (default: → and ←).", valueName: "KEYS"))
    var steps = "<Right> <Left>"

    func validate() throws {
        guard (1...8192).contains(size) else { throw ValidationError("--size must be within 1…8192") }
        guard (1...256).contains(classes) else { throw ValidationError("--classes must be within 1…256") }
        guard (1...10_000).contains(`repeat`) else { throw ValidationError("--repeat must be within 1…10000") }
        if train && !explorer { throw ValidationError("--train needs --explorer") }
        if race && !train { throw ValidationError("--race needs --explorer --train") }
        guard (1...10_000).contains(objects) else { throw ValidationError("--objects must be within 1…10000") }
    }

    func run() throws {
        try CommandFailure.run {
            if explorer {
                let mode: SegmentationMode = classes == 1 ? .binary : .multiclass
                let loss = try lossOptions.selection(for: mode).first.flatMap { lossOptions.names.isEmpty ? nil : $0.loss }
                let setupKeys: [Key], stepKeys: [Key]
                do {
                    setupKeys = try Key.parseTokens(setup)
                    stepKeys = try Key.parseTokens(steps)
                } catch {
                    throw CommandFailure(.usage, "--setup/--steps: \(error)")
                }
                guard !stepKeys.isEmpty else { throw CommandFailure(.usage, "--steps needs at least one key") }
                let timing = ExplorerBench.run(
                    size: size, classes: classes, loss: loss, screen: screen, repeats: `repeat`, setup: setupKeys,
                    steps: stepKeys, training: train, race: race)
                let what = race ? "race" : train ? "train" : "key"
                let heading = train ? "training frame (1 step) → frame at \(screen)" : "key press → frame at \(screen)"
                report([("\(what):" + (race ? "lanes" : loss?.name ?? "focal"), mode.rawValue, timing)], heading: heading)
                return
            }
            if borderMap {
                let truth = SyntheticInput.separateDiscs(size: size, objects: objects, seed: 2026)
                let timing = Timing.measure(repeats: `repeat`) { _ = BorderWeightMap(truth: truth, ignore: nil) }
                report([("border-map", "binary", timing)], heading: "U-Net weight map of \(objects) objects")
                return
            }
            let input = SyntheticInput.make(size: size, classes: classes, seed: 2026)
            let losses = try lossOptions.selection(for: input.mode)
            let rows = losses.map { loss, parameters in
                (loss.name, loss.mode.rawValue, Timing.measure(repeats: `repeat`) { _ = loss.evaluate(input, parameters: parameters) })
            }
            report(rows, heading: "value + gradient")
        }
    }

    private func report(_ rows: [(name: String, mode: String, timing: Timing)], heading: String) {
        if json {
            print(JSONValue.object([("results", .array(rows.map { row in
                .object([
                    ("loss", .string(row.name)), ("mode", .string(row.mode)), ("size", .integer(size)),
                    ("classes", .integer(classes)), ("median_ms", .number(row.timing.median)),
                    ("min_ms", .number(row.timing.minimum)),
                ])
            }))]).text)
            return
        }
        print("\(size)×\(size), \(classes == 1 ? "binary" : "\(classes) classes"), \(heading): median and minimum of \(`repeat`) runs")
        print("loss".padding(toLength: 16, withPad: " ", startingAt: 0) + "   median ms      min ms")
        for row in rows {
            print(row.name.padding(toLength: 16, withPad: " ", startingAt: 0)
                + String(format: "%11.3f %11.3f", row.timing.median, row.timing.minimum))
        }
    }
}
