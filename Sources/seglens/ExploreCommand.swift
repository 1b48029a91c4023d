import ArgumentParser
import Foundation
import SegLensTerminal
import SegLensUI

/// `seglens [FILE]`: the live explorer in the terminal (the default command).
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Explore losses live in the terminal (the default command; no input opens the built-in sample).",
        discussion: "Press ? in the explorer for every key. Exit codes as for eval, and 2 when the terminal cannot be used."
    )

    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var lossOptions: LossOptions
    @OptionGroup(title: "What-if edits of the prediction") var editOptions: EditOptions
    @Flag(name: .customLong("no-color"), help: "Monochrome (as does NO_COLOR in the environment).") var noColor = false
    @Flag(help: "ASCII glyphs only (automatic when the locale is not UTF-8).") var ascii = false
    @Flag(help: "Start in the presentation view: only the grids, the heatmap and the selected loss, in large cells (f toggles it).")
    var present = false
    @Option(help: ArgumentHelp(
        "Play a demo live: a script file or the script itself, in render --keys tokens plus <wait 1.5s> and <quit>. Any key pauses it.",
        valueName: "SCRIPT"))
    var keys: String?
    @Option(help: ArgumentHelp(
        "Start from a state line, as printed on quit: loss, parameters, prediction, edits, view, zoom.", valueName: "STATE"))
    var state: String?
    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (text selection).") var noMouse = false

    /// The training animation's frame interval: at most 30 frames per second (a bound for the bytes sent over SSH).
    static let frameInterval = Duration.milliseconds(33)
    /// Time per training frame for the values of the losses that are not selected (see
    /// ``ExplorerModel/advanceTraining(budget:)``): all of them on small inputs, a few per frame at 1024².
    static let otherLossesBudget = Duration.milliseconds(10)
    /// Inputs with more pixels than this compute off the input thread: a key press answers at once with the stale
    /// frame marked "computing…", further keys stay live, and a result that later keys made stale is dropped. Up to
    /// 1024×1024 a key press computes within a frame, in line.
    static let backgroundPixels = 1 << 20
    /// How often the live loop looks for finished background work while it waits for keys.
    static let backgroundPoll = Duration.milliseconds(5)

    /// The script of `--keys`: the file of that name if there is one, otherwise the text itself.
    static func script(_ argument: String) throws(CommandFailure) -> [KeyScript.Step] {
        var isDirectory: ObjCBool = false
        let isFile = FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) && !isDirectory.boolValue
        let text: String
        if isFile {
            guard let contents = try? String(contentsOfFile: argument, encoding: .utf8) else {
                throw CommandFailure(.usage, "--keys: cannot read \(argument) as UTF-8 text")
            }
            text = contents
        } else {
            text = argument
        }
        do {
            return try KeyScript.parse(text)
        } catch {
            throw CommandFailure(.usage, "--keys\(isFile ? " \(argument)" : ""): \(error)")
        }
    }

    /// `--state`'s line for `scenario`, with a usage error that points at the bad word.
    static func state(_ text: String, scenario: Scenario) throws(CommandFailure) -> ExplorerState {
        do {
            return try ExplorerState.parse(text, scenario: scenario)
        } catch {
            throw CommandFailure(.usage, "--state: \(error)")
        }
    }

    /// `seglens ARGUMENTS --state 'STATE'`: this run's arguments without --state, --keys and --present, shell-quoted.
    static func commandLine(state: String, arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> String {
        var kept: [String] = []
        var skipNext = false
        for argument in arguments {
            if skipNext { skipNext = false; continue }
            if argument == "--state" || argument == "--keys" { skipNext = true; continue }
            if argument.hasPrefix("--state=") || argument.hasPrefix("--keys=") || argument == "--present" { continue }
            kept.append(argument)
        }
        func quoted(_ word: String) -> String {
            let safe = word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=,:+@%".contains($0)) }
            return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        return (["seglens"] + kept.map(quoted) + ["--state", "'\(state)'"]).joined(separator: " ")
    }

    func run() throws {
        try CommandFailure.run {
            HeapTuning.keepLargeBlocksInTheHeap()
            let progress = inputOptions.progressLine()
            defer { progress.finish() }
            let scenario = try inputOptions.scenario(lossOptions: lossOptions, editOptions: editOptions, progress: progress)
            progress.update("preparing the panels")
            var model = ExplorerModel(scenario: scenario)
            if let state { model.restore(try Self.state(state, scenario: scenario)) }
            if present { model.setPresenting(true) }
            progress.finish()
            if scenario.truth.pixelCount > Self.backgroundPixels { model.setDefersComputation(true) }
            let job = BackgroundJob<ExplorerWork.Outcome>()
            var player = try keys.map { ScriptPlayer(steps: try Self.script($0)) }
            let outcome: TerminalOutcome
            let clock = ContinuousClock()
            let start = clock.now
            var previousTrainingFrame: ContinuousClock.Instant?
            do {
                outcome = try TerminalSession.run(options: TerminalOptions(noColor: noColor, ascii: ascii, mouse: !noMouse)) {
                    pressed, context in
                    var keys = pressed
                    if player != nil {
                        keys = player!.handle(userKeys: keys, now: clock.now - start)
                        keys += player!.advance(to: clock.now - start)
                        if player!.state == .quit { return .quit }
                    }
                    if let outcome = job.takeFinished() { model.accept(outcome) }  // dropped if keys made it stale
                    // A poll for background work with no key changes nothing (and keeps the status line's message).
                    let polling = keys.isEmpty && model.isComputing && !model.training.isRunning
                    if !polling { guard model.update(keys, screen: context.size) else { return .quit } }
                    if model.exportRequested {
                        model.computePending()  // the PNG shows the current state, not the stale frame
                        let image = PNGExport.image(model, capabilities: context.capabilities)
                        do {
                            model.say("exported \(try PNGExportFile.writeNext(image, input: inputOptions.exportName))")
                        } catch {
                            model.say("export failed: \(error)")
                        }
                    }
                    if let status = player?.statusText { model.say([model.message, status].compactMap { $0 }.joined(separator: " · ")) }
                    // While training runs, every call (a key batch or a tick) trains one frame, then waits for keys
                    // at most what is left of the frame interval.
                    let started = clock.now
                    if model.training.isRunning {
                        model.advanceTraining(budget: Self.otherLossesBudget)
                        if let previous = previousTrainingFrame {
                            let seconds = Double((started - previous) / .milliseconds(1)) / 1000
                            let rate = Double(model.training.stepsPerFrame) / max(seconds, 1e-6)
                            let smoothed = model.training.stepsPerSecond.map { 0.8 * $0 + 0.2 * rate } ?? rate
                            model.recordTrainingSpeed(stepsPerSecond: smoothed)
                        }
                        previousTrainingFrame = started
                    } else {
                        previousTrainingFrame = nil
                    }
                    if let work = model.pending, !job.isRunning { job.start { work.run() } }
                    let frame = ExplorerView.render(model, size: context.size, capabilities: context.capabilities)
                    if model.needsFullRepaint { return .repaint(frame) }
                    if model.isComputing { return .animate(frame, interval: Self.backgroundPoll) }
                    // A playing script wakes the loop when its next step is due (a read timeout, never a sleep).
                    let scriptWait = player?.timeUntilNextStep(now: clock.now - start)
                    guard model.training.isRunning else { return scriptWait.map { .animate(frame, interval: $0) } ?? .redraw(frame) }
                    let frameWait = max(.zero, Self.frameInterval - (clock.now - started))
                    return .animate(frame, interval: scriptWait.map { min($0, frameWait) } ?? frameWait)
                }
            } catch let error as TerminalError {
                throw CommandFailure(.terminal, error.description)
            }
            if case let .signal(signal) = outcome { TerminalSession.dieBySignal(signal) }
            // The state line: the same command again, without the options the state replaces.
            print(Self.commandLine(state: ExplorerState(model).text(scenario: scenario)))
        }
    }
}
