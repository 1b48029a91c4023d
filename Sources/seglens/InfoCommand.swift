import ArgumentParser
import SegLensCore

/// `seglens info`: what an input holds — size, classes, pixels per class of the truth, and per prediction its
/// kind, value range and predicted pixels per class.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Describe an input: size, classes, truth class counts, and each prediction.",
        discussion: """
            Class counts are over the pixels that are not ignored: the truth's labels, and each prediction's \
            class at p ≥ 0.5 (binary) or at argmax (multi-class, the first maximum wins a tie). A prediction's \
            value range is the minimum and maximum of its values as given (logits or probabilities). \
            --json prints one object: {"title", "note", "source", "mode", "height", "width", "classes", \
            "class_names", "ignore_index", "truth": {"counts", "ignored"}, "predictions": [{"name", "kind", \
            "channels", "min", "max", "counts"}]}. With --truth alone: the truth's size and pixels per label \
            ({"source", "height", "width", "ignore_index", "ignored", "labels": [{"label", "count"}]}).
            """
    )

    @OptionGroup var inputOptions: InputOptions
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        if inputOptions.prediction != nil { throw ValidationError("--prediction does not apply: info describes every prediction") }
    }

    func run() throws {
        try CommandFailure.run {
            let progress = inputOptions.progressLine()
            defer { progress.finish() }
            if let truth = try inputOptions.truthAlone(progress: progress) {
                let source = inputOptions.truth ?? ""
                progress.update("counting labels")
                let report = json ? truthJSON(truth, source: source).text : truthText(truth, source: source)
                progress.finish()
                print(report)
                return
            }
            let inputs = try inputOptions.inputSet(progress: progress)
            progress.update("counting classes")
            let report = json ? Self.json(inputs).text : Self.text(inputs)
            progress.finish()
            print(report)
        }
    }

    /// Pixels per label of a truth given alone, and the ignored ones under `--ignore-index`.
    private func labelCounts(_ truth: LabelMap) -> (labels: [(label: Int32, count: Int)], ignored: Int) {
        var counts: [Int32: Int] = [:]
        for label in truth.labels { counts[label, default: 0] += 1 }
        let ignored = inputOptions.ignoreIndex.map { counts.removeValue(forKey: $0) ?? 0 } ?? 0
        return (counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, ignored)
    }

    private func truthText(_ truth: LabelMap, source: String) -> String {
        let (labels, ignored) = labelCounts(truth)
        let ignore = inputOptions.ignoreIndex.map { ", ignore index \($0): \(ignored) ignored" } ?? ""
        return """
            \(source): truth only, \(truth.height)×\(truth.width), \(labels.count) distinct labels\(ignore)
            labels: \(labels.map { "\($0.label) \($0.count)" }.joined(separator: ", "))
            """
    }

    private func truthJSON(_ truth: LabelMap, source: String) -> JSONValue {
        let (labels, ignored) = labelCounts(truth)
        return .object([
            ("source", .string(source)), ("height", .integer(truth.height)), ("width", .integer(truth.width)),
            ("ignore_index", inputOptions.ignoreIndex.map { .integer(Int($0)) } ?? .null), ("ignored", .integer(ignored)),
            ("labels", .array(labels.map { .object([("label", .integer(Int($0.label))), ("count", .integer($0.count))]) })),
        ])
    }

    /// Pixels per class of the truth (kept pixels) and of each prediction's thresholded or argmax class.
    private static func counts(_ input: LossInput) -> (truth: [Int], predicted: [Int]) {
        let perClass = SegmentationMetrics(input).perClass
        return (perClass.map { $0.truePositive + $0.falseNegative }, perClass.map { $0.truePositive + $0.falsePositive })
    }

    private static func text(_ inputs: InputSet) -> String {
        let first = inputs.first
        let names = inputs.classNames
        func listed(_ counts: [Int]) -> String {
            zip(names, counts).map { "\($0) \($1)" }.joined(separator: ", ")
        }
        var lines = [inputs.title == inputs.source ? inputs.title : "\(inputs.title) (\(inputs.source))"]
        if let note = inputs.note { lines.append(note) }
        let ignore = first.ignoreIndex.map { ", ignore index \($0)" } ?? ""
        lines.append("\(first.mode.rawValue) \(first.height)×\(first.width), \(first.classes) classes: "
            + names.enumerated().map { "\($0) \($1)" }.joined(separator: ", ") + ignore)
        lines.append("truth: \(listed(counts(first).truth)), ignored \(first.ignoredCount)")
        let rule = first.mode == .binary ? "at p ≥ 0.5" : "at argmax"
        for prediction in inputs.predictions {
            let values = range(prediction.values)
            lines.append("prediction \"\(prediction.name)\": \(prediction.kind.rawValue) \(prediction.shape.map(String.init).joined(separator: "×")), "
                + "values \(values.min) … \(values.max)")
            lines.append("  \(rule): \(listed(counts(prediction.input).predicted))")
        }
        return lines.joined(separator: "\n")
    }

    private static func json(_ inputs: InputSet) -> JSONValue {
        let first = inputs.first
        return .object([
            ("title", .string(inputs.title)), ("note", inputs.note.map(JSONValue.string) ?? .null),
            ("source", .string(inputs.source)), ("mode", .string(first.mode.rawValue)),
            ("height", .integer(first.height)), ("width", .integer(first.width)), ("classes", .integer(first.classes)),
            ("class_names", .array(inputs.classNames.map(JSONValue.string))),
            ("ignore_index", first.ignoreIndex.map { .integer(Int($0)) } ?? .null),
            ("truth", .object([
                ("counts", .array(counts(first).truth.map(JSONValue.integer))),
                ("ignored", .integer(first.ignoredCount)),
            ])),
            ("predictions", .array(inputs.predictions.map { prediction in
                let values = range(prediction.values)
                return .object([
                    ("name", .string(prediction.name)), ("kind", .string(prediction.kind.rawValue)),
                    ("channels", .integer(prediction.input.logits.classes)),
                    ("min", .number(values.min)), ("max", .number(values.max)),
                    ("counts", .array(counts(prediction.input).predicted.map(JSONValue.integer))),
                ])
            })),
        ])
    }

    /// The smallest and largest of `values` (never empty: an input has at least one pixel).
    private static func range(_ values: [Double]) -> (min: Double, max: Double) {
        (values.min() ?? .nan, values.max() ?? .nan)
    }
}
