import ArgumentParser
import Foundation
import SegLensCore
import SegLensUI

/// `seglens soak`: random key presses replayed headlessly through the explorer's model and view, to show that no
/// sequence of keys crashes it, leaks memory or puts a bare NaN on screen.
///
/// Each input gets its share of the presses on a fresh model. A press is a random key of the key table (every
/// binding, weighted alike), a key no binding has, a mouse event anywhere on the screen or a resize (from 20×6 to
/// 200×60); while training runs each press is followed by one training frame, as in the live loop; every press is
/// drawn with randomly chosen capabilities. The resident memory is read after the input's first 1,000 presses and
/// at its end: the end must be within 10% of the first reading (`--tolerance`).
struct SoakCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak",
        abstract: "Press random keys headlessly in the explorer over inputs; check no crash, bounded memory, no bare NaN.",
        discussion: "Exits 0 when every input holds, 1 when one does not. Example: seglens soak Samples/*.mask --size 2048 --presses 100000"
    )

    @Argument(help: ".mask files to soak (each on a fresh model).") var files: [String] = []
    @Option(help: "Also soak a synthetic N×N binary input (0: none).") var size = 0
    @Option(help: "Key presses in all, shared evenly by the inputs.") var presses = 100_000
    @Option(help: "The random generator's seed (the same seed presses the same keys).") var seed: UInt64 = 1
    @Option(help: "Allowed growth of resident memory from the 1,000th press to the end, as a fraction.")
    var tolerance = 0.10

    /// Presses after which the baseline memory is read.
    static let baselinePresses = 1_000
    /// Presses between two progress lines on stderr.
    static let progressInterval = 250

    func validate() throws {
        guard !files.isEmpty || size > 0 else { throw ValidationError("give .mask files, --size N, or both") }
        guard presses >= 1 else { throw ValidationError("--presses must be at least 1") }
        guard (0...16_384).contains(size) else { throw ValidationError("--size must be within 0…16384") }
    }

    func run() throws {
        try CommandFailure.run {
            HeapTuning.keepLargeBlocksInTheHeap()
            var scenarios: [(name: String, scenario: Scenario)] = []
            for file in files {
                let scenario = try InputOptions.parse([file]).scenario(
                    lossOptions: try LossOptions.parse([]), editOptions: try EditOptions.parse([]))
                scenarios.append((file, scenario))
            }
            if size > 0 {
                let input = SyntheticInput.make(size: size, classes: 1, seed: 2026)
                scenarios.append(("synthetic \(size)×\(size)", Scenario(
                    title: "soak", classNames: ["background", "object"],
                    predictions: [Scenario.Prediction(name: "synthetic", input: input)])))
            }
            var generator = SplitMix64(seed: seed)
            var failed = false
            let nameWidth = max(5, scenarios.map(\.name.count).max() ?? 0)
            func column(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
            emit("input".padding(toLength: nameWidth, withPad: " ", startingAt: 0)
                + "  presses  trained  MB@1000   MB end  growth  peak MB  bare NaN       s")
            for (index, entry) in scenarios.enumerated() {
                let share = presses / scenarios.count + (index < presses % scenarios.count ? 1 : 0)
                let report = Self.soak(entry.scenario, presses: share, generator: &generator)
                let growth = report.baseline.map { Double(report.end) / Double($0) - 1 }
                let holds = (growth ?? 0) <= tolerance && report.bareNaNFrames == 0
                failed = failed || !holds
                let fields = [
                    column("\(share)", 9), column("\(report.trainingFrames)", 9),
                    column(report.baseline.map { String(format: "%.1f", megabytes($0)) } ?? "-", 9),
                    column(String(format: "%.1f", megabytes(report.end)), 9),
                    column(growth.map { String(format: "%+.1f%%", 100 * $0) } ?? "-", 8),
                    column(String(format: "%.1f", megabytes(report.peak)), 9), column("\(report.bareNaNFrames)", 10),
                    column(String(format: "%.1f", report.seconds), 8),
                ]
                emit(entry.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + fields.joined()
                    + (holds ? "" : "  FAILED"))
            }
            if failed {
                FileHandle.standardError.write(Data("seglens: soak failed: memory grew more than \(Int(100 * tolerance))% or a frame showed a bare NaN\n".utf8))
                throw ExitCode(1)
            }
        }
    }

    /// Writes a line of the report at once (unbuffered), so that a long soak shows each input as it ends.
    private func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private func megabytes(_ bytes: Int) -> Double { Double(bytes) / 1_048_576 }

    struct Report {
        var baseline: Int?
        var end = 0
        var peak = 0
        var trainingFrames = 0
        var bareNaNFrames = 0
        var seconds = 0.0
    }

    /// Presses `presses` random keys on a fresh model of `scenario`.
    static func soak(_ scenario: Scenario, presses: Int, generator: inout SplitMix64) -> Report {
        let clock = ContinuousClock()
        let start = clock.now
        var model = ExplorerModel(scenario: scenario)
        var report = Report()
        var screen = TerminalSize(rows: 40, columns: 120)
        let bound = KeyTable.bindings.flatMap(\.keys)
        let unbound: [Key] = [.character("#"), .character("9"), .function(5), .home, .end, .pageDown, .delete,
                              .backspace, .enter, .control("z")]
        let capabilities = [Capabilities.full, .plain, Capabilities(colorDepth: .sixteen, unicode: true),
                            Capabilities(colorDepth: .none, unicode: true)]
        for press in 1...presses {
            var key: Key
            switch Int.random(in: 0..<100, using: &generator) {
            case 0..<80: key = bound.randomElement(using: &generator)!
            case 80..<88: key = unbound.randomElement(using: &generator)!
            case 88..<96:
                let kinds: [MouseEvent.Kind] = [.wheelUp, .wheelDown, .press(button: 1), .release(button: 1)]
                key = .mouse(MouseEvent(
                    kind: kinds.randomElement(using: &generator)!,
                    row: Int.random(in: 0..<screen.rows, using: &generator),
                    column: Int.random(in: 0..<screen.columns, using: &generator)))
            default:
                screen = TerminalSize(rows: Int.random(in: 6...60, using: &generator),
                                      columns: Int.random(in: 20...200, using: &generator))
                key = .resize
            }
            _ = model.update([key], screen: screen)
            if model.training.isRunning {
                model.advanceTraining(budget: .milliseconds(10))
                report.trainingFrames += 1
            }
            let frame = ExplorerView.render(model, size: screen, capabilities: capabilities.randomElement(using: &generator)!)
            if frame.textLines().contains(where: showsBareNaN) { report.bareNaNFrames += 1 }
            if press == baselinePresses { report.baseline = ResidentMemory.current() }
            if press % progressInterval == 0 {
                // Progress on stderr (a large input's soak takes minutes): presses so far, resident memory, time.
                let line = String(format: "soak: %d/%d presses, %.1f MB resident, %.0f s\n", press, presses,
                                  Double(ResidentMemory.current()) / 1_048_576,
                                  Double((clock.now - start) / .milliseconds(1)) / 1000)
                FileHandle.standardError.write(Data(line.utf8))
            }
        }
        report.end = ResidentMemory.current()
        report.peak = ResidentMemory.peak()
        report.seconds = Double((clock.now - start) / .milliseconds(1)) / 1000
        return report
    }

    /// Whether a line of the screen shows a NaN or an infinity as a number ("nan", "inf", "-inf").
    static func showsBareNaN(_ line: String) -> Bool {
        line.split(whereSeparator: { !$0.isLetter }).contains { word in
            let lower = word.lowercased()
            return lower == "nan" || lower == "inf" || lower == "infinity"
        }
    }
}

/// The process's memory as the kernel counts it (Linux `/proc/self`).
enum ResidentMemory {
    /// Bytes of the process in RAM now (`statm`'s resident pages).
    static func current() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// The most bytes the process has held in RAM (`VmHWM`).
    static func peak() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return 0 }
        return kilobytes * 1024
    }
}
