import ArgumentParser
import SegLensCore

/// `seglens sweep`: each selected loss, and the share of its gradient on the hardest pixels, along one parameter
/// or edit.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Print loss values along a parameter or an edit, with the share of the gradient on the hardest 10% of pixels.",
        discussion: """
            P is a loss parameter (alpha, gamma, beta, smooth) or an edit (shift — along x —, shift-y, dilate, \
            blur, temperature, noise). Every row equals `seglens eval` with that value given. The hardest pixels are \
            those with the largest −log p_t; the share is their part of the gradient's L1 norm. At most \
            \(SweepCommand.maximumPoints) points. Exit codes as for eval.
            """
    )

    static let maximumPoints = 10_000

    @OptionGroup var inputOptions: InputOptions
    @OptionGroup var lossOptions: LossOptions
    @OptionGroup(title: "What-if edits of the prediction") var editOptions: EditOptions

    @Option(parsing: .unconditional, help: ArgumentHelp("What to vary and how: e.g. gamma=0:5:0.5 or shift=0:4:1.", valueName: "P=START:STOP:STEP"))
    var vary: String

    @Flag(help: "Comma-separated values with a header line.") var csv = false
    @Flag(help: "Print exactly one JSON object.") var json = false

    func validate() throws {
        if csv && json { throw ValidationError("give --csv or --json, not both") }
    }

    /// The parsed `--vary`.
    struct Range {
        var variable: SweepVariable
        var start: Double, stop: Double, step: Double
    }

    func parseVary() throws(CommandFailure) -> Range {
        let allowed = SweepVariable.all.map(\.name).joined(separator: ", ")
        let sides = vary.split(separator: "=", maxSplits: 1).map(String.init)
        guard sides.count == 2 else {
            throw CommandFailure(.usage, "--vary takes P=START:STOP:STEP, e.g. --vary gamma=0:5:0.5 (got '\(vary)')")
        }
        guard let variable = SweepVariable.named(sides[0]) else {
            throw CommandFailure(.usage, "--vary: unknown parameter '\(sides[0])' (allowed: \(allowed))")
        }
        let numbers = sides[1].split(separator: ":", omittingEmptySubsequences: false).map { Double($0) }
        guard numbers.count == 3, let start = numbers[0], let stop = numbers[1], let step = numbers[2],
              start.isFinite, stop.isFinite, step.isFinite
        else {
            throw CommandFailure(.usage, "--vary \(sides[0]) takes START:STOP:STEP, three numbers (got '\(sides[1])')")
        }
        guard step != 0 else { throw CommandFailure(.usage, "--vary \(sides[0]): STEP must not be 0") }
        guard (stop - start) / step >= 0 else {
            throw CommandFailure(.usage, "--vary \(sides[0]): STEP \(LossParameters.compact(step)) does not lead from START to STOP")
        }
        let count = ParameterSweep.count(start: start, stop: stop, step: step)
        guard count <= Double(Self.maximumPoints) else {
            throw CommandFailure(.usage, "--vary \(sides[0]): \(Int(count)) points, more than the limit of 1…\(Self.maximumPoints)")
        }
        return Range(variable: variable, start: start, stop: stop, step: step)
    }

    func run() throws {
        try CommandFailure.run {
            let range = try parseVary()
            let progress = inputOptions.progressLine()
            defer { progress.finish() }
            let loaded = try inputOptions.load(progress: progress)
            let edits = try editOptions.edits(classes: loaded.input.logits.classes)
            let selection = try lossOptions.selection(for: loaded.input.mode, file: loaded.fileParameters)
            let values = ParameterSweep.values(start: range.start, stop: range.stop, step: range.step)
            try check(values, of: range.variable, losses: selection.map(\.loss))
            let points: [ParameterSweep.Point]
            progress.update("sweeping \(range.variable.name) (0/\(values.count) points)")
            do {
                points = try ParameterSweep.run(
                    input: loaded.input, edits: edits, losses: selection, variable: range.variable, values: values,
                    progress: { done in progress.update("sweeping \(range.variable.name) (\(done)/\(values.count) points)") })
            } catch {
                throw CommandFailure(.badData, "--vary \(range.variable.name): the edits give \(error)")
            }
            progress.finish()
            if json {
                print(SweepReport.json(points, range: range, edits: edits, input: loaded.input, prediction: loaded.predictionName).text)
            } else {
                print(csv ? SweepReport.csv(points, variable: range.variable) : SweepReport.table(points, variable: range.variable))
            }
        }
    }

    /// Every value must lie in the variable's range (a loss parameter: the range of each selected loss that
    /// reads it), and integer edits take whole numbers.
    private func check(_ values: [Double], of variable: SweepVariable, losses: [Loss]) throws(CommandFailure) {
        let name = variable.name
        switch variable {
        case let .parameter(parameter):
            let readers = losses.filter { $0.parameters.contains(parameter) }
            guard !readers.isEmpty else {
                throw CommandFailure(
                    .usage, "--vary \(name): none of the selected losses (\(losses.map(\.name).joined(separator: ", "))) reads \(name)")
            }
            for loss in readers {
                let allowed = loss.range(of: parameter)
                if let bad = values.first(where: { !allowed.contains($0) }) {
                    throw CommandFailure(
                        .usage,
                        "--vary \(name): \(LossParameters.compact(bad)) is outside \(LossParameters.compact(allowed.lowerBound))…\(LossParameters.compact(allowed.upperBound)) for \(loss.name)")
                }
            }
        case let .edit(edit):
            if let bad = values.first(where: { !edit.range.contains($0) }) {
                throw CommandFailure(.usage, "--vary \(name): \(LossParameters.compact(bad)) is outside \(EditOptions.rangeText(edit))")
            }
            if edit.isInteger, let bad = values.first(where: { $0 != $0.rounded() }) {
                throw CommandFailure(.usage, "--vary \(name): \(LossParameters.compact(bad)) is not a whole number of pixels")
            }
        }
    }
}
