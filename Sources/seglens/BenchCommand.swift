import Foundation
import ArgumentParser
import SegLensCore
import SegLensFormats
import SegLensUI

/// `seglens bench`: times value + gradient of each loss on generated inputs.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time value + gradient of each loss on generated inputs (fixed seed).",
        discussion: """
            Inputs are an N×N truth of random blobs and logits of a noisy, fixed-seed prediction of it. \
            --classes 1 (the default) benchmarks the binary losses on one logit channel; C ≥ 2 benchmarks the \
            multi-class losses on C channels. Each loss is timed three ways in one run: warm (value and gradient \
            into a reused buffer, as a training step or the explorer does), cold (the same with fresh memory, page \
            faults included) and eval's path with every per-pixel map, and the losses with a Float kernel also warm in \
            Floats (warm f32, within 1e-5 of the Double path); each figure also prints as a multiple of the \
            one-pass floor (read the logits and labels, write one value per logit) measured in the same run. \
            Medians of --repeat runs, in ms.
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
    @Flag(help: "Time start-up to the first frame instead: read each FILE (or make the --size input), build the explorer and render its first frame.")
    var startup = false
    @Argument(help: "With --startup: .mask files (default: a synthetic --size input).") var files: [String] = []
    @Option(help: ArgumentHelp("Screen size of --explorer frames.", valueName: "WxH"), transform: RenderCommand.parseSize)
    var screen = TerminalSize(rows: 40, columns: 120)
    @Flag(help: "Print one JSON object.") var json = false
    @Option(help: ArgumentHelp("Also write the generated input to DIR/truth.npy (int32, N×N) and DIR/logits.npy (float64, C×N×N), replacing them, for Benchmarks/torch_peer.py.", valueName: "DIR"))
    var saveInputs: String?
    @Flag(help: "Print the rows of issue 12's target table: the binary losses at --size, the multi-class ones at --size/2 with 21 classes, and the explorer's key press, each with its target.")
    var table = false
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
                reportPeakMemory(pixels: size * size)
                return
            }
            if startup {
                try reportStartup()
                return
            }
            if borderMap {
                let truth = SyntheticInput.separateDiscs(size: size, objects: objects, seed: 2026)
                let timing = Timing.measure(repeats: `repeat`) { _ = BorderWeightMap(truth: truth, ignore: nil) }
                report([("border-map", "binary", timing)], heading: "U-Net weight map of \(objects) objects")
                return
            }
            if table {
                printTable()
                return
            }
            let input = SyntheticInput.make(size: size, classes: classes, seed: 2026)
            if let saveInputs {
                do {
                    try NPYWriter.write(input.truth, to: saveInputs + "/truth.npy", overwrite: .replace)
                    try NPYWriter.write(
                        NumpyArray(shape: [classes, size, size], storage: .doubles(input.logits.values)),
                        to: saveInputs + "/logits.npy", overwrite: .replace)
                } catch {
                    throw CommandFailure(.cannotCreate, "\(error)")
                }
            }
            let rows = LossBench.run(input, losses: try lossOptions.selection(for: input.mode), repeats: `repeat`)
            if json {
                print(JSONValue.object([("results", .array(rows.map { jsonRow($0) }))]).text)
                return
            }
            print("\(size)×\(size), \(classes == 1 ? "binary" : "\(classes) classes"), value + gradient: medians of \(`repeat`) runs in ms, and × the warm one-pass floor")
            print("loss".padding(toLength: 16, withPad: " ", startingAt: 0)
                + "      warm  ×floor   warm cpu  warm f32  ×floor      cold  ×floor   eval maps  ×floor")
            if let floor = rows.first?.floor {
                print("one-pass floor".padding(toLength: 16, withPad: " ", startingAt: 0)
                    + String(format: "%10.3f %7.1f %10.3f", floor.median, 1.0, floor.cpuMedian))
            }
            for row in rows {
                print(row.name.padding(toLength: 16, withPad: " ", startingAt: 0)
                    + String(format: "%10.3f %7.1f %10.3f ", row.warm.median, row.warmMultiple, row.warm.cpuMedian)
                    + (row.warmFloat.map { String(format: "%9.3f %7.1f", $0.median, row.warmFloatMultiple ?? 0) }
                        ?? "        –       –")
                    + String(format: " %9.3f %7.1f %11.3f %7.1f", row.cold.median, row.coldMultiple, row.maps.median,
                             row.mapsMultiple))
            }
            print("warm: buffers reused (training, explorer); warm cpu: CPU time of both cores per warm run; warm f32: the warm path in Floats (within 1e-5), where the loss has a Float kernel; cold: fresh memory every run; eval maps: eval's path with every per-pixel map, warm")
        }
    }

    private func jsonRow(_ row: LossBench.Row) -> JSONValue {
        .object([
            ("loss", .string(row.name)), ("mode", .string(row.mode)), ("size", .integer(row.size)),
            ("classes", .integer(row.classes)), ("median_ms", .number(row.warm.median)),
            ("min_ms", .number(row.warm.minimum)), ("warm_ms", .number(row.warm.median)),
            ("warm_cpu_ms", .number(row.warm.cpuMedian)),
            ("warm_float_ms", row.warmFloat.map { .number($0.median) } ?? .null),
            ("warm_float_cpu_ms", row.warmFloat.map { .number($0.cpuMedian) } ?? .null),
            ("warm_float_floor_multiple", row.warmFloatMultiple.map { .number($0) } ?? .null),
            ("cold_ms", .number(row.cold.median)), ("eval_maps_ms", .number(row.maps.median)),
            ("floor_ms", .number(row.floor.median)), ("floor_cpu_ms", .number(row.floor.cpuMedian)), ("warm_floor_multiple", .number(row.warmMultiple)),
            ("cold_floor_multiple", .number(row.coldMultiple)), ("eval_maps_floor_multiple", .number(row.mapsMultiple)),
        ])
    }

    /// The rows of issue 12's target table: binary losses at N×N, multi-class at (N/2)×(N/2)×21, the explorer's
    /// key press at N×N; each with its target (which applies at N = 1024).
    private func printTable() {
        let binary = SyntheticInput.make(size: size, classes: 1, seed: 2026)
        let half = max(1, size / 2)
        let multiclass = SyntheticInput.make(size: half, classes: 21, seed: 2026)
        func rows(_ input: LossInput, _ losses: [Loss]) -> [LossBench.Row] {
            LossBench.run(input, losses: losses.map { ($0, $0.defaultParameters) }, repeats: `repeat`)
        }
        let groups: [(work: String, rows: [LossBench.Row], targetMilliseconds: Double, targetMultiple: Double?)] = [
            ("focal, bce, weighted/balanced bce — \(size)×\(size) binary",
             rows(binary, [.binaryFocal, .bce, .weightedBCE, .balancedBCE]), 4, 4),
            ("dice, dice-squared, iou, tversky, focal-tversky — \(size)×\(size)",
             rows(binary, [.dice, .diceSquared, .iou, .tversky, .focalTversky]), 2, nil),
            ("lovasz-hinge — \(size)×\(size)", rows(binary, [.lovaszHinge]), 35, nil),
            ("ce, focal, dice, tversky — \(half)×\(half)×21 classes",
             rows(multiclass, [.crossEntropy, .multiclassFocal, .multiclassDice, .multiclassTversky]), 25, nil),
            ("lovasz-softmax — \(half)×\(half)×21 classes", rows(multiclass, [.lovaszSoftmax]), 250, nil),
        ]
        HeapTuning.keepLargeBlocksInTheHeap()
        let key = ExplorerBench.run(size: size, classes: 1, loss: nil, screen: screen, repeats: `repeat`)
        var items: [JSONValue] = []
        var lines: [String] = []
        for group in groups {
            for row in group.rows {
                let fastest = row.fastest, multiple = fastest.median / row.floor.median
                let meets = fastest.median <= group.targetMilliseconds && group.targetMultiple.map { multiple <= $0 } ?? true
                var members: [(String, JSONValue)] = [("work", .string(group.work))]
                if case let .object(rowMembers) = jsonRow(row) { members += rowMembers }
                members += [("fastest_ms", .number(fastest.median)), ("fastest_precision", .string(row.fastestIsFloat ? "float" : "double")),
                            ("target_ms", .number(group.targetMilliseconds))]
                if let multiple = group.targetMultiple { members += [("target_floor_multiple", .number(multiple))] }
                members += [("meets_target", .bool(meets))]
                items.append(.object(members))
                lines.append(tableLine(row.name, row.mode, String(format: "%10.3f %7.1f %10.3f", fastest.median,
                    multiple, row.cold.median) + (row.fastestIsFloat ? "   f32" : "   f64"), "≤ \(group.targetMilliseconds)", meets))
            }
        }
        let keyMeets = key.median <= 8
        items.append(.object([
            ("work", .string("explorer: key press → new frame, \(size)×\(size) binary")), ("loss", .string("key:focal")),
            ("mode", .string("binary")), ("size", .integer(size)), ("classes", .integer(1)),
            ("median_ms", .number(key.median)), ("min_ms", .number(key.minimum)), ("target_ms", .number(8)),
            ("meets_target", .bool(keyMeets)),
        ]))
        if json {
            print(JSONValue.object([("table", .array(items))]).text)
            return
        }
        print("issue 12's targets: binary \(size)×\(size), multi-class \(half)×\(half)×21; medians of \(`repeat`) runs in ms (targets apply at 1024)")
        print("loss             mode            warm  ×floor       cold  path target   met")
        lines.forEach { print($0) }
        print(tableLine("key:focal", "binary", String(format: "%10.3f", key.median) + String(repeating: " ", count: 25), "≤ 8.0", keyMeets))
    }

    private func tableLine(_ name: String, _ mode: String, _ figures: String, _ target: String, _ meets: Bool) -> String {
        name.padding(toLength: 16, withPad: " ", startingAt: 0) + " " + mode.padding(toLength: 10, withPad: " ", startingAt: 0)
            + figures + " " + target.padding(toLength: 9, withPad: " ", startingAt: 0) + (meets ? "yes" : "no")
    }

    private func report(_ rows: [(name: String, mode: String, timing: Timing)], heading: String, size: Int? = nil) {
        if json {
            print(JSONValue.object([("results", .array(rows.map { row in
                .object([
                    ("loss", .string(row.name)), ("mode", .string(row.mode)), ("size", .integer(size ?? self.size)),
                    ("classes", .integer(classes)), ("median_ms", .number(row.timing.median)),
                    ("p95_ms", .number(row.timing.p95)), ("min_ms", .number(row.timing.minimum)),
                    ("cpu_ms", .number(row.timing.cpuMedian)),
                ])
            }))]).text)
            return
        }
        let input = size == nil ? "\(self.size)×\(self.size), \(classes == 1 ? "binary" : "\(classes) classes"), " : ""
        print("\(input)\(heading): median, 95th percentile and minimum of \(`repeat`) runs, and CPU time (both cores) per run")
        let width = max(16, (rows.map(\.name.count).max() ?? 0) + 1)
        print((size == nil ? "loss" : "input").padding(toLength: width, withPad: " ", startingAt: 0)
            + "   median ms      p95 ms      min ms      cpu ms")
        for row in rows {
            print(row.name.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(format: "%11.3f %11.3f %11.3f %11.3f", row.timing.median, row.timing.p95, row.timing.minimum,
                         row.timing.cpuMedian))
        }
    }

    /// The process's peak resident memory so far (`VmHWM`: the input, the explorer and every transient buffer),
    /// also per pixel of the `pixels` input; on stderr with --json.
    private func reportPeakMemory(pixels: Int) {
        let peak = ResidentMemory.peak()
        let line = String(
            format: "peak resident memory %.1f MB = %.1f bytes per pixel of the %d×%d input (VmHWM, the whole process)",
            Double(peak) / 1_048_576, Double(peak) / Double(pixels), size, size)
        if json {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        } else {
            print(line)
        }
    }

    /// Start-up to the first frame of each file (or the synthetic input): reading and validating it, building the
    /// explorer (every loss's value, the selected loss's maps, the metrics) and rendering the frame.
    private func reportStartup() throws {
        HeapTuning.keepLargeBlocksInTheHeap()
        var rows: [(name: String, mode: String, timing: Timing)] = []
        let lossOptions = try LossOptions.parse([]), editOptions = try EditOptions.parse([])
        for file in files {
            var mode = "binary"
            let timing = try Timing.measure(repeats: `repeat`) {
                let scenario = try InputOptions.parse([file]).scenario(lossOptions: lossOptions, editOptions: editOptions)
                mode = scenario.mode.rawValue
                _ = ExplorerView.render(ExplorerModel(scenario: scenario), size: screen, capabilities: .full)
            }
            rows.append((file, mode, timing))
        }
        if files.isEmpty {
            let timing = Timing.measure(repeats: `repeat`) {
                let input = SyntheticInput.make(size: size, classes: classes, seed: 2026)
                let scenario = Scenario(
                    title: "bench", classNames: (0..<max(2, classes)).map(String.init),
                    predictions: [Scenario.Prediction(name: "synthetic", input: input)])
                _ = ExplorerView.render(ExplorerModel(scenario: scenario), size: screen, capabilities: .full)
            }
            rows.append(("synthetic", classes == 1 ? "binary" : "multiclass", timing))
        }
        report(rows, heading: "start-up → first frame at \(screen)", size: files.isEmpty ? nil : 0)
    }
}
